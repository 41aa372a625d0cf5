import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { BEIJING_TIME_ZONE } from "@/lib/time";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "./config";
import { MESSAGES } from "./messages";

// Times are shown in Beijing time, whatever the server's zone.
// No locale in the URL: the users share links between phones, so the language is a per-device choice.
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return { locale, messages: MESSAGES[locale], timeZone: BEIJING_TIME_ZONE };
});
