import "server-only";
import { cookies } from "next/headers";
import type { ActionErrorCode } from "@/lib/action/errors";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";
import { translatorFor } from "./messages";
import { renderText, type Text } from "./text";

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

/** Renders sentences built in `lib` in the user's language. */
export async function textRenderer(): Promise<(sentence: Text) => string> {
  const t = translatorFor(await currentLocale());
  return (sentence) => renderText(t, sentence);
}

/** The user-facing sentence for an action's refusal, in the user's language. */
export async function actionErrorMessage(code: ActionErrorCode): Promise<string> {
  return translatorFor(await currentLocale())(`actionErrors.${code}`);
}
