import { computeGroupPayout } from "./group";
import { applyPercentHalfUp } from "./money";
import { applyFraud, applyMistakenWithdrawal } from "./penalties";
import { computePhoneSubsidy } from "./phone-subsidy";
import { DEFAULT_POLICY, type SubsidyPolicy, subsidyPolicySchema } from "./policy";
import { findBottomRanking } from "./ranking";
import type { SubsidyStep } from "./steps";
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
  steps: SubsidyStep[],
): number {
  let overtime = caller.overtimeFen ?? 0;
  steps.push({ kind: "overtimeEntered", overtimeFen: overtime });
  if (bottomPlace !== undefined) {
    const percent = policy.bottomRank.overtimePayoutPercent;
    const paidFen = applyPercentHalfUp(overtime, percent);
    steps.push({ kind: "overtimeBottomRank", count: policy.bottomRank.count, percent, fromFen: overtime, paidFen });
    overtime = paidFen;
  }
  if (caller.mistakenWithdrawal === true && policy.mistakenWithdrawal.coversOvertime) {
    overtime = applyMistakenWithdrawal(overtime, policy, "overtime", steps);
  }
  const fraud = caller.fraudPercent ?? 0;
  if (policy.fraud.coversOvertime && fraud !== 0) {
    overtime = applyFraud(overtime, fraud, "overtime", steps);
  }
  steps.push({ kind: "overtime", overtimeFen: overtime });
  return overtime;
}

/** 生源报备积分, paid when a point pays anything; no line at all when it does not (the default). */
function computeRegistrationPoints(caller: CallerInput, steps: SubsidyStep[]): number {
  const record = caller.registrationPoints;
  if (record === undefined || record.fen === 0) return 0;
  steps.push({
    kind: "registrationPoints",
    registrations: record.registrations,
    pointsEach: record.pointsEach,
    points: record.points,
    fenPerPoint: record.fenPerPoint,
    fen: record.fen,
  });
  return record.fen;
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
    const steps = [...phone.steps];
    const bottomPlace = ranking.bottom.get(caller.callerId);
    if (bottomPlace !== undefined) {
      steps.push({
        kind: "bottomRank",
        place: bottomPlace,
        rankedCount: ranking.rankedCount,
        count: checked.bottomRank.count,
        percent: checked.bottomRank.overtimePayoutPercent,
      });
    }
    const overtimeFen = computeOvertime(caller, bottomPlace, checked, steps);
    const registrationFen = computeRegistrationPoints(caller, steps);

    const mistakenWithdrawal = caller.mistakenWithdrawal === true;
    const awardEligible = !mistakenWithdrawal && bottomPlace === undefined;
    steps.push({
      kind: "award",
      eligible: awardEligible,
      mistakenWithdrawal,
      bottomRankCount: bottomPlace === undefined ? null : checked.bottomRank.count,
    });
    steps.push({
      kind: "callerTotal",
      subsidyFen: phone.subsidyFen,
      overtimeFen,
      ...(registrationFen > 0 ? { registrationFen } : {}),
      totalFen: phone.subsidyFen + overtimeFen + registrationFen,
    });
    for (const led of groupsLedBy.get(caller.callerId) ?? []) {
      steps.push({ kind: "leaderOf", groupId: led.groupId, leaderBonusFen: led.leaderBonusFen });
    }

    return {
      callerId: caller.callerId,
      ratePermille: phone.ratePermille,
      perStudentFen: phone.perStudentFen,
      subsidyFen: phone.subsidyFen,
      overtimeFen,
      registrationFen,
      meetsMinimumWorkload: phone.meetsMinimumWorkload,
      inBottomRank: bottomPlace !== undefined,
      awardEligible,
      steps,
    };
  });

  // totalFen = Σ callers' subsidyFen + overtimeFen + registrationFen + Σ groups' leaderBonusFen: the
  // leader's own phone subsidy is already among the callers, so the bonus is the only thing groups add.
  const totalFen =
    callers.reduce((sum, caller) => sum + caller.subsidyFen + caller.overtimeFen + caller.registrationFen, 0) +
    groups.reduce((sum, group) => sum + group.leaderBonusFen, 0);

  return {
    callers,
    groups,
    totalFen,
    inspectionTeamAwardEligible: !input.callers.some((caller) => caller.mistakenWithdrawal === true),
  };
}
