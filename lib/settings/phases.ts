// The four phase windows as the admin edits them: Beijing wall-clock times ("2024-06-20T08:00", what a
// datetime-local input holds), whatever the server's or the browser's time zone.
import { parseBeijingDateTime } from "@/lib/time";
import { phaseWindowDays, windowEdgesOutside } from "@/lib/workflow/date-bounds";
import type { FieldIssue } from "./fields";

export const PHASES = [1, 2, 3, 4] as const;

export interface PhaseRow {
  phase: number;
  /** Beijing time, "YYYY-MM-DDTHH:mm" */
  opensAt: string;
  closesAt: string;
}

/**
 * The four windows as instants, or the refused fields (keyed "phases.<n>.opensAt"): each window opens
 * before it closes, each phase opens no earlier than the previous one closes (no overlap, in order), and
 * every window lies between 1 January of the campaign's year and 31 December of the next (a close in
 * 9999 would defer the campaign's retention forever).
 */
export function parsePhaseRows(
  rows: readonly PhaseRow[],
  campaignYear: number,
): { ok: true; windows: { phase: number; opensAt: Date; closesAt: Date }[] } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const phases = rows.map((r) => r.phase).sort();
  if (phases.join(",") !== PHASES.join(",")) return { ok: false, issues: [{ key: "phases", code: "invalid" }] };
  const windows: { phase: number; opensAt: Date; closesAt: Date }[] = [];
  for (const phase of PHASES) {
    const row = rows.find((r) => r.phase === phase) as PhaseRow;
    const opensAt = parseBeijingDateTime(row.opensAt);
    const closesAt = parseBeijingDateTime(row.closesAt);
    if (!opensAt) issues.push({ key: `phases.${phase}.opensAt`, code: row.opensAt.trim() ? "invalid" : "required" });
    if (!closesAt) issues.push({ key: `phases.${phase}.closesAt`, code: row.closesAt.trim() ? "invalid" : "required" });
    if (opensAt && closesAt) windows.push({ phase, opensAt, closesAt });
  }
  if (issues.length > 0) return { ok: false, issues };
  const allowed = phaseWindowDays(campaignYear);
  windows.forEach((window, index) => {
    for (const edge of windowEdgesOutside(window, allowed)) {
      issues.push({ key: `phases.${window.phase}.${edge}`, code: "outsideCampaignYears", ...allowed });
    }
    if (window.closesAt <= window.opensAt) {
      issues.push({ key: `phases.${window.phase}.closesAt`, code: "closesBeforeOpens" });
    }
    const previous = windows[index - 1];
    if (previous && window.opensAt < previous.closesAt) {
      issues.push({ key: `phases.${window.phase}.opensAt`, code: "overlapsPrevious" });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, windows };
}

/**
 * Phase rows moved by whole years ("2024-06-20T08:00" → "2025-06-20T08:00"): a campaign copied from an
 * earlier one starts from its windows, a year on. A 29 February lands on the 28th; an empty or
 * unreadable edge stays as it is, for the admin to fill in.
 */
export function shiftPhaseRows(rows: readonly PhaseRow[], years: number): PhaseRow[] {
  const shift = (at: string) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2})$/.exec(at);
    if (!match) return at;
    const [, year, month, day, time] = match;
    const shiftedYear = Number(year) + years;
    const leap = (shiftedYear % 4 === 0 && shiftedYear % 100 !== 0) || shiftedYear % 400 === 0;
    const shiftedDay = month === "02" && day === "29" && !leap ? "28" : day;
    return `${String(shiftedYear).padStart(4, "0")}-${month}-${shiftedDay}${time}`;
  };
  return rows.map((row) => ({ phase: row.phase, opensAt: shift(row.opensAt), closesAt: shift(row.closesAt) }));
}
