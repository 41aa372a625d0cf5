import { applyPercentHalfUp, formatYuan, formatYuanNumber } from "./money";
import type { SubsidyPolicy } from "./policy";
import type { CallerInput } from "./types";

// 八、处罚措施 (三) and (五) as factors on an amount. Each appends its own explanation line, so a
// penalised payout shows the amount before and after every cut.

/** 误退 factor then fraud deduction on one of the caller's amounts, appending a line for each. */
export function applyCallerPenalties(
  amountFen: number,
  caller: CallerInput,
  policy: SubsidyPolicy,
  what: string,
  lines: string[],
): number {
  let amount = amountFen;
  if (caller.mistakenWithdrawal === true) {
    amount = applyMistakenWithdrawal(amount, policy, `误退：${what}`, lines);
  }
  return applyFraud(amount, caller.fraudPercent ?? 0, `玩忽职守/弄虚作假：${what}`, lines);
}

export function applyMistakenWithdrawal(
  amountFen: number,
  policy: SubsidyPolicy,
  label: string,
  lines: string[],
): number {
  const percent = policy.mistakenWithdrawal.payoutPercent;
  const paid = applyPercentHalfUp(amountFen, percent);
  lines.push(`${label}按 ${percent}% 发放，${formatYuanNumber(amountFen)} × ${percent}% = ${formatYuan(paid)}`);
  return paid;
}

export function applyFraud(amountFen: number, percent: number, label: string, lines: string[]): number {
  if (percent === 0) {
    return amountFen;
  }
  // The percentage is what is deducted (扣除…20%-100%), so the deduction is the rounded product.
  const deducted = applyPercentHalfUp(amountFen, percent);
  const paid = amountFen - deducted;
  lines.push(
    `${label}扣除 ${percent}%，${formatYuanNumber(amountFen)} × ${percent}% = ${formatYuan(deducted)}，` +
      `余 ${formatYuanNumber(amountFen)} − ${formatYuanNumber(deducted)} = ${formatYuan(paid)}`,
  );
  return paid;
}
