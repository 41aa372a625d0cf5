// What a finding (a violation recorded by an inspector, 八、处罚措施) may carry, by kind. The money
// itself is lib/payouts' penaltiesFromFindings -> lib/subsidy; this says what the inspector must enter.
import type { ViolationKind } from "@/generated/prisma/enums";
import { type Text, text } from "@/lib/i18n/text";
import { DEDUCTING_KINDS } from "@/lib/payouts/penalties";
import type { SubsidyPolicy } from "@/lib/subsidy";

export const VIOLATION_KINDS = [
  "FAKE_CALLBACK",
  "FALSE_PROMISE",
  "MISTAKEN_WITHDRAWAL",
  "DERELICTION",
  "FRAUD",
  "SLANDER",
] as const satisfies readonly ViolationKind[];

export type DeductionRule =
  /** the inspector sets a percentage in the policy's range (八(五): 20%-100%, 视情节严重与否) */
  | { type: "range"; min: number; max: number }
  /** fixed by the policy, not entered (八(三) 误退: 所有补贴按50%发放) */
  | { type: "policy"; payoutPercent: number }
  /** a deduction fixed by the policy, not entered (诋毁他人: the settings' percentage, 0 by default) */
  | { type: "policyDeduction"; deductionPercent: number }
  /** a violation to correct, with no deduction in the plan (违规承诺) */
  | { type: "none" };

/**
 * The kinds lib/payouts deducts a percentage for (虚假回访 is a form of 弄虚作假, so it deducts like fraud
 * and dereliction) take a percentage in the policy's range; 误退 halves all subsidies by the policy;
 * 诋毁他人 deducts the policy's percentage; 违规承诺 has no deduction.
 */
type FindingPolicy = Pick<SubsidyPolicy, "fraud" | "mistakenWithdrawal" | "slander">;

export function deductionRule(kind: ViolationKind, policy: FindingPolicy): DeductionRule {
  if (DEDUCTING_KINDS.has(kind)) return { type: "range", min: policy.fraud.minPercent, max: policy.fraud.maxPercent };
  if (kind === "MISTAKEN_WITHDRAWAL") return { type: "policy", payoutPercent: policy.mistakenWithdrawal.payoutPercent };
  if (kind === "SLANDER") return { type: "policyDeduction", deductionPercent: policy.slander.deductionPercent };
  return { type: "none" };
}

/** Every kind's rule under one policy, for the finding form. */
export function deductionRules(policy: FindingPolicy): Record<(typeof VIOLATION_KINDS)[number], DeductionRule> {
  return Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, deductionRule(kind, policy)])) as Record<
    (typeof VIOLATION_KINDS)[number],
    DeductionRule
  >;
}

/** Why the entered percentage does not fit the kind (a sentence for the form), or null. */
export function deductionError(kind: ViolationKind, percent: number | undefined, policy: FindingPolicy): Text | null {
  const rule = deductionRule(kind, policy);
  if (rule.type === "range") {
    if (percent === undefined) return text("inspection.errors.percentRequired", { min: rule.min, max: rule.max });
    if (!Number.isInteger(percent) || percent < rule.min || percent > rule.max) {
      return text("inspection.errors.percentOutOfRange", { min: rule.min, max: rule.max });
    }
    return null;
  }
  if (percent !== undefined) {
    if (rule.type === "policy") return text("inspection.errors.percentByPolicy", { percent: rule.payoutPercent });
    if (rule.type === "policyDeduction") {
      return text("inspection.errors.percentBySlanderPolicy", { percent: rule.deductionPercent });
    }
    return text("inspection.errors.noDeduction");
  }
  return null;
}
