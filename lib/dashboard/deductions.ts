// The findings that cost a caller money, as their progress card names them. The same rule as the payout
// computation (lib/payouts/penalties.ts): 误退 pays the policy's share of the subsidy; 玩忽职守, 徇私舞弊 /
// 弄虚作假 and a fabricated record deduct the percentage the inspector recorded; other findings cost nothing.
import type { ViolationKind } from "@/generated/prisma/enums";
import { DEDUCTING_KINDS } from "@/lib/payouts/penalties";

export interface CardDeduction {
  /** the finding's id */
  id: string;
  kind: ViolationKind;
  /** the deducted share; for 误退, the share of the subsidy still paid */
  percent: number;
}

export function cardDeductions(
  findings: readonly { id: string; kind: ViolationKind; deductionPercent: number | null }[],
  mistakenWithdrawalPayoutPercent: number,
): CardDeduction[] {
  const out: CardDeduction[] = [];
  for (const finding of findings) {
    if (finding.kind === "MISTAKEN_WITHDRAWAL") {
      // one 误退 or several: the subsidy is paid at the policy's share once
      if (!out.some((d) => d.kind === "MISTAKEN_WITHDRAWAL")) {
        out.push({ id: finding.id, kind: finding.kind, percent: mistakenWithdrawalPayoutPercent });
      }
    } else if (DEDUCTING_KINDS.has(finding.kind) && finding.deductionPercent) {
      out.push({ id: finding.id, kind: finding.kind, percent: finding.deductionPercent });
    }
  }
  return out;
}

/** The deducted share over every deducting finding, capped at 100 as the payout caps it. */
export function totalDeductedPercent(deductions: readonly CardDeduction[]): number {
  return Math.min(
    100,
    deductions.filter((d) => d.kind !== "MISTAKEN_WITHDRAWAL").reduce((sum, d) => sum + d.percent, 0),
  );
}
