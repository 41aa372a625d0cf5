// A signed-off run read per person, for the finance export and the printable statements: every figure
// comes from the frozen run (its result, inputs, names and Chinese lines), nothing is computed again.
// Pure: the tests build runs by hand.
import type { PayoutResult, SubsidyStep } from "@/lib/subsidy";
import type { FrozenLines, PayoutSnapshot } from "./runs";

/** The amounts of a statement, each with the frozen lines that explain it. */
export type StatementSection = "phone" | "overtime" | "registrations" | "leaderBonus" | "total";

export interface PayoutPerson {
  personId: string;
  /** the name frozen with the run */
  name: string;
  /** the group the person calls for, then the groups they lead (frozen names) */
  groups: string[];
  /** whether the person leads a group, so a statement shows the leader bonus line */
  leads: boolean;
  /** the caller's figures as the run has them; null for a leader who calls for no group */
  admitted: number | null;
  enrolled: number | null;
  ratePermille: number | null;
  subsidyFen: number;
  overtimeFen: number;
  /** the overtime's reason frozen with the run (null: none, or a run signed before reasons were kept) */
  overtimeReason: string | null;
  /** 生源报备积分 paid (0 when the points paid no money, and in runs signed before they were paid) */
  registrationFen: number;
  leaderBonusFen: number;
  /**
   * What the rules took off (workload deduction, 误退, fraud, 诋毁他人, bottom-rank overtime), already out of the
   * amounts above; read from the run's steps, null for a run signed before steps were kept.
   */
  deductionFen: number | null;
  /** subsidy + overtime + registration points + leader bonus, as paid */
  totalFen: number;
  /** the frozen lines per amount (a run without steps puts them all under the total) */
  explanation: Record<StatementSection, string[]>;
  /** every frozen line, the caller's then each led group's */
  lines: string[];
}

export interface PayoutTotals {
  people: number;
  admitted: number;
  enrolled: number;
  subsidyFen: number;
  overtimeFen: number;
  registrationFen: number;
  leaderBonusFen: number;
  deductionFen: number;
  totalFen: number;
}

type Steps = PayoutResult["callers"][number]["steps"] | undefined;

/** Which amount a caller's step explains. */
function sectionOf(step: SubsidyStep): StatementSection {
  switch (step.kind) {
    case "mistakenWithdrawal":
    case "fraud":
      return step.amount === "overtime" ? "overtime" : step.amount === "leaderBonus" ? "leaderBonus" : "phone";
    case "bottomRank":
    case "overtimeEntered":
    case "overtimeBottomRank":
    case "overtime":
      return "overtime";
    case "registrationPoints":
      return "registrations";
    case "leaderOf":
      return "leaderBonus";
    case "award":
    case "callerTotal":
      return "total";
    default:
      return "phone";
  }
}

/** The money a payout's steps record as taken off, in fen. */
export function deductionOf(steps: readonly SubsidyStep[]): number {
  let sum = 0;
  // the workload deduction is per student: it costs that much for each enrolled student (next step)
  let perStudentCut: number | null = null;
  for (const step of steps) {
    switch (step.kind) {
      case "workloadDeduction":
        perStudentCut = step.beforeFen - step.perStudentFen;
        break;
      case "perEnrolled":
        if (perStudentCut !== null) sum += perStudentCut * step.enrolled;
        perStudentCut = null;
        break;
      case "mistakenWithdrawal":
      case "overtimeBottomRank":
        sum += step.fromFen - step.paidFen;
        break;
      case "fraud":
      case "slander":
        sum += step.deductedFen;
        break;
      default:
        break;
    }
  }
  return sum;
}

const emptyExplanation = (): Record<StatementSection, string[]> => ({
  phone: [],
  overtime: [],
  registrations: [],
  leaderBonus: [],
  total: [],
});

/** Each line into its amount's section when the run kept the steps beside the lines, else all under the total. */
function sortLines(
  explanation: Record<StatementSection, string[]>,
  lines: readonly string[],
  steps: Steps,
  section: (step: SubsidyStep) => StatementSection,
) {
  const aligned = steps !== undefined && steps.length === lines.length;
  lines.forEach((line, index) => {
    const step = aligned ? steps[index] : undefined;
    explanation[step === undefined ? "total" : section(step)].push(line);
  });
}

const collator = new Intl.Collator("zh-CN");

/**
 * One row per person of a signed-off run: every caller, and every leader (their bonus on their own
 * row, a leader who calls for no group on a row of their own), by group in the run's order, then by name.
 */
export function payoutPeople(snapshot: PayoutSnapshot & { frozen: FrozenLines }): PayoutPerson[] {
  const { result, input, names, frozen } = snapshot;
  const inputById = new Map(input.callers.map((c) => [c.callerId, c]));
  const groupName = (id: string) => names.groups[id] ?? id;
  const people = new Map<string, PayoutPerson>();
  /** each person's first group (the one they call for, else the first they lead), for the order */
  const firstGroup = new Map<string, string>();
  const person = (id: string) => {
    let found = people.get(id);
    if (!found) {
      found = {
        personId: id,
        name: names.people[id] ?? id,
        groups: [],
        leads: false,
        admitted: null,
        enrolled: null,
        ratePermille: null,
        subsidyFen: 0,
        overtimeFen: 0,
        overtimeReason: names.overtimeReasons?.[id] ?? null,
        registrationFen: 0,
        leaderBonusFen: 0,
        deductionFen: 0,
        totalFen: 0,
        explanation: emptyExplanation(),
        lines: [],
      };
      people.set(id, found);
    }
    return found;
  };
  const addDeduction = (p: PayoutPerson, steps: Steps) => {
    p.deductionFen = steps === undefined || p.deductionFen === null ? null : p.deductionFen + deductionOf(steps);
  };

  for (const caller of result.callers) {
    const p = person(caller.callerId);
    const figures = inputById.get(caller.callerId);
    if (figures) {
      p.groups.push(groupName(figures.groupId));
      firstGroup.set(p.personId, figures.groupId);
      p.admitted = figures.admitted;
      p.enrolled = figures.enrolled;
    }
    p.ratePermille = caller.ratePermille;
    p.subsidyFen = caller.subsidyFen;
    p.overtimeFen = caller.overtimeFen;
    p.registrationFen = caller.registrationFen ?? 0;
    const steps = (caller as { steps?: SubsidyStep[] }).steps;
    const lines = frozen.callers[caller.callerId] ?? [];
    addDeduction(p, steps);
    sortLines(p.explanation, lines, steps, sectionOf);
    p.lines.push(...lines);
  }
  for (const group of result.groups) {
    const p = person(group.leaderId);
    p.leads = true;
    const name = groupName(group.groupId);
    if (!p.groups.includes(name)) p.groups.push(name);
    if (!firstGroup.has(p.personId)) firstGroup.set(p.personId, group.groupId);
    p.leaderBonusFen += group.leaderBonusFen;
    const steps = (group as { steps?: SubsidyStep[] }).steps;
    const lines = frozen.groups[group.groupId] ?? [];
    addDeduction(p, steps);
    // a group's steps all explain its leader's bonus
    sortLines(p.explanation, lines, steps, () => "leaderBonus");
    p.lines.push(...lines);
  }

  // groups in the run's order (第一组 before 第二组, which the collation of their names would not keep)
  const groupRank = new Map(input.groups.map((g, index) => [g.groupId, index]));
  const rank = (p: PayoutPerson) => groupRank.get(firstGroup.get(p.personId) ?? "") ?? input.groups.length;
  return [...people.values()]
    .map((p) => ({ ...p, totalFen: p.subsidyFen + p.overtimeFen + p.registrationFen + p.leaderBonusFen }))
    .sort((a, b) => rank(a) - rank(b) || collator.compare(a.name, b.name) || a.personId.localeCompare(b.personId));
}

/** The export's totals row: sums of the people's figures (their total is the run's total). */
export function payoutTotals(people: readonly PayoutPerson[]): PayoutTotals {
  const sum = (value: (p: PayoutPerson) => number | null) => people.reduce((s, p) => s + (value(p) ?? 0), 0);
  return {
    people: people.length,
    admitted: sum((p) => p.admitted),
    enrolled: sum((p) => p.enrolled),
    subsidyFen: sum((p) => p.subsidyFen),
    overtimeFen: sum((p) => p.overtimeFen),
    registrationFen: sum((p) => p.registrationFen),
    leaderBonusFen: sum((p) => p.leaderBonusFen),
    deductionFen: sum((p) => p.deductionFen),
    totalFen: sum((p) => p.totalFen),
  };
}

/** Fen as a number of 元 for a spreadsheet cell (shown with two decimals by its format). */
export function yuanCell(fen: number): number {
  return fen / 100;
}

/**
 * Who issues the statements, named in their heading: the college's full name once an admin has set it
 * (lib/college); until then the campaign's name, which names the college.
 */
export function statementIssuer(college: { name: string } | null, campaign: { name: string }): string {
  return college?.name ?? campaign.name;
}
