// The money effect of each finding: the caller's projected subsidy with and without it, both computed
// by lib/subsidy from the same campaign inputs. "Without" re-derives the caller's penalties from their
// other findings (lib/payouts' penaltiesFromFindings), so several findings against one caller each
// show their own share.
import { type FindingForPayout, penaltiesFromFindings } from "@/lib/payouts/penalties";
import {
  computePayouts,
  type PayoutInput,
  type PayoutResult,
  type SubsidyPolicy,
  type SubsidyStep,
} from "@/lib/subsidy";

export interface FindingEffect {
  callerId: string;
  /** the caller's phone subsidy + overtime without this finding, in fen */
  beforeFen: number;
  /** the same with every finding, as the projection pays now, in fen */
  afterFen: number;
  /** lib/subsidy's explanation of the "after" figure */
  steps: SubsidyStep[];
}

/** The figure a caller is paid: phone subsidy and overtime (a leader's bonus is the group's line). */
export function callerTotalFen(result: PayoutResult, callerId: string): number | null {
  const payout = result.callers.find((c) => c.callerId === callerId);
  return payout ? payout.subsidyFen + payout.overtimeFen : null;
}

/**
 * `input` must already carry the penalties of all `findings` (as loadPayoutInput builds it). A finding
 * against someone who is not among the input's callers (not placed in a group) has no effect entry.
 */
export function findingEffects(
  input: PayoutInput,
  policy: SubsidyPolicy,
  findings: readonly (FindingForPayout & { id: string })[],
): Map<string, FindingEffect> {
  const now = computePayouts(input, policy);
  const effects = new Map<string, FindingEffect>();
  for (const finding of findings) {
    const after = callerTotalFen(now, finding.callerId);
    if (after === null) continue;
    const others = findings.filter((f) => f.callerId === finding.callerId && f.id !== finding.id);
    const penalties = penaltiesFromFindings(others).get(finding.callerId);
    const without: PayoutInput = {
      ...input,
      callers: input.callers.map((c) =>
        c.callerId === finding.callerId
          ? {
              ...c,
              mistakenWithdrawal: penalties?.mistakenWithdrawal ?? false,
              fraudPercent: penalties?.fraudPercent ?? 0,
              slanderFindings: penalties?.slanderFindings ?? 0,
            }
          : c,
      ),
    };
    const before = callerTotalFen(computePayouts(without, policy), finding.callerId) ?? 0;
    const steps = now.callers.find((c) => c.callerId === finding.callerId)?.steps ?? [];
    effects.set(finding.id, { callerId: finding.callerId, beforeFen: before, afterFen: after, steps });
  }
  return effects;
}
