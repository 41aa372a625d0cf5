// A group leader's worklists (工作清单): which of their candidates need someone now, by the reason they
// need them. Pure: the page reads the rows and the campaign's phase, this decides who is on which list.
import type {
  ComeIntent,
  EnrollmentRecord,
  EnrollmentStatus,
  EscalationReason,
  Intent,
  WithdrawalStatus,
} from "@/generated/prisma/enums";
import { UNREACHABLE_OUTCOMES } from "@/lib/workflow/phases";

/** The lists, in the order the page offers them. */
export const WORKLIST_FILTERS = [
  "UNREACHABLE",
  "HESITANT",
  "WILL_NOT_COME",
  "NOT_PAID",
  "NO_DORM",
  "NOT_ENROLLED",
  "MASTERS",
  "NEVER_CONTACTED",
  "FOLLOW_UP_OVERDUE",
] as const;

export type WorklistFilter = (typeof WORKLIST_FILTERS)[number];

export function isWorklistFilter(value: unknown): value is WorklistFilter {
  return typeof value === "string" && (WORKLIST_FILTERS as readonly string[]).includes(value);
}

export interface WorklistCandidate {
  intent: Intent | null;
  withdrawal: WithdrawalStatus;
  decline: WithdrawalStatus;
  admitted: boolean;
  comeIntent: ComeIntent | null;
  paid: boolean;
  dormChosen: boolean;
  masterInterest: boolean;
  enrollment: EnrollmentStatus;
  enrollmentRecord: EnrollmentRecord | null;
  lastContactAt: Date | null;
  nextFollowUpAt: Date | null;
  /** the result of the latest contact (by when it happened), null when never contacted */
  lastOutcome: string | null;
}

export interface WorklistMoment {
  now: Date;
  /** the 录取后 phase has opened: from then on only admitted candidates are still to be won */
  admissionsOut: boolean;
  /** the 报到 window has closed: every admitted candidate not enrolled by then is a no-show */
  enrollmentClosed: boolean;
}

function enrolled(c: WorklistCandidate): boolean {
  return c.enrollment === "ENROLLED" || c.enrollmentRecord !== null;
}

/**
 * Still to be won: not withdrawn (退档 done), not given up (放弃录取 approved), not enrolled; once admissions
 * are out, admitted. The same reading as the 零失联 board's (lib/strike/board.ts inPlay).
 */
export function stillToWin(c: WorklistCandidate, at: WorklistMoment): boolean {
  if (c.withdrawal === "APPROVED" || c.decline === "APPROVED" || enrolled(c)) return false;
  return !at.admissionsOut || c.admitted;
}

/**
 * The lists a candidate is on. The after-admission lists (明确不来, 未缴费, 未选宿舍, 未报到, 专硕) take admitted
 * candidates only; 专硕 prospects stay on theirs after enrolling, since the programme is for students.
 */
export function worklistsOf(c: WorklistCandidate, at: WorklistMoment): WorklistFilter[] {
  const lists: WorklistFilter[] = [];
  const open = stillToWin(c, at);
  if (open) {
    if (c.lastOutcome !== null && (UNREACHABLE_OUTCOMES as readonly string[]).includes(c.lastOutcome)) {
      lists.push("UNREACHABLE");
    }
    if (c.admitted ? c.comeIntent === "HESITANT" : c.intent === "HESITANT") lists.push("HESITANT");
    if (c.admitted && c.comeIntent === "WILL_NOT_COME") lists.push("WILL_NOT_COME");
    if (c.admitted && !c.paid) lists.push("NOT_PAID");
    if (c.admitted && !c.dormChosen) lists.push("NO_DORM");
    if (c.admitted && (c.enrollment === "NOT_ENROLLED" || at.enrollmentClosed)) lists.push("NOT_ENROLLED");
  }
  if (c.admitted && c.masterInterest && c.withdrawal !== "APPROVED" && c.decline !== "APPROVED") lists.push("MASTERS");
  if (open) {
    if (c.lastContactAt === null) lists.push("NEVER_CONTACTED");
    if (c.nextFollowUpAt !== null && c.nextFollowUpAt.getTime() < at.now.getTime()) lists.push("FOLLOW_UP_OVERDUE");
  }
  return lists;
}

export type WorklistCounts = Record<WorklistFilter, number>;

/** How many candidates each list holds (one candidate counts once on every list they are on). */
export function worklistCounts(rows: readonly WorklistCandidate[], at: WorklistMoment): WorklistCounts {
  const counts = Object.fromEntries(WORKLIST_FILTERS.map((f) => [f, 0])) as WorklistCounts;
  for (const row of rows) for (const list of worklistsOf(row, at)) counts[list] += 1;
  return counts;
}

/** The reasons a leader forwards candidates to the strike team with, the one chosen first listed first. */
export const FORWARD_REASONS = [
  "DIFFICULT",
  "PARENT_QUESTIONS",
  "WILL_NOT_COME",
  "NOT_ENROLLED",
  "REGRETTED",
  "PHONE_OFF",
  "SUSPENDED",
  "WRONG_NUMBER",
  "REFUSED",
  "OTHER",
] as const satisfies readonly EscalationReason[];

export type ForwardReason = (typeof FORWARD_REASONS)[number];

/** The reason the forward form proposes for a list; the leader may choose another. */
export function proposedReason(filter: WorklistFilter | null): ForwardReason {
  switch (filter) {
    case "WILL_NOT_COME":
      return "WILL_NOT_COME";
    case "NOT_ENROLLED":
      return "NOT_ENROLLED";
    default:
      return "DIFFICULT";
  }
}
