import {
  floorDiv,
  formatBound,
  formatEdge,
  formatExactRate,
  formatPermille,
  formatPoints,
  formatYuan,
  formatYuanNumber,
  passesEdge,
  ratePermilleOf,
} from "./money";
import { applyCallerPenalties } from "./penalties";
import type { SubsidyPolicy, SubsidyTier } from "./policy";
import type { CallerInput } from "./types";

/** A caller's phone subsidy (回访员电话补贴), before anything that depends on the other callers. */
export type PhoneSubsidy = {
  ratePermille: number | null;
  /** Index into policy.tiers; null without a rate or below the lowest tier. */
  tierIndex: number | null;
  perStudentFen: number;
  subsidyFen: number;
  meetsMinimumWorkload: boolean;
  lines: string[];
};

/** The first tier (highest first) whose edge the exact rate passes. */
export function findTierIndex(enrolled: number, admitted: number, policy: SubsidyPolicy): number | null {
  if (admitted === 0) {
    return null;
  }
  const index = policy.tiers.findIndex((tier) =>
    passesEdge(enrolled, admitted, tier.lowerBoundPermille, tier.inclusive),
  );
  return index === -1 ? null : index;
}

export function meetsMinimumWorkload(caller: CallerInput, policy: SubsidyPolicy): boolean {
  const { contactsPerAssigned, minutesPerAssigned } = policy.workload;
  return (
    caller.contacts >= contactsPerAssigned * caller.assigned && caller.minutes >= minutesPerAssigned * caller.assigned
  );
}

function formatCount(value: number): string {
  // Minutes may be fractional; two decimals are plenty for a display and avoid 0.30000000000000004.
  return String(Number(value.toFixed(2)));
}

function workloadLine(caller: CallerInput, policy: SubsidyPolicy, met: boolean): string {
  const { contactsPerAssigned, minutesPerAssigned } = policy.workload;
  const minContacts = contactsPerAssigned * caller.assigned;
  const minMinutes = minutesPerAssigned * caller.assigned;
  const shortfalls: string[] = [];
  if (caller.contacts < minContacts) {
    shortfalls.push(`联系次数差 ${minContacts - caller.contacts} 次`);
  }
  if (caller.minutes < minMinutes) {
    shortfalls.push(`时长差 ${formatCount(minMinutes - caller.minutes)} 分钟`);
  }
  const verdict = met ? "达到最低工作量" : `未达到最低工作量（${shortfalls.join("，")}）`;
  return (
    `工作量：联系 ${caller.contacts} 次（最低 ${contactsPerAssigned} × ${caller.assigned} = ` +
    `${minContacts} 次），时长 ${formatCount(caller.minutes)} 分钟（最低 ` +
    `${formatCount(minutesPerAssigned)} × ${caller.assigned} = ${formatCount(minMinutes)} 分钟）：${verdict}`
  );
}

/** The step bonus (注) and workload deduction applied to the tier's standard, with their lines. */
function perStudentStandard(
  tier: SubsidyTier,
  ratePermille: number,
  met: boolean,
  policy: SubsidyPolicy,
): { perStudentFen: number; lines: string[] } {
  const lines: string[] = [];
  const base = tier.fenPerStudent;
  const basic = formatBound(policy.basicTaskPermille);

  let withStep = base;
  if (ratePermille < policy.basicTaskPermille) {
    lines.push(`未达到基本任务 ${basic}，无步进`);
  } else if (!met) {
    lines.push("未达到最低工作量，无步进");
  } else {
    // ratePermille is floored, so this counts only full steps above the bound.
    const { sizePermille, fenPerStep } = policy.step;
    const steps = floorDiv(ratePermille - tier.lowerBoundPermille, sizePermille);
    const bound = formatBound(tier.lowerBoundPermille);
    const size = formatPoints(sizePermille);
    if (steps === 0) {
      lines.push(`达到基本任务 ${basic} 且达到最低工作量，高于档位下限 ${bound} 不满 ${size}，无步进`);
    } else {
      const bonus = steps * fenPerStep;
      withStep = base + bonus;
      lines.push(
        `达到基本任务 ${basic} 且达到最低工作量，高于档位下限 ${bound} 满 ${steps} 个 ${size}，` +
          `步进 ${steps} × ${formatYuan(fenPerStep)} = ${formatYuan(bonus)}，` +
          `标准 ${formatYuanNumber(base)} + ${formatYuanNumber(bonus)} = ${formatYuan(withStep)}/人`,
      );
    }
  }

  if (met) {
    return { perStudentFen: withStep, lines };
  }
  const deduction = policy.workload.deductionFenPerStudent;
  // 扣除5元/生 comes off what the caller would otherwise get; it never turns into a debt.
  const perStudentFen = Math.max(0, withStep - deduction);
  const floorNote = withStep - deduction < 0 ? "，不低于 0" : "";
  lines.push(
    `未达到最低工作量，扣除 ${formatYuan(deduction)}/人：${formatYuanNumber(withStep)} − ` +
      `${formatYuanNumber(deduction)}${floorNote}，计 ${formatYuan(perStudentFen)}/人`,
  );
  return { perStudentFen, lines };
}

/**
 * Order of application (docs/domain.md, "The subsidy"): standard and step bonus -> workload deduction -> × enrolled
 * -> 误退 factor -> fraud percentage, rounding half up to the fen after each factor.
 */
export function computePhoneSubsidy(caller: CallerInput, policy: SubsidyPolicy): PhoneSubsidy {
  const lines: string[] = [];
  const met = meetsMinimumWorkload(caller, policy);
  const ratePermille = ratePermilleOf(caller.enrolled, caller.admitted);

  if (ratePermille === null) {
    lines.push("无录取考生：无报到率，无电话补贴");
    lines.push(workloadLine(caller, policy, met));
    lines.push(`电话补贴 ${formatYuan(0)}`);
    return {
      ratePermille,
      tierIndex: null,
      perStudentFen: 0,
      subsidyFen: 0,
      meetsMinimumWorkload: met,
      lines,
    };
  }

  lines.push(
    `报到率 = 报到 ${caller.enrolled} 人 ÷ 录取 ${caller.admitted} 人 = ` +
      `${formatExactRate(caller.enrolled, caller.admitted)}，计为 ${ratePermille}‰（${formatPermille(ratePermille)}）`,
  );
  const tierIndex = findTierIndex(caller.enrolled, caller.admitted, policy);
  const tier = tierIndex === null ? undefined : policy.tiers[tierIndex];
  lines.push(workloadLine(caller, policy, met));

  let subsidyFen = 0;
  let perStudentFen = 0;
  if (tier === undefined) {
    const lowest = policy.tiers[policy.tiers.length - 1];
    const floor = lowest === undefined ? "" : formatEdge(lowest.lowerBoundPermille, lowest.inclusive);
    lines.push(`未达到最低档 ${floor}：无电话补贴`);
  } else {
    lines.push(`档位 ${formatEdge(tier.lowerBoundPermille, tier.inclusive)}：${formatYuan(tier.fenPerStudent)}/人`);
    const standard = perStudentStandard(tier, ratePermille, met, policy);
    lines.push(...standard.lines);
    perStudentFen = standard.perStudentFen;
    subsidyFen = caller.enrolled * perStudentFen;
    lines.push(`${caller.enrolled} 人 × ${formatYuan(perStudentFen)} = ${formatYuan(subsidyFen)}`);
  }

  subsidyFen = applyCallerPenalties(subsidyFen, caller, policy, "电话补贴", lines);
  lines.push(`电话补贴 ${formatYuan(subsidyFen)}`);
  return { ratePermille, tierIndex, perStudentFen, subsidyFen, meetsMinimumWorkload: met, lines };
}
