import { floorDiv, formatBound, formatExactRate, formatPermille, formatYuan } from "./money";
import { applyFraud, applyMistakenWithdrawal } from "./penalties";
import type { SubsidyPolicy } from "./policy";
import type { CallerInput, GroupInput, GroupPayout } from "./types";

type GroupRate = { ratePermille: number; line: string };

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
    line:
      `小组报到率（合并计算）= 报到 ${enrolled} 人 ÷ 录取 ${admitted} 人 = ` +
      `${formatExactRate(enrolled, admitted)}，计为 ${ratePermille}‰（${formatPermille(ratePermille)}）`,
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
  const cut = (numerator * 10_000n) % whole === 0n ? "" : "…";
  const exact = `${floorDiv(basisPoints, 100)}.${String(basisPoints % 100).padStart(2, "0")}${cut}%`;
  return {
    ratePermille,
    line:
      `小组报到率（${rated.length} 名组员报到率的平均）= ${exact}，` +
      `计为 ${ratePermille}‰（${formatPermille(ratePermille)}）`,
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
  const lines: string[] = [];
  const rate = policy.leaderBonus.groupRate === "pooled" ? pooledRate(members) : meanRate(members);
  const basic = formatBound(policy.basicTaskPermille);
  const target = formatBound(policy.targetTaskPermille);

  let bonus = 0;
  if (rate === null) {
    lines.push("小组无录取考生：无小组报到率，无组长专项补贴");
  } else {
    lines.push(rate.line);
    if (rate.ratePermille >= policy.targetTaskPermille) {
      bonus = policy.leaderBonus.atTargetFen;
      lines.push(`达到目标任务 ≥${target}：组长专项补贴 ${formatYuan(bonus)}（不与基本任务补贴累计）`);
    } else if (rate.ratePermille >= policy.basicTaskPermille) {
      bonus = policy.leaderBonus.atBasicFen;
      lines.push(`达到基本任务 ≥${basic}：组长专项补贴 ${formatYuan(bonus)}`);
    } else {
      lines.push(`未达到基本任务 ${basic}：无组长专项补贴`);
    }
  }

  const withdrawals = members.filter((member) => member.mistakenWithdrawal === true);
  const awardEligible = withdrawals.length === 0;
  if (!awardEligible) {
    const names = withdrawals.map((member) => member.callerId).join("、");
    lines.push(`组员 ${names} 误退：小组取消评奖资格`);
    bonus = applyMistakenWithdrawal(bonus, policy, "误退：组长专项补贴", lines);
  }

  const leader = members.find((member) => member.callerId === group.leaderId);
  const fraud = leader?.fraudPercent ?? 0;
  if (policy.fraud.coversLeaderBonus && fraud !== 0) {
    bonus = applyFraud(bonus, fraud, `组长 ${group.leaderId} 玩忽职守/弄虚作假：组长专项补贴`, lines);
  }

  lines.push(`组长 ${group.leaderId} 实得组长专项补贴 ${formatYuan(bonus)}`);
  return {
    groupId: group.groupId,
    leaderId: group.leaderId,
    ratePermille: rate === null ? null : rate.ratePermille,
    leaderBonusFen: bonus,
    awardEligible,
    lines,
  };
}
