import { computeGroupPayout } from "./group";
import { applyPercentHalfUp, formatYuan, formatYuanNumber } from "./money";
import { applyFraud, applyMistakenWithdrawal } from "./penalties";
import { computePhoneSubsidy } from "./phone-subsidy";
import { DEFAULT_POLICY, type SubsidyPolicy, subsidyPolicySchema } from "./policy";
import { findBottomRanking } from "./ranking";
import type { CallerInput, CallerPayout, GroupPayout, PayoutInput, PayoutResult } from "./types";
import { validatePayoutInput } from "./validate";

/**
 * 加班补贴: the amount entered, halved for the bottom N, then 误退 and fraud when the policy reads
 * "所有补贴" as covering overtime too.
 */
function computeOvertime(
  caller: CallerInput,
  bottomPlace: number | undefined,
  policy: SubsidyPolicy,
  lines: string[],
): number {
  let overtime = caller.overtimeFen ?? 0;
  lines.push(`加班补贴（录入）${formatYuan(overtime)}`);
  if (bottomPlace !== undefined) {
    const percent = policy.bottomRank.overtimePayoutPercent;
    const paid = applyPercentHalfUp(overtime, percent);
    lines.push(
      `报到率倒数 ${policy.bottomRank.count} 名：加班补贴按 ${percent}% 发放，` +
        `${formatYuanNumber(overtime)} × ${percent}% = ${formatYuan(paid)}`,
    );
    overtime = paid;
  }
  if (caller.mistakenWithdrawal === true && policy.mistakenWithdrawal.coversOvertime) {
    overtime = applyMistakenWithdrawal(overtime, policy, "误退：加班补贴", lines);
  }
  const fraud = caller.fraudPercent ?? 0;
  if (policy.fraud.coversOvertime && fraud !== 0) {
    overtime = applyFraud(overtime, fraud, "玩忽职守/弄虚作假：加班补贴", lines);
  }
  lines.push(`加班补贴 ${formatYuan(overtime)}`);
  return overtime;
}

/**
 * Pays every caller and group leader of one campaign. Throws on invalid input (the message names the
 * caller and the field) and on an invalid policy (a ZodError with the path of the wrong field).
 */
export function computePayouts(input: PayoutInput, policy: SubsidyPolicy = DEFAULT_POLICY): PayoutResult {
  // Re-checked here too: an admin-edited policy reaching this function unparsed must not pay anyone.
  const checked = subsidyPolicySchema.parse(policy);
  validatePayoutInput(input, checked);

  const ranking = findBottomRanking(input.callers, checked.bottomRank.count);

  // one pass to sort callers into groups: a province has 800 groups and 5,000 callers
  const membersOf = new Map<string, CallerInput[]>();
  for (const caller of input.callers) {
    const members = membersOf.get(caller.groupId);
    if (members) members.push(caller);
    else membersOf.set(caller.groupId, [caller]);
  }
  const groups: GroupPayout[] = input.groups.map((group) =>
    computeGroupPayout(group, membersOf.get(group.groupId) ?? [], checked),
  );
  const groupsLedBy = new Map<string, GroupPayout[]>();
  for (const group of groups) {
    groupsLedBy.set(group.leaderId, [...(groupsLedBy.get(group.leaderId) ?? []), group]);
  }

  const callers: CallerPayout[] = input.callers.map((caller) => {
    const phone = computePhoneSubsidy(caller, checked);
    const lines = [...phone.lines];
    const bottomPlace = ranking.bottom.get(caller.callerId);
    if (bottomPlace !== undefined) {
      lines.push(
        `报到率排名倒数第 ${bottomPlace} 名（${ranking.rankedCount} 人有报到率，` +
          `倒数 ${checked.bottomRank.count} 名含并列）：取消各类评奖资格，` +
          `加班补贴按 ${checked.bottomRank.overtimePayoutPercent}% 发放（见下）`,
      );
    }
    const overtimeFen = computeOvertime(caller, bottomPlace, checked, lines);

    const lostAward: string[] = [];
    if (caller.mistakenWithdrawal === true) {
      lostAward.push("误退");
    }
    if (bottomPlace !== undefined) {
      lostAward.push(`报到率倒数 ${checked.bottomRank.count} 名`);
    }
    const awardEligible = lostAward.length === 0;
    lines.push(awardEligible ? "评奖资格：未被本方案的处罚措施取消" : `评奖资格：取消（${lostAward.join("、")}）`);
    lines.push(
      `合计：电话补贴 ${formatYuanNumber(phone.subsidyFen)} + 加班补贴 ` +
        `${formatYuanNumber(overtimeFen)} = ${formatYuan(phone.subsidyFen + overtimeFen)}`,
    );
    for (const led of groupsLedBy.get(caller.callerId) ?? []) {
      lines.push(`另：担任小组 ${led.groupId} 组长，组长专项补贴 ${formatYuan(led.leaderBonusFen)}（见小组明细）`);
    }

    return {
      callerId: caller.callerId,
      ratePermille: phone.ratePermille,
      perStudentFen: phone.perStudentFen,
      subsidyFen: phone.subsidyFen,
      overtimeFen,
      meetsMinimumWorkload: phone.meetsMinimumWorkload,
      inBottomRank: bottomPlace !== undefined,
      awardEligible,
      lines,
    };
  });

  // totalFen = Σ callers' subsidyFen + Σ callers' overtimeFen + Σ groups' leaderBonusFen: the leader's
  // own phone subsidy is already among the callers, so the bonus is the only thing groups add.
  const totalFen =
    callers.reduce((sum, caller) => sum + caller.subsidyFen + caller.overtimeFen, 0) +
    groups.reduce((sum, group) => sum + group.leaderBonusFen, 0);

  return {
    callers,
    groups,
    totalFen,
    inspectionTeamAwardEligible: !input.callers.some((caller) => caller.mistakenWithdrawal === true),
  };
}
