import type { FieldErrors } from "@/lib/action/errors";
import { isMessageKey } from "@/lib/i18n/messages";
import { type Text, text } from "@/lib/i18n/text";
import type { FieldIssue } from "./fields";

/** The refused fields as the action's field errors: one catalogue sentence per issue (settings.errors.*). */
export function issueTexts(issues: readonly FieldIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[issue.key] = [...(out[issue.key] ?? []), issueText(issue)];
  return out;
}

function issueText(issue: FieldIssue): Text {
  switch (issue.code) {
    case "rule":
      // the policy schemas name their cross-field rules by catalogue key
      return isMessageKey(issue.message) ? text(issue.message) : text("actionErrors.fieldInvalid");
    case "tooSmall":
      return text("settings.errors.tooSmall", { min: issue.min });
    case "tooBig":
      return text("settings.errors.tooBig", { max: issue.max });
    case "outsideCampaignYears":
      return text("settings.errors.outsideCampaignYears", { first: issue.first, last: issue.last });
    default:
      return text(`settings.errors.${issue.code}`);
  }
}
