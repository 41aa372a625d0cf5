import { floorDiv } from "./money";
import { applyFraud, applyMistakenWithdrawal } from "./penalties";
import type { SubsidyPolicy } from "./policy";
import type { SubsidyStep } from "./steps";
import type { CallerInput, GroupInput, GroupPayout } from "./types";

type GroupRate = { ratePermille: number; step: SubsidyStep };

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** 小组平均报到率 read as the group's enrolled over the group's admitted (docs/domain.md's reading). */
function pooledRate(members: readonly CallerInput[]): GroupRate | null {
  const enrolled = members.reduce((sum, member) => sum + member.enrolled, 0);
  const admitted = members.reduce((sum, member) => sum + member.admitted, 0);
  if (admitted === 0) {
    return null;
  }
  const ratePermille = floorDiv(enrolled * 1000, admitted);
  return {
    ratePermille,
    step: { kind: "groupRatePooled", enrolled, admitted, ratePermille },
  };
}

/**
 * The alternative reading: the plain mean of the members' own rates. Summed as exact fractions over a
 * common denominator (BigInt, since the product of denominators grows fast) and floored to permille.
 */
function meanRate(members: readonly CallerInput[]): GroupRate | null {
  const rated = members.filter((member) => member.admitted > 0);
  if (rated.length === 0) {
    return null;
  }
  const denominator = rated.reduce((lcm, member) => {
    const admitted = BigInt(member.admitted);
    return (lcm / gcd(lcm, admitted)) * admitted;
  }, 1n);
  const numerator = rated.reduce(
    (sum, member) => sum + BigInt(member.enrolled) * (denominator / BigInt(member.admitted)),
    0n,
  );
  const whole = denominator * BigInt(rated.length);
  const ratePermille = Number((numerator * 1000n) / whole);
  const basisPoints = Number((numerator * 10_000n) / whole);
  const inexact = (numerator * 10_000n) % whole !== 0n;
  return {
    ratePermille,
    step: { kind: "groupRateMean", members: rated.length, basisPoints, inexact, ratePermille },
  };
}

/**
 * 组长专项补贴: one amount by the group rate (the target amount replaces the basic one, they do not
 * add up), halved once if any member has a 误退, then the leader's own fraud deduction if the policy
 * counts the bonus among the leader's subsidies.
 */
export function computeGroupPayout(
  group: GroupInput,
  members: readonly CallerInput[],
  policy: SubsidyPolicy,
): GroupPayout {
  const steps: SubsidyStep[] = [];
  const rate = policy.leaderBonus.groupRate === "pooled" ? pooledRate(members) : meanRate(members);

  let bonus = 0;
  if (rate === null) {
    steps.push({ kind: "groupNoAdmitted" });
  } else {
    steps.push(rate.step);
    if (rate.ratePermille >= policy.targetTaskPermille) {
      bonus = policy.leaderBonus.atTargetFen;
      steps.push({ kind: "leaderBonusTarget", targetPermille: policy.targetTaskPermille, bonusFen: bonus });
    } else if (rate.ratePermille >= policy.basicTaskPermille) {
      bonus = policy.leaderBonus.atBasicFen;
      steps.push({ kind: "leaderBonusBasic", basicPermille: policy.basicTaskPermille, bonusFen: bonus });
    } else {
      steps.push({ kind: "leaderBonusNone", basicPermille: policy.basicTaskPermille });
    }
  }

  const withdrawals = members.filter((member) => member.mistakenWithdrawal === true);
  const awardEligible = withdrawals.length === 0;
  if (!awardEligible) {
    steps.push({ kind: "groupWithdrawal", memberIds: withdrawals.map((member) => member.callerId) });
    bonus = applyMistakenWithdrawal(bonus, policy, "leaderBonus", steps);
  }

  const leader = members.find((member) => member.callerId === group.leaderId);
  const fraud = leader?.fraudPercent ?? 0;
  if (policy.fraud.coversLeaderBonus && fraud !== 0) {
    bonus = applyFraud(bonus, fraud, "leaderBonus", steps, group.leaderId);
  }

  steps.push({ kind: "leaderBonus", leaderId: group.leaderId, bonusFen: bonus });
  return {
    groupId: group.groupId,
    leaderId: group.leaderId,
    ratePermille: rate === null ? null : rate.ratePermille,
    leaderBonusFen: bonus,
    awardEligible,
    steps,
  };
}
