import type { ViolationKind } from "@/generated/prisma/enums";

/** The part of a Finding that bears on money. */
export interface FindingForPayout {
  callerId: string;
  kind: ViolationKind;
  deductionPercent: number | null;
}

export interface CallerPenalties {
  mistakenWithdrawal: boolean;
  /** 0, or the deducted share (capped at 100). */
  fraudPercent: number;
  /** how many 诋毁他人 findings: lib/subsidy deducts the policy's percentage for each */
  slanderFindings: number;
}

// Which findings cost money (八、处罚措施):
// - 误退 sets the caller's 50% flag (the percentage itself is a policy value in lib/subsidy);
// - 玩忽职守 (DERELICTION), 徇私舞弊 / 弄虚作假 (FRAUD) and a fabricated record (FAKE_CALLBACK, a form of
//   弄虚作假) deduct the percentage the inspector recorded; several such findings add up, capped at 100%,
//   because each is a separate offence against the same "所有补贴总金额";
// - 违规承诺 (FALSE_PROMISE) is a violation to correct, with no deduction in the plan;
// - 诋毁他人 (SLANDER) is counted: its percentage is the policy's (0 by default), not the inspector's.
// The inspector's form asks a percentage for exactly these kinds (lib/inspection/findings.ts).
export const DEDUCTING_KINDS: ReadonlySet<ViolationKind> = new Set(["DERELICTION", "FRAUD", "FAKE_CALLBACK"]);

export function penaltiesFromFindings(findings: readonly FindingForPayout[]): Map<string, CallerPenalties> {
  const byCaller = new Map<string, CallerPenalties>();
  for (const finding of findings) {
    const penalties = byCaller.get(finding.callerId) ?? {
      mistakenWithdrawal: false,
      fraudPercent: 0,
      slanderFindings: 0,
    };
    if (finding.kind === "MISTAKEN_WITHDRAWAL") penalties.mistakenWithdrawal = true;
    if (finding.kind === "SLANDER") penalties.slanderFindings += 1;
    if (DEDUCTING_KINDS.has(finding.kind) && finding.deductionPercent) {
      penalties.fraudPercent = Math.min(100, penalties.fraudPercent + finding.deductionPercent);
    }
    byCaller.set(finding.callerId, penalties);
  }
  return byCaller;
}
