// When a weekly summary (每周学生动态) is due, and whether it came on time. Weeks are lib/time's Week.
// Pure: every function takes the time it works on.
import { addDaysToDay, atBeijingClock } from "@/lib/time";

/**
 * When a week's summary is due: Monday 12:00 Beijing time after the week (the callback lead reviews the
 * groups on Monday afternoon). A policy value, stated in the README; submitted later, it shows as late.
 */
export const WEEKLY_DEADLINE = { daysAfterWeekStart: 7, hourBeijing: 12 } as const;

/** The instant the week's summary is due. */
export function deadlineOf(week: string): Date {
  return atBeijingClock(addDaysToDay(week, WEEKLY_DEADLINE.daysAfterWeekStart), WEEKLY_DEADLINE.hourBeijing);
}

export type WeeklyStatus = "open" | "submitted" | "late" | "overdue";

/**
 * open: not submitted, deadline still ahead; submitted: on time; late: submitted after the deadline;
 * overdue: not submitted and the deadline has passed.
 */
export function weeklyStatus(week: string, submittedAt: Date | null, now: Date): WeeklyStatus {
  const deadline = deadlineOf(week);
  if (submittedAt) return submittedAt.getTime() > deadline.getTime() ? "late" : "submitted";
  return now.getTime() > deadline.getTime() ? "overdue" : "open";
}
