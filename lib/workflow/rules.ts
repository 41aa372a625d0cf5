// The four-phase workflow as pure functions: which results a caller may record for a candidate, what
// each result changes, when a log can be made or corrected, when an unreachable candidate goes to
// the group leader, and what needs doing first. The server actions enforce exactly these rules; the
// pages only show what they allow.
import type {
  ComeIntent,
  EnrollmentStatus,
  EscalationReason,
  EscalationStatus,
  Intent,
  WithdrawalStatus,
} from "@/generated/prisma/enums";
import { beijingDay, DAY_MS, HOUR_MS } from "@/lib/time";
import {
  OUTCOMES_BY_PHASE,
  type Outcome,
  type Phase,
  type PhaseWindowLike,
  phaseOpenAt,
  UNREACHABLE_OUTCOMES,
} from "./phases";
import type { WorkflowPolicy } from "./policy";

export interface CandidateStatus {
  intent: Intent | null;
  withdrawal: WithdrawalStatus;
  /** 放弃录取 after admission (lib/withdrawals): once approved the place is given up */
  decline: WithdrawalStatus;
  admitted: boolean;
  comeIntent: ComeIntent | null;
  paid: boolean;
  dormChosen: boolean;
  busBooked: boolean;
  masterInterest: boolean;
  enrollment: EnrollmentStatus;
}

export function isUnreachable(outcome: string): boolean {
  return (UNREACHABLE_OUTCOMES as readonly string[]).includes(outcome);
}

/**
 * The results a caller may record for this candidate in this phase. A withdrawn candidate's file is
 * gone; phases 3 and 4 concern admitted candidates only; a fact already recorded (paid, dorm…) is
 * not offered again; an enrolled candidate can still ask questions.
 */
export function allowedOutcomes(phase: Phase, status: CandidateStatus): Outcome[] {
  // a withdrawn candidate's file is gone; one whose 放弃录取 was approved has given up the place
  if (status.withdrawal === "APPROVED" || status.decline === "APPROVED") return [];
  const all: readonly Outcome[] = OUTCOMES_BY_PHASE[phase];
  switch (phase) {
    case 1:
      return [...all];
    case 2: {
      // 以退为进: only a candidate who did not choose us first, or hesitates, is asked to withdraw
      const mayWithdraw =
        status.withdrawal === "NONE" && (status.intent === "NOT_FIRST_CHOICE" || status.intent === "HESITANT");
      return all.filter((o) => (o === "WITHDRAWAL_AGREED" || o === "WITHDRAWAL_REFUSED" ? mayWithdraw : true));
    }
    case 3: {
      if (!status.admitted) return [];
      const recorded: Partial<Record<Outcome, boolean>> = {
        PAID: status.paid,
        DORM_CHOSEN: status.dormChosen,
        BUS_BOOKED: status.busBooked,
        MASTER_INTEREST: status.masterInterest,
      };
      return all.filter((o) => !recorded[o]);
    }
    case 4: {
      if (!status.admitted) return [];
      if (status.enrollment === "ENROLLED") return ["CONSULTED"];
      return all.filter((o) => !(o === "NOT_ENROLLED" && status.enrollment === "NOT_ENROLLED"));
    }
  }
}

export interface OutcomeEffect {
  /** the candidate's status fields this result sets */
  patch: Partial<CandidateStatus> & { noShowReason?: string | null };
  /** a result that sends the candidate to the group leader (and on to the strike team) */
  escalate?: EscalationReason;
  /** the withdrawal (退档) flow starts: materials checklist and photos follow */
  startsWithdrawal?: boolean;
}

/** What recording `outcome` changes. `noShowReason` is required for NOT_ENROLLED (see outcomeDetailsError). */
export function outcomeEffect(outcome: Outcome, details: { noShowReason?: string | null } = {}): OutcomeEffect {
  switch (outcome) {
    case "INTENT_FIRST_CHOICE":
      return { patch: { intent: "FIRST_CHOICE" } };
    case "INTENT_HESITANT":
      return { patch: { intent: "HESITANT" } };
    case "INTENT_NOT_FIRST_CHOICE":
      return { patch: { intent: "NOT_FIRST_CHOICE" } };
    case "WITHDRAWAL_AGREED":
      return { patch: { withdrawal: "AGREED" }, startsWithdrawal: true };
    case "WILL_COME":
      return { patch: { comeIntent: "WILL_COME" } };
    case "COME_HESITANT":
      return { patch: { comeIntent: "HESITANT" } };
    case "WILL_NOT_COME":
      return { patch: { comeIntent: "WILL_NOT_COME" }, escalate: "WILL_NOT_COME" };
    case "PAID":
      return { patch: { paid: true } };
    case "DORM_CHOSEN":
      return { patch: { dormChosen: true } };
    case "BUS_BOOKED":
      return { patch: { busBooked: true } };
    case "MASTER_INTEREST":
      return { patch: { masterInterest: true } };
    case "ENROLLED":
      return { patch: { enrollment: "ENROLLED", noShowReason: null } };
    case "NOT_ENROLLED":
      return { patch: { enrollment: "NOT_ENROLLED", noShowReason: details.noShowReason?.trim() || null } };
    case "REGRETTED":
      // 反悔: said they would come, now will not; the leader passes them to the strike team
      return { patch: { comeIntent: "WILL_NOT_COME" }, escalate: "REGRETTED" };
    default:
      // guidance, consultation, refusals to withdraw and unreachable attempts change no status
      return { patch: {} };
  }
}

/** A result that needs more than its code: a no-show needs its reason. */
export function outcomeDetailsError(
  outcome: Outcome,
  details: { noShowReason?: string | null },
): "NO_SHOW_REASON_REQUIRED" | null {
  if (outcome === "NOT_ENROLLED" && !details.noShowReason?.trim()) return "NO_SHOW_REASON_REQUIRED";
  return null;
}

export type LoggingRefusal = "IN_FUTURE" | "TOO_OLD" | "PHASE_CLOSED" | "CLEANUP_ONLY_ESCALATED" | "CLEANUP_OVER";

/** Tolerance for a phone whose clock runs a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The clean-up period: from the close of the 报到 window for the policy's clean-up days. Null when the
 * campaign has no 报到 window or the policy gives no clean-up days.
 */
export function cleanupPeriod(
  windows: readonly PhaseWindowLike[],
  policy: Pick<WorkflowPolicy, "cleanupDays">,
): { opensAt: Date; closesAt: Date } | null {
  const enrollment = windows.find((w) => w.phase === 4);
  if (!enrollment || policy.cleanupDays <= 0) return null;
  return {
    opensAt: enrollment.closesAt,
    closesAt: new Date(enrollment.closesAt.getTime() + policy.cleanupDays * DAY_MS),
  };
}

export function inCleanupPeriod(
  windows: readonly PhaseWindowLike[],
  policy: Pick<WorkflowPolicy, "cleanupDays">,
  at: Date,
): boolean {
  const period = cleanupPeriod(windows, policy);
  return period !== null && period.opensAt <= at && at < period.closesAt;
}

/** The roles that keep working on escalated candidates in the clean-up period (the plan's 攻坚组 and 组长). */
export const CLEANUP_ROLES = ["STRIKE", "GROUP_LEADER"] as const;

/**
 * Whether this person may log a clean-up contact on this candidate: they are on the strike team or lead a
 * group, and the candidate has an escalation still in hand, or one settled during the clean-up period
 * (the persuasion that settled it may need its last call recorded).
 */
export function cleanupContactAllowed(
  roles: readonly string[],
  escalations: readonly { status: EscalationStatus; resolvedAt: Date | null }[],
  period: { opensAt: Date } | null,
): boolean {
  if (!period || !roles.some((r) => (CLEANUP_ROLES as readonly string[]).includes(r))) return false;
  return escalations.some((e) => e.status !== "RESOLVED" || (e.resolvedAt !== null && e.resolvedAt >= period.opensAt));
}

/**
 * A contact belongs to the phase open when it happened, and can be logged only while that phase is
 * still open (closed phases are read-only) and not longer ago than the policy's backdate limit. After
 * the 报到 window, a contact made in the clean-up period belongs to phase 4, marked as clean-up, and is
 * taken only from someone `cleanupAllowed` says may (see cleanupContactAllowed).
 */
export function loggingCheck(
  startedAt: Date,
  now: Date,
  windows: readonly PhaseWindowLike[],
  policy: Pick<WorkflowPolicy, "backdateHours" | "cleanupDays">,
  options: { cleanupAllowed?: boolean } = {},
): { ok: true; phase: Phase; cleanup: boolean } | { ok: false; refusal: LoggingRefusal } {
  if (startedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) return { ok: false, refusal: "IN_FUTURE" };
  if (now.getTime() - startedAt.getTime() > policy.backdateHours * HOUR_MS) return { ok: false, refusal: "TOO_OLD" };
  const phase = phaseOpenAt(windows, startedAt);
  if (phase !== null && phaseOpenAt(windows, now) === phase) return { ok: true, phase, cleanup: false };
  const period = cleanupPeriod(windows, policy);
  if (period && now >= period.opensAt) {
    if (now >= period.closesAt) return { ok: false, refusal: "CLEANUP_OVER" };
    if (startedAt >= period.opensAt) {
      return options.cleanupAllowed
        ? { ok: true, phase: 4, cleanup: true }
        : { ok: false, refusal: "CLEANUP_ONLY_ESCALATED" };
    }
  }
  return { ok: false, refusal: "PHASE_CLOSED" };
}

/**
 * What the contact form says about the unreachable rule: the current run of unreachable results, how
 * many more are needed at least, and whether one more unreachable result at `at` would send the candidate
 * to the group leader (so the caller knows before the attempt that escalates).
 */
export function unreachableCountdown(
  ledger: readonly { startedAt: Date; outcome: string }[],
  policy: Pick<WorkflowPolicy, "unreachableAttempts" | "unreachableMinDays">,
  at: Date,
): { streak: number; streakDays: number; attemptsLeft: number; nextEscalates: boolean } {
  const streak = unreachableStreak(ledger);
  return {
    streak: streak.length,
    streakDays: new Set(streak.map((log) => beijingDay(log.startedAt))).size,
    attemptsLeft: Math.max(1, policy.unreachableAttempts - streak.length),
    nextEscalates: unreachableEscalationDue([...ledger, { startedAt: at, outcome: UNREACHABLE_OUTCOMES[0] }], policy),
  };
}

export type EditRefusal = "NOT_AUTHOR" | "PHASE_CLOSED" | "EDIT_WINDOW_PASSED";

/** Only the author corrects a log, only while its phase is open, and only within the edit window. */
export function editRefusal(
  log: { callerId: string; phase: number; createdAt: Date },
  userId: string,
  now: Date,
  windows: readonly PhaseWindowLike[],
  policy: Pick<WorkflowPolicy, "editWindowHours">,
): EditRefusal | null {
  if (log.callerId !== userId) return "NOT_AUTHOR";
  if (phaseOpenAt(windows, now) !== log.phase) return "PHASE_CLOSED";
  if (now.getTime() - log.createdAt.getTime() > policy.editWindowHours * HOUR_MS) return "EDIT_WINDOW_PASSED";
  return null;
}

/**
 * The unreachable attempts since the candidate was last reached: the trailing run of unreachable
 * results in the ledger. Reaching the candidate once starts the count again.
 */
export function unreachableStreak<L extends { startedAt: Date; outcome: string }>(ledger: readonly L[]): L[] {
  const ordered = [...ledger].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const streak: L[] = [];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const log = ordered[i];
    if (!log || !isUnreachable(log.outcome)) break;
    streak.unshift(log);
  }
  return streak;
}

/** After N failed attempts over at least M different days, the candidate goes to the group leader. */
export function unreachableEscalationDue(
  ledger: readonly { startedAt: Date; outcome: string }[],
  policy: Pick<WorkflowPolicy, "unreachableAttempts" | "unreachableMinDays">,
): boolean {
  const streak = unreachableStreak(ledger);
  const days = new Set(streak.map((log) => beijingDay(log.startedAt)));
  return streak.length >= policy.unreachableAttempts && days.size >= policy.unreachableMinDays;
}

/** The escalation reason that matches the latest unreachable result. */
export function escalationReasonFor(outcome: string): EscalationReason {
  switch (outcome) {
    case "UNREACHABLE_PHONE_OFF":
      return "PHONE_OFF";
    case "UNREACHABLE_SUSPENDED":
      return "SUSPENDED";
    case "UNREACHABLE_WRONG_NUMBER":
      return "WRONG_NUMBER";
    case "UNREACHABLE_REFUSED":
      return "REFUSED";
    default:
      return "OTHER";
  }
}

/**
 * Whether a result's escalation is raised automatically: the policy decides for 反悔, 明确不来 and 未报到
 * after the 报到 window (all on by default); a caller can still raise any candidate by hand (MANUAL_ESCALATION_REASONS).
 */
export function escalatesAutomatically(
  reason: EscalationReason,
  policy: Pick<WorkflowPolicy, "escalateRegretted" | "escalateWillNotCome" | "escalateNotEnrolled">,
): boolean {
  switch (reason) {
    case "REGRETTED":
      return policy.escalateRegretted;
    case "WILL_NOT_COME":
      return policy.escalateWillNotCome;
    case "NOT_ENROLLED":
      return policy.escalateNotEnrolled;
    default:
      return true;
  }
}

/** Whether the 报到 window has closed at `at` (false for a campaign without one). */
export function enrollmentWindowClosed(windows: readonly PhaseWindowLike[], at: Date): boolean {
  const enrollment = windows.find((w) => w.phase === 4);
  return enrollment !== undefined && at >= enrollment.closesAt;
}

/**
 * The escalation a result asks for when it happened at `at`: the result's own (反悔, 明确不来), or 未报到 for
 * a no-show recorded once the 报到 window has closed (before it closes the candidate may still come).
 */
export function resultEscalation(
  outcome: Outcome,
  at: Date,
  windows: readonly PhaseWindowLike[],
): EscalationReason | undefined {
  if (outcome === "NOT_ENROLLED") return enrollmentWindowClosed(windows, at) ? "NOT_ENROLLED" : undefined;
  return outcomeEffect(outcome).escalate;
}

/** The reasons a caller chooses from when raising a candidate to the group leader by hand. */
export const MANUAL_ESCALATION_REASONS = [
  "DIFFICULT",
  "PARENT_QUESTIONS",
  "WILL_NOT_COME",
  "OTHER",
] as const satisfies readonly EscalationReason[];

/** Escalations still in someone's hands: a new one is not raised while one of these is open. */
export const OPEN_ESCALATION_STATUSES: readonly EscalationStatus[] = ["OPEN", "FORWARDED", "CLAIMED"];

export type TodoReason = "ESCALATION_RETURNED" | "NEVER_CONTACTED" | "FOLLOW_UP_DUE" | "BELOW_STANDARD" | "ON_TRACK";

/** Most urgent first: the order of "my candidates". */
export const TODO_ORDER: readonly TodoReason[] = [
  "ESCALATION_RETURNED",
  "NEVER_CONTACTED",
  "FOLLOW_UP_DUE",
  "BELOW_STANDARD",
  "ON_TRACK",
];

export interface TodoInput {
  lastContactAt: Date | null;
  nextFollowUpAt: Date | null;
  contacts: number;
  seconds: number;
  /** the leader sent an escalation back to this caller with advice, not yet acted on */
  escalationReturned: boolean;
}

/** Why a candidate needs the caller now; `endOfToday` is the end of the caller's day. */
export function todoReason(
  c: TodoInput,
  endOfToday: Date,
  policy: Pick<WorkflowPolicy, "contactsPerCandidate" | "minutesPerCandidate">,
): TodoReason {
  if (c.escalationReturned) return "ESCALATION_RETURNED";
  if (!c.lastContactAt) return "NEVER_CONTACTED";
  if (c.nextFollowUpAt && c.nextFollowUpAt <= endOfToday) return "FOLLOW_UP_DUE";
  if (c.contacts < policy.contactsPerCandidate || c.seconds < policy.minutesPerCandidate * 60) return "BELOW_STANDARD";
  return "ON_TRACK";
}

/** Sorts by urgency, then the earliest follow-up, then the longest since the last contact. */
export function sortTodo<T extends TodoInput & { reason: TodoReason }>(rows: readonly T[]): T[] {
  const time = (d: Date | null, empty: number) => (d ? d.getTime() : empty);
  return [...rows].sort(
    (a, b) =>
      TODO_ORDER.indexOf(a.reason) - TODO_ORDER.indexOf(b.reason) ||
      time(a.nextFollowUpAt, Number.POSITIVE_INFINITY) - time(b.nextFollowUpAt, Number.POSITIVE_INFINITY) ||
      time(a.lastContactAt, 0) - time(b.lastContactAt, 0),
  );
}

export type Stage =
  | "WITHDRAWN"
  | "WITHDRAWING"
  | "NOT_FIRST_CHOICE"
  | "HESITANT"
  | "FIRST_CHOICE"
  | "NEW"
  | "AWAITING_ADMISSION"
  | "WILL_COME"
  | "COME_HESITANT"
  | "WILL_NOT_COME"
  | "ADMITTED"
  | "DECLINED"
  | "ENROLLED"
  | "NOT_ENROLLED";

/** One word for where a candidate stands, read in the phase the campaign is in. */
export function candidateStage(openPhase: Phase | null, s: CandidateStatus): Stage {
  if (s.withdrawal === "APPROVED") return "WITHDRAWN";
  if (s.withdrawal !== "NONE" && !s.admitted) return "WITHDRAWING";
  if (s.decline === "APPROVED") return "DECLINED";
  // between or after the phases, an admitted candidate is read by admission and enrollment
  const phase = openPhase ?? (s.admitted ? 4 : 2);
  if (phase <= 2) {
    if (s.intent === "NOT_FIRST_CHOICE") return "NOT_FIRST_CHOICE";
    if (s.intent === "HESITANT") return "HESITANT";
    if (s.intent === "FIRST_CHOICE") return "FIRST_CHOICE";
    return "NEW";
  }
  if (!s.admitted) return "AWAITING_ADMISSION";
  if (s.enrollment === "ENROLLED") return "ENROLLED";
  if (s.enrollment === "NOT_ENROLLED") return "NOT_ENROLLED";
  if (s.comeIntent === "WILL_NOT_COME") return "WILL_NOT_COME";
  if (s.comeIntent === "HESITANT") return "COME_HESITANT";
  if (s.comeIntent === "WILL_COME") return "WILL_COME";
  return "ADMITTED";
}

export type NextStep =
  | "NONE_WITHDRAWN"
  | "NONE_DECLINED"
  | "NONE_NOT_ADMITTED"
  | "NONE_ENROLLED"
  | "WAIT_FOR_ESCALATION"
  | "ACT_ON_ADVICE"
  | "GUIDE_APPLICATION"
  | "RECORD_INTENT"
  | "PERSUADE_WITHDRAWAL"
  | "COLLECT_WITHDRAWAL_MATERIALS"
  | "AWAIT_WITHDRAWAL_REVIEW"
  | "FIX_WITHDRAWAL_MATERIALS"
  | "PERSUADE_TO_COME"
  | "GUIDE_PAYMENT"
  | "GUIDE_DORM_AND_BUS"
  | "KEEP_IN_TOUCH"
  | "CONFIRM_ENROLLMENT"
  | "CHASE_NO_SHOW";

/** The caller's next step for this candidate, shown on the candidate page. */
export function nextStep(phase: Phase, s: CandidateStatus, escalation: EscalationStatus | null): NextStep {
  if (s.withdrawal === "APPROVED") return "NONE_WITHDRAWN";
  if (s.decline === "APPROVED") return "NONE_DECLINED";
  if (escalation && OPEN_ESCALATION_STATUSES.includes(escalation)) return "WAIT_FOR_ESCALATION";
  if (escalation === "SENT_BACK") return "ACT_ON_ADVICE";
  switch (phase) {
    case 1:
      return "GUIDE_APPLICATION";
    case 2:
      if (s.withdrawal === "AGREED") return "COLLECT_WITHDRAWAL_MATERIALS";
      if (s.withdrawal === "SUBMITTED") return "AWAIT_WITHDRAWAL_REVIEW";
      if (s.withdrawal === "SENT_BACK") return "FIX_WITHDRAWAL_MATERIALS";
      if (s.intent === null) return "RECORD_INTENT";
      if (s.intent === "FIRST_CHOICE") return "KEEP_IN_TOUCH";
      return "PERSUADE_WITHDRAWAL";
    case 3:
      if (!s.admitted) return "NONE_NOT_ADMITTED";
      if (s.comeIntent !== "WILL_COME") return "PERSUADE_TO_COME";
      if (!s.paid) return "GUIDE_PAYMENT";
      if (!s.dormChosen || !s.busBooked) return "GUIDE_DORM_AND_BUS";
      return "KEEP_IN_TOUCH";
    case 4:
      if (!s.admitted) return "NONE_NOT_ADMITTED";
      if (s.enrollment === "ENROLLED") return "NONE_ENROLLED";
      if (s.enrollment === "NOT_ENROLLED") return "CHASE_NO_SHOW";
      return "CONFIRM_ENROLLMENT";
  }
}

/** The signed-form materials a withdrawal (退档) needs before the data team reviews it. */
export const WITHDRAWAL_CHECKLIST = ["APPLICATION_SIGNED", "GUARDIAN_SIGNED", "ID_COPY", "EXAM_TICKET_COPY"] as const;
export type WithdrawalChecklistItem = (typeof WITHDRAWAL_CHECKLIST)[number];

/** Materials can go to review when every item is ticked and at least one photo of the form is attached. */
export function withdrawalReady(checked: readonly string[], photoCount: number): boolean {
  return WITHDRAWAL_CHECKLIST.every((item) => checked.includes(item)) && photoCount > 0;
}
