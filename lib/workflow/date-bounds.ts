// Where a campaign's dates may lie. A date typed far off (a follow-up in 9999, a weekly summary for the
// week of 1900-01-01, a phase closing in 9999 that would defer retention forever) is refused, naming the
// range. Ranges are Beijing days, first and last included, "YYYY-MM-DD". Pure: no clock.
import { addDaysToDay, beijingDay } from "@/lib/time";

export interface DayRange {
  /** the first Beijing day allowed */
  first: string;
  /** the last Beijing day allowed */
  last: string;
}

export interface WindowLike {
  opensAt: Date;
  closesAt: Date;
}

/** The Beijing day a window's close belongs to: a window closing at midnight ends on the day before. */
function lastDayOf(closesAt: Date): string {
  return beijingDay(new Date(closesAt.getTime() - 1));
}

/**
 * Phase windows: from 1 January of the campaign's year to 31 December of the next year (an admissions
 * season starts in spring and the last students report in the autumn, sometimes after New Year).
 */
export function phaseWindowDays(campaignYear: number): DayRange {
  return { first: `${campaignYear}-01-01`, last: `${campaignYear + 1}-12-31` };
}

/**
 * The ends of a phase window that fall outside the range: its opening before the first day, its close
 * after the last (a close at midnight ends the day before). Empty when the window is inside.
 */
export function windowEdgesOutside(window: WindowLike, range: DayRange): ("opensAt" | "closesAt")[] {
  const outside: ("opensAt" | "closesAt")[] = [];
  if (beijingDay(window.opensAt) < range.first) outside.push("opensAt");
  if (lastDayOf(window.closesAt) > range.last) outside.push("closesAt");
  return outside;
}

/**
 * The days of the campaign's work: from the day its first phase opens to the day its last one closes,
 * plus the clean-up days a policy may add after it (none does yet). null when it has no phase windows.
 */
export function campaignDays(windows: readonly WindowLike[], options: { cleanupDays?: number } = {}): DayRange | null {
  if (windows.length === 0) return null;
  const opens = Math.min(...windows.map((w) => w.opensAt.getTime()));
  const closes = Math.max(...windows.map((w) => w.closesAt.getTime()));
  return {
    first: beijingDay(new Date(opens)),
    last: addDaysToDay(lastDayOf(new Date(closes)), options.cleanupDays ?? 0),
  };
}

/** Whether the instant falls on a day of the range. */
export function dayWithin(at: Date, range: DayRange): boolean {
  const day = beijingDay(at);
  return day >= range.first && day <= range.last;
}

/** Whether the week starting on that Monday ("YYYY-MM-DD") shares at least one day with the range. */
export function weekOverlaps(weekStart: string, range: DayRange): boolean {
  return weekStart <= range.last && addDaysToDay(weekStart, 6) >= range.first;
}
