import "server-only";
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import type { ActionErrorCode } from "@/lib/action/errors";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { MESSAGES } from "./messages";

/** The signed-in person's language (the cookie), or the default outside a request. */
export async function currentLocale(): Promise<Locale> {
  try {
    const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // outside a request (scripts, tests): the default language
    return DEFAULT_LOCALE;
  }
}

/** The user-facing sentence for an action's refusal, in the user's language. */
export async function actionErrorMessage(code: ActionErrorCode): Promise<string> {
  const locale = await currentLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "actionErrors" });
  return t(code);
}
