// Inspection weeks are Beijing weeks, Monday 00:00 to the next Monday 00:00 (UTC+8, no daylight saving).
// Inspection.weekStart is a DATE column: the Monday's calendar date, stored as UTC midnight of that date.
import { beijingDay } from "@/lib/workflow/rules";

const DAY_MS = 24 * 3_600_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Monday (YYYY-MM-DD, Beijing calendar) of the week that holds `at`. */
export function beijingWeekStart(at: Date): string {
  const day = new Date(`${beijingDay(at)}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** A week given as YYYY-MM-DD: valid only when it is a Monday. */
export function parseWeek(value: string | undefined | null): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  return date.getUTCDay() === 1 ? value : null;
}

/** The instants the week covers: [from, to). */
export function weekRange(week: string): { from: Date; to: Date } {
  const from = new Date(new Date(`${week}T00:00:00Z`).getTime() - BEIJING_OFFSET_MS);
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
}

/** The value of Inspection.weekStart for the week. */
export function weekStartDate(week: string): Date {
  return new Date(`${week}T00:00:00Z`);
}

/** The week `weeks` weeks after (negative: before) `week`. */
export function shiftWeek(week: string, weeks: number): string {
  return new Date(new Date(`${week}T00:00:00Z`).getTime() + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

/** Hour of the day in Beijing (0-23). */
export function beijingHour(at: Date): number {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).getUTCHours();
}
