// The explanation of a payout as typed steps: what was computed, with the figures it was computed from
// (integer fen, counts, permille) and the ids of the people and groups it names. A step is turned into a
// sentence of the catalogue (the "subsidy" namespace) only where someone reads it, in their language and
// with the names of the moment; the step itself holds no words.
import { type Text, text } from "@/lib/i18n/text";
import { floorDiv, formatBound, formatEdge, formatExactRate, formatPermille, formatYuanNumber } from "./money";

/** Which of a person's amounts a penalty cuts. */
export type PenalisedAmount = "phone" | "overtime" | "leaderBonus";

export type SubsidyStep =
  /** no admitted candidates: no rate, no phone subsidy */
  | { kind: "noAdmitted" }
  | {
      kind: "workload";
      contacts: number;
      contactsPerAssigned: number;
      assigned: number;
      minutes: number;
      minutesPerAssigned: number;
      met: boolean;
      /** how far below the minimum, 0 when that part is met */
      contactsShort: number;
      minutesShort: number;
    }
  /** whose candidates these are: moves after admission that kept the credit (README "Fair attribution") */
  | { kind: "creditMovedAway"; count: number }
  | { kind: "creditHeldForOthers"; count: number }
  /** approved 放弃录取 stay in the admitted count */
  | { kind: "declinedCounted"; count: number }
  /** enrollment counted from the record; the caller's own 已报到 results beside it */
  | { kind: "enrollmentRecorded"; confirmed: number; claimed: number }
  | { kind: "rate"; enrolled: number; admitted: number; ratePermille: number }
  | { kind: "belowLowestTier"; lowerBoundPermille: number; inclusive: boolean }
  | { kind: "tier"; tierIndex: number; lowerBoundPermille: number; inclusive: boolean; fenPerStudent: number }
  | { kind: "noStepBelowBasic"; basicPermille: number }
  | { kind: "noStepWorkload" }
  | { kind: "noFullStep"; basicPermille: number; lowerBoundPermille: number; sizePermille: number }
  | {
      kind: "stepBonus";
      basicPermille: number;
      lowerBoundPermille: number;
      sizePermille: number;
      steps: number;
      fenPerStep: number;
      bonusFen: number;
      baseFen: number;
      perStudentFen: number;
    }
  | { kind: "workloadDeduction"; deductionFen: number; beforeFen: number; perStudentFen: number }
  | { kind: "perEnrolled"; enrolled: number; perStudentFen: number; subsidyFen: number }
  | { kind: "mistakenWithdrawal"; amount: PenalisedAmount; percent: number; fromFen: number; paidFen: number }
  | {
      kind: "fraud";
      amount: PenalisedAmount;
      /** set when the leader's fraud cuts the group's leader bonus */
      leaderId?: string;
      percent: number;
      fromFen: number;
      deductedFen: number;
      paidFen: number;
    }
  /** 诋毁他人 findings: the phone subsidy less the policy's percentage for each */
  | { kind: "slander"; findings: number; percent: number; fromFen: number; deductedFen: number; paidFen: number }
  | { kind: "phoneSubsidy"; subsidyFen: number }
  | { kind: "overtimeEntered"; overtimeFen: number }
  | { kind: "overtimeBottomRank"; count: number; percent: number; fromFen: number; paidFen: number }
  | { kind: "overtime"; overtimeFen: number }
  | { kind: "bottomRank"; place: number; rankedCount: number; count: number; percent: number }
  /** award eligibility: kept, or lost for a 误退 and/or a bottom-N place (count given) */
  | { kind: "award"; eligible: boolean; mistakenWithdrawal: boolean; bottomRankCount: number | null }
  /** 生源报备: registrations × points each × fen per point, when a point pays anything */
  | {
      kind: "registrationPoints";
      registrations: number;
      pointsEach: number;
      points: number;
      fenPerPoint: number;
      fen: number;
    }
  /** registrationFen only when the registrations paid something (runs signed before it have none) */
  | { kind: "callerTotal"; subsidyFen: number; overtimeFen: number; registrationFen?: number; totalFen: number }
  | { kind: "leaderOf"; groupId: string; leaderBonusFen: number }
  | { kind: "groupNoAdmitted" }
  | { kind: "groupRatePooled"; enrolled: number; admitted: number; ratePermille: number }
  | {
      kind: "groupRateMean";
      members: number;
      /** the exact mean in hundredths of a percent, truncated; `inexact` when digits were cut */
      basisPoints: number;
      inexact: boolean;
      ratePermille: number;
    }
  | { kind: "leaderBonusTarget"; targetPermille: number; bonusFen: number }
  | { kind: "leaderBonusBasic"; basicPermille: number; bonusFen: number }
  | { kind: "leaderBonusNone"; basicPermille: number }
  | { kind: "groupWithdrawal"; memberIds: string[] }
  | { kind: "leaderBonus"; leaderId: string; bonusFen: number };

/** How a step names a person or a group: by default their id; a page passes their name. */
export type NameOf = (id: string, kind: "person" | "group") => string;

const byId: NameOf = (id) => id;

// Values are passed as strings: a number would be formatted by the catalogue's locale (1861 -> "1,861"),
// and the explanation shows counts as they are.
const str = (value: number) => String(value);

/** An amount with its unit: "7,200.00 元" in Chinese. */
export function yuan(fen: number): Text {
  return text("subsidy.format.yuan", { amount: formatYuanNumber(fen) });
}

/** An amount per enrolled student: "70.00 元/人". */
export function yuanPerStudent(fen: number): Text {
  return text("subsidy.format.perStudent", { amount: yuan(fen) });
}

/** A step size in percentage points: 1‰ -> "0.1 个百分点". */
export function points(permille: number): Text {
  const whole = floorDiv(permille, 10);
  const tenth = permille % 10;
  const value = tenth === 0 ? String(whole) : `${whole}.${tenth}`;
  return text(permille === 10 ? "subsidy.format.point" : "subsidy.format.points", { points: value });
}

/** Minutes may be fractional; two decimals are plenty for a display and avoid 0.30000000000000004. */
export function formatCount(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Several sentences or names as one list ("甲、乙、丙"). */
export function list(items: readonly (Text | string)[]): Text | string {
  const [first, ...rest] = items;
  if (first === undefined) return "";
  if (rest.length === 0) return first;
  return text("subsidy.format.list", { first, rest: list(rest) });
}

function amountName(amount: PenalisedAmount): Text {
  switch (amount) {
    case "phone":
      return text("subsidy.amount.phone");
    case "overtime":
      return text("subsidy.amount.overtime");
    case "leaderBonus":
      return text("subsidy.amount.leaderBonus");
  }
}

function workloadVerdict(step: Extract<SubsidyStep, { kind: "workload" }>): Text {
  if (step.met) return text("subsidy.workload.met");
  const contacts = str(step.contactsShort);
  const minutes = formatCount(step.minutesShort);
  const shortfall =
    step.contactsShort > 0 && step.minutesShort > 0
      ? text("subsidy.workload.shortBoth", { contacts, minutes })
      : step.contactsShort > 0
        ? text("subsidy.workload.shortContacts", { contacts })
        : text("subsidy.workload.shortMinutes", { minutes });
  return text("subsidy.workload.missed", { shortfall });
}

/** The exact mean rate, as formatExactRate writes a single one: "95.66…%". */
function formatBasisPoints(basisPoints: number, inexact: boolean): string {
  return `${floorDiv(basisPoints, 100)}.${String(basisPoints % 100).padStart(2, "0")}${inexact ? "…" : ""}%`;
}

/** One step as a sentence of the catalogue; people and groups named by `name` (their id by default). */
export function stepText(step: SubsidyStep, name: NameOf = byId): Text {
  switch (step.kind) {
    case "noAdmitted":
      return text("subsidy.steps.noAdmitted");
    case "creditMovedAway":
      return text("subsidy.steps.creditMovedAway", { count: str(step.count) });
    case "creditHeldForOthers":
      return text("subsidy.steps.creditHeldForOthers", { count: str(step.count) });
    case "declinedCounted":
      return text("subsidy.steps.declinedCounted", { count: str(step.count) });
    case "enrollmentRecorded":
      return text("subsidy.steps.enrollmentRecorded", { confirmed: str(step.confirmed), claimed: str(step.claimed) });
    case "workload":
      return text("subsidy.steps.workload", {
        contacts: str(step.contacts),
        perContacts: str(step.contactsPerAssigned),
        assigned: str(step.assigned),
        minContacts: str(step.contactsPerAssigned * step.assigned),
        minutes: formatCount(step.minutes),
        perMinutes: formatCount(step.minutesPerAssigned),
        minMinutes: formatCount(step.minutesPerAssigned * step.assigned),
        verdict: workloadVerdict(step),
      });
    case "rate":
    case "groupRatePooled":
      return text(step.kind === "rate" ? "subsidy.steps.rate" : "subsidy.steps.groupRatePooled", {
        enrolled: str(step.enrolled),
        admitted: str(step.admitted),
        exact: formatExactRate(step.enrolled, step.admitted),
        permille: str(step.ratePermille),
        percent: formatPermille(step.ratePermille),
      });
    case "belowLowestTier":
      return text("subsidy.steps.belowLowestTier", { edge: formatEdge(step.lowerBoundPermille, step.inclusive) });
    case "tier":
      return text("subsidy.steps.tier", {
        edge: formatEdge(step.lowerBoundPermille, step.inclusive),
        perStudent: yuanPerStudent(step.fenPerStudent),
      });
    case "noStepBelowBasic":
      return text("subsidy.steps.noStepBelowBasic", { basic: formatBound(step.basicPermille) });
    case "noStepWorkload":
      return text("subsidy.steps.noStepWorkload");
    case "noFullStep":
      return text("subsidy.steps.noFullStep", {
        basic: formatBound(step.basicPermille),
        bound: formatBound(step.lowerBoundPermille),
        size: points(step.sizePermille),
      });
    case "stepBonus":
      return text("subsidy.steps.stepBonus", {
        basic: formatBound(step.basicPermille),
        bound: formatBound(step.lowerBoundPermille),
        steps: str(step.steps),
        size: points(step.sizePermille),
        perStep: yuan(step.fenPerStep),
        bonus: yuan(step.bonusFen),
        base: formatYuanNumber(step.baseFen),
        bonusNumber: formatYuanNumber(step.bonusFen),
        perStudent: yuanPerStudent(step.perStudentFen),
      });
    case "workloadDeduction":
      return text(
        step.beforeFen < step.deductionFen
          ? "subsidy.steps.workloadDeductionFloored"
          : "subsidy.steps.workloadDeduction",
        {
          deduction: yuanPerStudent(step.deductionFen),
          before: formatYuanNumber(step.beforeFen),
          deductionNumber: formatYuanNumber(step.deductionFen),
          perStudent: yuanPerStudent(step.perStudentFen),
        },
      );
    case "perEnrolled":
      return text("subsidy.steps.perEnrolled", {
        enrolled: str(step.enrolled),
        perStudent: yuan(step.perStudentFen),
        subsidy: yuan(step.subsidyFen),
      });
    case "mistakenWithdrawal":
      return text("subsidy.steps.mistakenWithdrawal", {
        what: amountName(step.amount),
        percent: str(step.percent),
        from: formatYuanNumber(step.fromFen),
        paid: yuan(step.paidFen),
      });
    case "fraud": {
      const values = {
        what: amountName(step.amount),
        percent: str(step.percent),
        from: formatYuanNumber(step.fromFen),
        deducted: yuan(step.deductedFen),
        deductedNumber: formatYuanNumber(step.deductedFen),
        paid: yuan(step.paidFen),
      };
      return step.leaderId === undefined
        ? text("subsidy.steps.fraud", values)
        : text("subsidy.steps.leaderFraud", { ...values, leader: name(step.leaderId, "person") });
    }
    case "slander":
      return text("subsidy.steps.slander", {
        findings: str(step.findings),
        percent: str(step.percent),
        from: formatYuanNumber(step.fromFen),
        deducted: yuan(step.deductedFen),
        deductedNumber: formatYuanNumber(step.deductedFen),
        paid: yuan(step.paidFen),
      });
    case "phoneSubsidy":
      return text("subsidy.steps.phoneSubsidy", { amount: yuan(step.subsidyFen) });
    case "overtimeEntered":
      return text("subsidy.steps.overtimeEntered", { amount: yuan(step.overtimeFen) });
    case "overtimeBottomRank":
      return text("subsidy.steps.overtimeBottomRank", {
        count: str(step.count),
        percent: str(step.percent),
        from: formatYuanNumber(step.fromFen),
        paid: yuan(step.paidFen),
      });
    case "overtime":
      return text("subsidy.steps.overtime", { amount: yuan(step.overtimeFen) });
    case "bottomRank":
      return text("subsidy.steps.bottomRank", {
        place: str(step.place),
        ranked: str(step.rankedCount),
        count: str(step.count),
        percent: str(step.percent),
      });
    case "award": {
      if (step.eligible) return text("subsidy.steps.awardKept");
      const reasons: Text[] = [];
      if (step.mistakenWithdrawal) reasons.push(text("subsidy.award.mistakenWithdrawal"));
      if (step.bottomRankCount !== null) {
        reasons.push(text("subsidy.award.bottomRank", { count: str(step.bottomRankCount) }));
      }
      return text("subsidy.steps.awardLost", { reasons: list(reasons) });
    }
    case "registrationPoints":
      return text("subsidy.steps.registrationPoints", {
        registrations: str(step.registrations),
        pointsEach: str(step.pointsEach),
        points: str(step.points),
        perPoint: yuan(step.fenPerPoint),
        amount: yuan(step.fen),
      });
    case "callerTotal":
      return step.registrationFen === undefined
        ? text("subsidy.steps.callerTotal", {
            subsidy: formatYuanNumber(step.subsidyFen),
            overtime: formatYuanNumber(step.overtimeFen),
            total: yuan(step.totalFen),
          })
        : text("subsidy.steps.callerTotalWithRegistrations", {
            subsidy: formatYuanNumber(step.subsidyFen),
            overtime: formatYuanNumber(step.overtimeFen),
            registrations: formatYuanNumber(step.registrationFen),
            total: yuan(step.totalFen),
          });
    case "leaderOf":
      return text("subsidy.steps.leaderOf", { group: name(step.groupId, "group"), amount: yuan(step.leaderBonusFen) });
    case "groupNoAdmitted":
      return text("subsidy.steps.groupNoAdmitted");
    case "groupRateMean":
      return text("subsidy.steps.groupRateMean", {
        members: str(step.members),
        exact: formatBasisPoints(step.basisPoints, step.inexact),
        permille: str(step.ratePermille),
        percent: formatPermille(step.ratePermille),
      });
    case "leaderBonusTarget":
      return text("subsidy.steps.leaderBonusTarget", {
        target: formatBound(step.targetPermille),
        amount: yuan(step.bonusFen),
      });
    case "leaderBonusBasic":
      return text("subsidy.steps.leaderBonusBasic", {
        basic: formatBound(step.basicPermille),
        amount: yuan(step.bonusFen),
      });
    case "leaderBonusNone":
      return text("subsidy.steps.leaderBonusNone", { basic: formatBound(step.basicPermille) });
    case "groupWithdrawal":
      return text("subsidy.steps.groupWithdrawal", {
        members: list(step.memberIds.map((id) => name(id, "person"))),
      });
    case "leaderBonus":
      return text("subsidy.steps.leaderBonus", { leader: name(step.leaderId, "person"), amount: yuan(step.bonusFen) });
  }
}
