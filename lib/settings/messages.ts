import "server-only";
import { cookies } from "next/headers";
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import type { FieldIssue } from "./fields";

async function currentLocale(): Promise<Locale> {
  try {
    const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // outside a request (scripts, tests): the default language
    return DEFAULT_LOCALE;
  }
}

/** The refused fields as the action's fieldErrors: one sentence per field, in the user's language. */
export async function issueMessages(issues: readonly FieldIssue[]): Promise<Record<string, string[]>> {
  const locale = await currentLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "settings.errors" });
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const text =
      issue.code === "rule"
        ? issue.message
        : issue.code === "tooSmall"
          ? t("tooSmall", { min: issue.min })
          : issue.code === "tooBig"
            ? t("tooBig", { max: issue.max })
            : t(issue.code);
    out[issue.key] = [...(out[issue.key] ?? []), text];
  }
  return out;
}
