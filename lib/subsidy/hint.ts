import { formatEdge, formatExactRate, formatPermille, formatYuan, formatYuanNumber } from "./money";
import { computePhoneSubsidy, findTierIndex } from "./phone-subsidy";
import { DEFAULT_POLICY, type SubsidyPolicy, subsidyPolicySchema } from "./policy";
import type { CallerInput } from "./types";
import { validateCaller } from "./validate";

export type NextTierHint =
  | { status: "no-admitted"; line: string }
  | { status: "top-tier"; line: string }
  | { status: "unreachable"; line: string }
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
      line: string;
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
    return { status: "no-admitted", line: "暂无录取考生，无法计算报到率" };
  }
  const current = computePhoneSubsidy(caller, checked);
  if (current.tierIndex === 0) {
    const top = checked.tiers[0];
    const edge = top === undefined ? "" : formatEdge(top.lowerBoundPermille, top.inclusive);
    return { status: "top-tier", line: `已在最高档 ${edge}` };
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
    const workloadNote = after.meetsMinimumWorkload ? "" : "（按当前工作量计，未达到最低工作量：无步进并扣减标准）";
    return {
      status: "reachable",
      additionalEnrolled: extra,
      ratePermille: after.ratePermille,
      tierIndex,
      perStudentFen: after.perStudentFen,
      subsidyFen: after.subsidyFen,
      gainFen,
      line:
        `再报到 ${extra} 人，报到率 ${formatExactRate(enrolled, caller.admitted)}` +
        `（计为 ${formatPermille(after.ratePermille)}），进入档位 ` +
        `${formatEdge(tier.lowerBoundPermille, tier.inclusive)}：${formatYuan(after.perStudentFen)}/人，` +
        `电话补贴 ${formatYuanNumber(current.subsidyFen)} → ${formatYuan(after.subsidyFen)}，` +
        `多得 ${formatYuan(gainFen)}${workloadNote}`,
    };
  }
  return {
    status: "unreachable",
    line: "即使其余录取考生全部报到，也达不到更高档位",
  };
}
