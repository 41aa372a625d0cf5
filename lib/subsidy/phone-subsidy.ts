import { floorDiv, passesEdge, ratePermilleOf } from "./money";
import { applyPhonePenalties } from "./penalties";
import type { SubsidyPolicy, SubsidyTier } from "./policy";
import type { SubsidyStep } from "./steps";
import type { CallerInput } from "./types";

/** A caller's phone subsidy (回访员电话补贴), before anything that depends on the other callers. */
export type PhoneSubsidy = {
  ratePermille: number | null;
  /** Index into policy.tiers; null without a rate or below the lowest tier. */
  tierIndex: number | null;
  perStudentFen: number;
  subsidyFen: number;
  meetsMinimumWorkload: boolean;
  steps: SubsidyStep[];
};

/** The first tier (highest first) whose edge the exact rate passes. */
export function findTierIndex(enrolled: number, admitted: number, policy: SubsidyPolicy): number | null {
  if (admitted === 0) {
    return null;
  }
  const index = policy.tiers.findIndex((tier) =>
    passesEdge(enrolled, admitted, tier.lowerBoundPermille, tier.inclusive),
  );
  return index === -1 ? null : index;
}

export function meetsMinimumWorkload(caller: CallerInput, policy: SubsidyPolicy): boolean {
  const { contactsPerAssigned, minutesPerAssigned } = policy.workload;
  return (
    caller.contacts >= contactsPerAssigned * caller.assigned && caller.minutes >= minutesPerAssigned * caller.assigned
  );
}

function workloadStep(caller: CallerInput, policy: SubsidyPolicy, met: boolean): SubsidyStep {
  const { contactsPerAssigned, minutesPerAssigned } = policy.workload;
  const minContacts = contactsPerAssigned * caller.assigned;
  const minMinutes = minutesPerAssigned * caller.assigned;
  return {
    kind: "workload",
    contacts: caller.contacts,
    contactsPerAssigned,
    assigned: caller.assigned,
    minutes: caller.minutes,
    minutesPerAssigned,
    met,
    contactsShort: Math.max(0, minContacts - caller.contacts),
    minutesShort: Math.max(0, minMinutes - caller.minutes),
  };
}

/** The step bonus (注) and workload deduction applied to the tier's standard, with their steps. */
function perStudentStandard(
  tier: SubsidyTier,
  ratePermille: number,
  met: boolean,
  policy: SubsidyPolicy,
): { perStudentFen: number; steps: SubsidyStep[] } {
  const steps: SubsidyStep[] = [];
  const base = tier.fenPerStudent;
  const basicPermille = policy.basicTaskPermille;

  let withStep = base;
  if (ratePermille < basicPermille) {
    steps.push({ kind: "noStepBelowBasic", basicPermille });
  } else if (!met) {
    steps.push({ kind: "noStepWorkload" });
  } else {
    // ratePermille is floored, so this counts only full steps above the bound.
    const { sizePermille, fenPerStep } = policy.step;
    const count = floorDiv(ratePermille - tier.lowerBoundPermille, sizePermille);
    const lowerBoundPermille = tier.lowerBoundPermille;
    if (count === 0) {
      steps.push({ kind: "noFullStep", basicPermille, lowerBoundPermille, sizePermille });
    } else {
      const bonusFen = count * fenPerStep;
      withStep = base + bonusFen;
      steps.push({
        kind: "stepBonus",
        basicPermille,
        lowerBoundPermille,
        sizePermille,
        steps: count,
        fenPerStep,
        bonusFen,
        baseFen: base,
        perStudentFen: withStep,
      });
    }
  }

  if (met) {
    return { perStudentFen: withStep, steps };
  }
  const deductionFen = policy.workload.deductionFenPerStudent;
  // 扣除5元/生 comes off what the caller would otherwise get; it never turns into a debt.
  const perStudentFen = Math.max(0, withStep - deductionFen);
  steps.push({ kind: "workloadDeduction", deductionFen, beforeFen: withStep, perStudentFen });
  return { perStudentFen, steps };
}

/**
 * What the counts are made of, before the rate, when it is not simply "the candidates I hold, as I
 * logged them": candidates whose credit a move left behind, 放弃录取 kept in the admitted count, and
 * the caller's 已报到 results beside the recorded enrollment that is paid.
 */
export function countingSteps(caller: CallerInput): SubsidyStep[] {
  const steps: SubsidyStep[] = [];
  if (caller.creditMovedAway) steps.push({ kind: "creditMovedAway", count: caller.creditMovedAway });
  if (caller.creditHeldForOthers) steps.push({ kind: "creditHeldForOthers", count: caller.creditHeldForOthers });
  if (caller.declined) steps.push({ kind: "declinedCounted", count: caller.declined });
  if (caller.claimedEnrolled !== undefined && caller.claimedEnrolled !== caller.enrolled) {
    steps.push({ kind: "enrollmentRecorded", confirmed: caller.enrolled, claimed: caller.claimedEnrolled });
  }
  return steps;
}

/**
 * Order of application (docs/domain.md, "The subsidy"): standard and step bonus -> workload deduction -> × enrolled
 * -> 误退 factor -> fraud percentage, rounding half up to the fen after each factor.
 */
export function computePhoneSubsidy(caller: CallerInput, policy: SubsidyPolicy): PhoneSubsidy {
  const steps: SubsidyStep[] = countingSteps(caller);
  const met = meetsMinimumWorkload(caller, policy);
  const ratePermille = ratePermilleOf(caller.enrolled, caller.admitted);

  if (ratePermille === null) {
    steps.push({ kind: "noAdmitted" });
    steps.push(workloadStep(caller, policy, met));
    steps.push({ kind: "phoneSubsidy", subsidyFen: 0 });
    return {
      ratePermille,
      tierIndex: null,
      perStudentFen: 0,
      subsidyFen: 0,
      meetsMinimumWorkload: met,
      steps,
    };
  }

  steps.push({ kind: "rate", enrolled: caller.enrolled, admitted: caller.admitted, ratePermille });
  const tierIndex = findTierIndex(caller.enrolled, caller.admitted, policy);
  const tier = tierIndex === null ? undefined : policy.tiers[tierIndex];
  steps.push(workloadStep(caller, policy, met));

  let subsidyFen = 0;
  let perStudentFen = 0;
  if (tier === undefined || tierIndex === null) {
    // the schema asks for at least one tier, so the lowest is there
    const lowest = policy.tiers[policy.tiers.length - 1] ?? { lowerBoundPermille: 0, inclusive: true };
    steps.push({ kind: "belowLowestTier", lowerBoundPermille: lowest.lowerBoundPermille, inclusive: lowest.inclusive });
  } else {
    steps.push({
      kind: "tier",
      tierIndex,
      lowerBoundPermille: tier.lowerBoundPermille,
      inclusive: tier.inclusive,
      fenPerStudent: tier.fenPerStudent,
    });
    const standard = perStudentStandard(tier, ratePermille, met, policy);
    steps.push(...standard.steps);
    perStudentFen = standard.perStudentFen;
    subsidyFen = caller.enrolled * perStudentFen;
    steps.push({ kind: "perEnrolled", enrolled: caller.enrolled, perStudentFen, subsidyFen });
  }

  subsidyFen = applyPhonePenalties(subsidyFen, caller, policy, steps);
  steps.push({ kind: "phoneSubsidy", subsidyFen });
  return { ratePermille, tierIndex, perStudentFen, subsidyFen, meetsMinimumWorkload: met, steps };
}
