// Campaign time is Beijing time, whatever the server's or the browser's time zone. China has kept UTC+8
// all year since 1991, so a fixed offset is exact for every instant a campaign holds; the tz database's
// Asia/Shanghai would add local mean time before 1901 and summer time in 1986-1991, moving the days of the
// old dates a typed value or a test may hold. Days are "YYYY-MM-DD" strings, compared as text.
// Pure: every function takes the instant it works on.

/** The IANA name of Beijing time, for formatters (next-intl shows every time in it, whatever the server's zone). */
export const BEIJING_TIME_ZONE = "Asia/Shanghai";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const BEIJING_OFFSET_MS = 8 * HOUR_MS;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant shifted so that its UTC fields read as the Beijing wall clock. */
function wallClock(at: Date): Date {
  return new Date(at.getTime() + BEIJING_OFFSET_MS);
}

/** The Beijing calendar day of an instant: "2024-07-15". */
export function beijingDay(at: Date): string {
  return wallClock(at).toISOString().slice(0, 10);
}

/** The instant as Beijing wall-clock time to the minute, as a datetime-local input holds it: "2024-07-15T08:00". */
export function beijingDateTime(at: Date): string {
  return wallClock(at).toISOString().slice(0, 16);
}

/** The hour of the day on the Beijing clock (0-23). */
export function beijingHour(at: Date): number {
  return wallClock(at).getUTCHours();
}

/** The minute of the hour on the Beijing clock (0-59). */
export function beijingMinute(at: Date): number {
  return wallClock(at).getUTCMinutes();
}

/** A day typed as "YYYY-MM-DD"; null unless it is a real calendar day (2024-02-30 is not). */
export function parseDay(text: string | null | undefined): string | null {
  if (!text || !DAY.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : null;
}

/** A Beijing wall-clock time "YYYY-MM-DDTHH:mm" as an instant; null when it is not a real date and time. */
export function parseBeijingDateTime(text: string): Date | null {
  const match = DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(utc);
  // 2024-02-30 rolls over to March: refuse it rather than take another day
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(utc - BEIJING_OFFSET_MS);
}

/** The instant a Beijing day's clock shows hour:minute:second ("2024-07-15", 9 is 01:00 UTC). */
export function atBeijingClock(day: string, hour: number, minute = 0, second = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS + ((hour * 60 + minute) * 60 + second) * 1000);
}

/** The instant a Beijing day begins: its 00:00. */
export function startOfBeijingDay(day: string): Date {
  return atBeijingClock(day, 0);
}

/** The last instant of a Beijing day: 23:59:59.999, as date-fns's endOfDay. */
export function endOfBeijingDay(day: string): Date {
  return new Date(startOfBeijingDay(addDaysToDay(day, 1)).getTime() - 1);
}

/** "2024-08-31" moved by `days` calendar days. */
export function addDaysToDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many Beijing calendar days lie from `earlier`'s day to `later`'s: 1 from 23:59 to 00:01 the next day. */
export function beijingDaysBetween(earlier: Date, later: Date): number {
  return (Date.parse(beijingDay(later)) - Date.parse(beijingDay(earlier))) / DAY_MS;
}

/** The day of the week, 0 for Sunday to 6 for Saturday. */
export function weekdayOfDay(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** A day as the value of a PostgreSQL `date` column, which Prisma reads and writes as that date's UTC midnight. */
export function toDateColumn(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The day a PostgreSQL `date` column holds (Prisma gives it as that date's UTC midnight). */
export function fromDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}
