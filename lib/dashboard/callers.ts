// The group leader's per-caller table: the row shape, and the pure sorting and filtering the table's
// client component applies (so they are unit-tested without a browser).
import type { SubsidyStep } from "@/lib/subsidy/steps";

export interface CallerRow {
  callerId: string;
  name: string;
  isLeader: boolean;
  assigned: number;
  reached: number;
  admitted: number;
  enrolled: number;
  /** floor(enrolled × 1000 / admitted); null without admitted candidates */
  ratePermille: number | null;
  /** admitted and enrolled on the record (报到 list or data team); `enrolled` counts the claims */
  confirmed: number;
  contacts: number;
  seconds: number;
  neverContacted: number;
  overdue: number;
  openEscalations: number;
  /** projected phone subsidy + overtime, fen (lib/payouts) */
  subsidyFen: number;
  meetsWorkload: boolean;
  /** lib/subsidy's explanation of subsidyFen, step by step */
  steps: SubsidyStep[];
  /** the group's and its members' names by id, to name them in the steps (user data: lang="zh") */
  names: Record<string, string>;
}

export const CALLER_SORT_KEYS = [
  "name",
  "assigned",
  "reached",
  "admitted",
  "enrolled",
  "rate",
  "contactsPer",
  "minutesPer",
  "neverContacted",
  "overdue",
  "openEscalations",
  "subsidy",
] as const;
export type CallerSortKey = (typeof CALLER_SORT_KEYS)[number];

export const CALLER_FILTERS = [
  "all",
  "belowBasic",
  "workloadShort",
  "neverContacted",
  "overdue",
  "escalations",
] as const;
export type CallerFilter = (typeof CALLER_FILTERS)[number];

/** Contacts per assigned candidate; null without candidates. */
export function contactsPerCandidate(row: Pick<CallerRow, "contacts" | "assigned">): number | null {
  return row.assigned === 0 ? null : row.contacts / row.assigned;
}

/** Minutes per assigned candidate; null without candidates. */
export function minutesPerCandidate(row: Pick<CallerRow, "seconds" | "assigned">): number | null {
  return row.assigned === 0 ? null : row.seconds / 60 / row.assigned;
}

function sortValue(row: CallerRow, key: CallerSortKey): number | string | null {
  switch (key) {
    case "name":
      return row.name;
    case "rate":
      return row.ratePermille;
    case "contactsPer":
      return contactsPerCandidate(row);
    case "minutesPer":
      return minutesPerCandidate(row);
    case "subsidy":
      return row.subsidyFen;
    default:
      return row[key];
  }
}

/** Sorted copy; rows without a value (no rate, no candidates) go last in both directions. */
export function sortCallers(rows: readonly CallerRow[], key: CallerSortKey, direction: "asc" | "desc"): CallerRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name, "zh-CN") : x === null ? 1 : -1;
    const order = typeof x === "string" ? x.localeCompare(String(y), "zh-CN") : x - (y as number);
    return order === 0 ? a.name.localeCompare(b.name, "zh-CN") : sign * order;
  });
}

export function filterCallers(rows: readonly CallerRow[], filter: CallerFilter, basicPermille: number): CallerRow[] {
  switch (filter) {
    case "all":
      return [...rows];
    case "belowBasic":
      return rows.filter((r) => r.ratePermille !== null && r.ratePermille < basicPermille);
    case "workloadShort":
      return rows.filter((r) => !r.meetsWorkload);
    case "neverContacted":
      return rows.filter((r) => r.neverContacted > 0);
    case "overdue":
      return rows.filter((r) => r.overdue > 0);
    case "escalations":
      return rows.filter((r) => r.openEscalations > 0);
  }
}
