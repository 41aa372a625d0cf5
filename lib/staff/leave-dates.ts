// Leave (请假) by dates, the rules without a database: where a leave stands on a given Beijing day, what a
// caller may ask for, and how ending a leave early (销假) rewrites it. Days are "YYYY-MM-DD" strings, compared
// as text (lib/time). Pure: the caller passes today.
import { addDaysToDay } from "@/lib/time";

export type LeaveStatus = "REQUESTED" | "APPROVED" | "REJECTED" | "CANCELLED";

export interface LeaveDays {
  status: LeaveStatus;
  startsOn: string;
  endsOn: string;
}

/** Where a leave stands on `today`: waiting, refused, withdrawn, or (approved) still to come, running, over. */
export type LeaveState = "requested" | "refused" | "cancelled" | "upcoming" | "current" | "over";

export function leaveState(leave: LeaveDays, today: string): LeaveState {
  if (leave.status === "REQUESTED") return "requested";
  if (leave.status === "REJECTED") return "refused";
  if (leave.status === "CANCELLED") return "cancelled";
  if (today < leave.startsOn) return "upcoming";
  return today <= leave.endsOn ? "current" : "over";
}

/** Whether an approved leave keeps its holder away on `day` (the same rule as lib/staff/leave.ts leaveCovering). */
export function covers(leave: LeaveDays, day: string): boolean {
  return leave.status === "APPROVED" && leave.startsOn <= day && day <= leave.endsOn;
}

/** The longest leave one request may ask for, in days: a longer absence is a leave of the pool, not a leave. */
export const MAX_LEAVE_DAYS = 31;

export type LeaveRequestError = "startPast" | "endBeforeStart" | "tooLong" | "overlaps";

/**
 * What is wrong with asking for leave from `startsOn` to `endsOn` on `today`, or null: it starts today at
 * the earliest (the plan: leave is asked for in advance), ends on or after its start, lasts at most
 * MAX_LEAVE_DAYS, and meets no leave of the same person still waiting or approved.
 */
export function leaveRequestError(
  request: { startsOn: string; endsOn: string },
  today: string,
  others: readonly LeaveDays[],
): LeaveRequestError | null {
  if (request.startsOn < today) return "startPast";
  if (request.endsOn < request.startsOn) return "endBeforeStart";
  if (request.endsOn > addDaysToDay(request.startsOn, MAX_LEAVE_DAYS - 1)) return "tooLong";
  const live = others.filter((o) => o.status === "REQUESTED" || o.status === "APPROVED");
  if (live.some((o) => o.startsOn <= request.endsOn && request.startsOn <= o.endsOn)) return "overlaps";
  return null;
}

/**
 * Ending an approved leave early (销假) on `today`: the holder is back at once, so the leave now ends
 * yesterday and today is a working day again (they can be given candidates today). A leave that had not
 * covered a day before today (still to come, or begun today) covers no day at all once ended: it is
 * withdrawn (CANCELLED) rather than given an end before its start. null when there is nothing to end
 * (not approved, or already over).
 */
export function endEarly(
  leave: LeaveDays,
  today: string,
): { status: "APPROVED"; endsOn: string } | { status: "CANCELLED" } | null {
  const state = leaveState(leave, today);
  if (state !== "current" && state !== "upcoming") return null;
  if (leave.startsOn >= today) return { status: "CANCELLED" };
  return { status: "APPROVED", endsOn: addDaysToDay(today, -1) };
}

/** Whether approving this leave on `today` moves the holder's candidates now: it has begun. Later ones wait for the hand-back. */
export function movesOnApproval(leave: { startsOn: string }, today: string): boolean {
  return leave.startsOn <= today;
}
