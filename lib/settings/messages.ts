import "server-only";
import { createTranslator } from "next-intl";
import { isMessageKey, MESSAGES, translatorFor } from "@/lib/i18n/messages";
import { currentLocale } from "@/lib/i18n/server";
import type { FieldIssue } from "./fields";

/** The refused fields as the action's fieldErrors: one sentence per field, in the user's language. */
export async function issueMessages(issues: readonly FieldIssue[]): Promise<Record<string, string[]>> {
  const locale = await currentLocale();
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "settings.errors" });
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const text =
      issue.code === "rule"
        ? isMessageKey(issue.message)
          ? translatorFor(locale)(issue.message)
          : issue.message
        : issue.code === "tooSmall"
          ? t("tooSmall", { min: issue.min })
          : issue.code === "tooBig"
            ? t("tooBig", { max: issue.max })
            : issue.code === "outsideCampaignYears"
              ? t("outsideCampaignYears", { first: issue.first, last: issue.last })
              : t(issue.code);
    out[issue.key] = [...(out[issue.key] ?? []), text];
  }
  return out;
}
