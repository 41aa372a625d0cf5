import { applyPercentHalfUp } from "./money";
import type { SubsidyPolicy } from "./policy";
import type { PenalisedAmount, SubsidyStep } from "./steps";
import type { CallerInput } from "./types";

// 八、处罚措施 (三) and (五) as factors on an amount. Each appends its own explanation step, so a
// penalised payout shows the amount before and after every cut.

/**
 * The caller's own penalties on their phone subsidy: the 误退 factor, then the fraud deduction, then the
 * 诋毁他人 deduction, appending a step for each. (Overtime and the leader bonus take 误退 and fraud only,
 * each as the policy says, in compute.ts and group.ts.)
 */
export function applyPhonePenalties(
  amountFen: number,
  caller: CallerInput,
  policy: SubsidyPolicy,
  steps: SubsidyStep[],
): number {
  let amount = amountFen;
  if (caller.mistakenWithdrawal === true) {
    amount = applyMistakenWithdrawal(amount, policy, "phone", steps);
  }
  amount = applyFraud(amount, caller.fraudPercent ?? 0, "phone", steps);
  return applySlander(amount, caller.slanderFindings ?? 0, policy, steps);
}

/**
 * 诋毁他人: each finding deducts the policy's percentage of the phone subsidy, added up and capped at 100%
 * like fraud; nothing (and no step) at the default 0.
 */
export function applySlander(amountFen: number, findings: number, policy: SubsidyPolicy, steps: SubsidyStep[]): number {
  const percent = Math.min(100, findings * policy.slander.deductionPercent);
  if (percent === 0) return amountFen;
  const deductedFen = applyPercentHalfUp(amountFen, percent);
  const paidFen = amountFen - deductedFen;
  steps.push({ kind: "slander", findings, percent, fromFen: amountFen, deductedFen, paidFen });
  return paidFen;
}

export function applyMistakenWithdrawal(
  amountFen: number,
  policy: SubsidyPolicy,
  what: PenalisedAmount,
  steps: SubsidyStep[],
): number {
  const percent = policy.mistakenWithdrawal.payoutPercent;
  const paidFen = applyPercentHalfUp(amountFen, percent);
  steps.push({ kind: "mistakenWithdrawal", amount: what, percent, fromFen: amountFen, paidFen });
  return paidFen;
}

/** `leaderId` names the leader whose own fraud cuts the group's leader bonus. */
export function applyFraud(
  amountFen: number,
  percent: number,
  what: PenalisedAmount,
  steps: SubsidyStep[],
  leaderId?: string,
): number {
  if (percent === 0) {
    return amountFen;
  }
  // The percentage is what is deducted (扣除…20%-100%), so the deduction is the rounded product.
  const deductedFen = applyPercentHalfUp(amountFen, percent);
  const paidFen = amountFen - deductedFen;
  steps.push({
    kind: "fraud",
    amount: what,
    ...(leaderId === undefined ? {} : { leaderId }),
    percent,
    fromFen: amountFen,
    deductedFen,
    paidFen,
  });
  return paidFen;
}
