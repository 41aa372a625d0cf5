// Weeks of the weekly summary (每周学生动态): Monday to Sunday in Beijing time (UTC+8, no daylight saving).
// Pure: every function takes the time it works on.

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * When a week's summary is due: Monday 12:00 Beijing time after the week (the callback lead reviews the
 * groups on Monday afternoon). A policy value, stated in the README; submitted later, it shows as late.
 */
export const WEEKLY_DEADLINE = { daysAfterWeekStart: 7, hourBeijing: 12 } as const;

/** The Monday (as a UTC-midnight date, like a Postgres `date`) of the Beijing week that contains `at`. */
export function weekStartOf(at: Date): Date {
  const beijing = new Date(at.getTime() + BEIJING_OFFSET_MS);
  const midnight = Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate());
  const mondayOffset = (beijing.getUTCDay() + 6) % 7;
  return new Date(midnight - mondayOffset * DAY_MS);
}

/** The instants the week covers: [from, to), Monday 00:00 to the next Monday 00:00 Beijing time. */
export function weekRange(weekStart: Date): { from: Date; to: Date } {
  const from = new Date(weekStart.getTime() - BEIJING_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
}

export function deadlineOf(weekStart: Date): Date {
  return new Date(
    weekStart.getTime() +
      WEEKLY_DEADLINE.daysAfterWeekStart * DAY_MS +
      WEEKLY_DEADLINE.hourBeijing * 3_600_000 -
      BEIJING_OFFSET_MS,
  );
}

export type WeeklyStatus = "open" | "submitted" | "late" | "overdue";

/**
 * open: not submitted, deadline still ahead; submitted: on time; late: submitted after the deadline;
 * overdue: not submitted and the deadline has passed.
 */
export function weeklyStatus(weekStart: Date, submittedAt: Date | null, now: Date): WeeklyStatus {
  const deadline = deadlineOf(weekStart);
  if (submittedAt) return submittedAt.getTime() > deadline.getTime() ? "late" : "submitted";
  return now.getTime() > deadline.getTime() ? "overdue" : "open";
}

/** "2024-07-15" for a week start (its UTC date, which is the Beijing Monday). */
export function weekKey(weekStart: Date): string {
  return weekStart.toISOString().slice(0, 10);
}

/** Parses "YYYY-MM-DD" into a week start; null unless it is a real Monday. */
export function parseWeekKey(key: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return null;
  const date = new Date(`${key}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || weekKey(date) !== key || date.getUTCDay() !== 1) return null;
  return date;
}

/** The weeks from the one containing `from` to the one containing `to`, newest first. */
export function weeksBetween(from: Date, to: Date): Date[] {
  const weeks: Date[] = [];
  const first = weekStartOf(from).getTime();
  for (let week = weekStartOf(to).getTime(); week >= first; week -= 7 * DAY_MS) weeks.push(new Date(week));
  return weeks;
}
