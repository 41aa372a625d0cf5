// Campaign weeks run Monday 00:00 to the next Monday 00:00, Beijing time. A week is named by its Monday's
// day, "2024-07-15": the key in addresses and forms, and the value of the `weekStart` date columns
// (Inspection, WeeklyReport) through toDateColumn. Used as `Week.of(now)`, `Week.range(week)`.
import { addDaysToDay, beijingDay, parseDay, startOfBeijingDay, weekdayOfDay } from "./beijing";

/** The week that holds the instant. */
export function of(at: Date): string {
  const day = beijingDay(at);
  return addDaysToDay(day, -((weekdayOfDay(day) + 6) % 7));
}

/** A week key typed as "YYYY-MM-DD"; null unless it is a real Monday. */
export function parse(key: string | null | undefined): string | null {
  const day = parseDay(key);
  return day !== null && weekdayOfDay(day) === 1 ? day : null;
}

/** The instants the week covers: [from, to), Monday 00:00 to the next Monday 00:00 Beijing time. */
export function range(week: string): { from: Date; to: Date } {
  return { from: startOfBeijingDay(week), to: startOfBeijingDay(shift(week, 1)) };
}

/** The week `weeks` weeks after (negative: before) `week`. */
export function shift(week: string, weeks: number): string {
  return addDaysToDay(week, 7 * weeks);
}

/** The week's Sunday. */
export function lastDay(week: string): string {
  return addDaysToDay(week, 6);
}

/** The weeks from the one holding `from` to the one holding `to`, newest first. */
export function between(from: Date, to: Date): string[] {
  const first = of(from);
  const weeks: string[] = [];
  for (let week = of(to); week >= first; week = shift(week, -1)) weeks.push(week);
  return weeks;
}
