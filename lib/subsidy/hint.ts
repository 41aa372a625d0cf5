import { type Text, text } from "@/lib/i18n/text";
import { formatEdge, formatExactRate, formatPermille, formatYuanNumber } from "./money";
import { computePhoneSubsidy, findTierIndex } from "./phone-subsidy";
import { DEFAULT_POLICY, type SubsidyPolicy, subsidyPolicySchema } from "./policy";
import { yuan, yuanPerStudent } from "./steps";
import type { CallerInput } from "./types";
import { validateCaller } from "./validate";

export type NextTierHint =
  | { status: "no-admitted"; line: Text }
  | { status: "top-tier"; line: Text }
  | { status: "unreachable"; line: Text }
  | {
      status: "reachable";
      /** Further enrollments among the caller's admitted candidates needed to enter a higher tier. */
      additionalEnrolled: number;
      ratePermille: number;
      tierIndex: number;
      perStudentFen: number;
      /** The phone subsidy then, after the caller's own 误退 / fraud penalties. */
      subsidyFen: number;
      gainFen: number;
      line: Text;
    };

/**
 * "What if" for the caller's own page: the fewest further enrollments (admitted fixed, workload as
 * logged so far) that put the caller in a higher tier, and what that adds to the phone subsidy.
 * Overtime and the bottom-N ranking depend on other callers and are left out.
 */
export function nextTierHint(caller: CallerInput, policy: SubsidyPolicy = DEFAULT_POLICY): NextTierHint {
  const checked = subsidyPolicySchema.parse(policy);
  validateCaller(caller, checked, 0);

  if (caller.admitted === 0) {
    return { status: "no-admitted", line: text("subsidy.hint.noAdmitted") };
  }
  const current = computePhoneSubsidy(caller, checked);
  if (current.tierIndex === 0) {
    const top = checked.tiers[0];
    const edge = top === undefined ? "" : formatEdge(top.lowerBoundPermille, top.inclusive);
    return { status: "top-tier", line: text("subsidy.hint.topTier", { edge }) };
  }

  for (let extra = 1; caller.enrolled + extra <= caller.admitted; extra += 1) {
    const enrolled = caller.enrolled + extra;
    const tierIndex = findTierIndex(enrolled, caller.admitted, checked);
    if (tierIndex === null || (current.tierIndex !== null && tierIndex >= current.tierIndex)) {
      continue;
    }
    const tier = checked.tiers[tierIndex];
    const after = computePhoneSubsidy({ ...caller, enrolled }, checked);
    if (tier === undefined || after.ratePermille === null) {
      continue;
    }
    const gainFen = after.subsidyFen - current.subsidyFen;
    return {
      status: "reachable",
      additionalEnrolled: extra,
      ratePermille: after.ratePermille,
      tierIndex,
      perStudentFen: after.perStudentFen,
      subsidyFen: after.subsidyFen,
      gainFen,
      line: text(after.meetsMinimumWorkload ? "subsidy.hint.reachable" : "subsidy.hint.reachableWorkloadMissed", {
        extra: String(extra),
        exact: formatExactRate(enrolled, caller.admitted),
        percent: formatPermille(after.ratePermille),
        edge: formatEdge(tier.lowerBoundPermille, tier.inclusive),
        perStudent: yuanPerStudent(after.perStudentFen),
        current: formatYuanNumber(current.subsidyFen),
        after: yuan(after.subsidyFen),
        gain: yuan(gainFen),
      }),
    };
  }
  return {
    status: "unreachable",
    line: text("subsidy.hint.unreachable"),
  };
}
