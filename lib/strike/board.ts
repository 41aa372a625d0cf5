// 零失联 (no candidate out of contact): every candidate still in play whom nobody has reached for N days,
// by group, with the count that the strike team works down to zero. Pure: the page reads the rows.
import type { EnrollmentStatus, EscalationReason, WithdrawalStatus } from "@/generated/prisma/enums";
import { DAY_MS } from "@/lib/time";
import { escalationReasonFor } from "@/lib/workflow/rules";

export interface BoardCandidate {
  id: string;
  groupId: string | null;
  withdrawal: WithdrawalStatus;
  admitted: boolean;
  enrollment: EnrollmentStatus;
  /** the latest contact whose result reached the candidate (not 关机/停机/错号/拒接), if any */
  lastReachedAt: Date | null;
  /** the latest such contact up to a day ago: yesterday's board, for the change since */
  lastReachedDayBefore: Date | null;
  /** the strike team closed the case as definitively lost (it no longer counts, it is listed apart) */
  lost: boolean;
}

/**
 * Still to be won: a withdrawn candidate (退档 done) and an enrolled one are not; once admissions are
 * out (the 录取后 phase has started), only admitted candidates are.
 */
export function inPlay(c: Pick<BoardCandidate, "withdrawal" | "admitted" | "enrollment">, phaseReached: number) {
  if (c.withdrawal === "APPROVED" || c.enrollment === "ENROLLED") return false;
  return phaseReached < 3 || c.admitted;
}

/** Out of contact at `at`: never reached, or last reached `days` or more days before. */
export function outOfContact(lastReachedAt: Date | null, at: Date, days: number): boolean {
  return lastReachedAt === null || at.getTime() - lastReachedAt.getTime() >= days * DAY_MS;
}

/** Whole days since the last contact that reached the candidate (null: never). */
export function daysSince(lastReachedAt: Date | null, at: Date): number | null {
  return lastReachedAt === null ? null : Math.floor((at.getTime() - lastReachedAt.getTime()) / DAY_MS);
}

export interface BoardGroup<C> {
  groupId: string | null;
  /** out of contact now, oldest first (never reached first) */
  candidates: C[];
  /** the same count a day ago */
  yesterday: number;
  lost: C[];
}

export interface Board<C> {
  total: number;
  yesterday: number;
  lost: number;
  groups: BoardGroup<C>[];
}

export function lostContactBoard<C extends BoardCandidate>(
  rows: readonly C[],
  now: Date,
  days: number,
  phaseReached: number,
): Board<C> {
  const dayBefore = new Date(now.getTime() - DAY_MS);
  const byGroup = new Map<string | null, BoardGroup<C>>();
  const group = (id: string | null) => {
    let g = byGroup.get(id);
    if (!g) {
      g = { groupId: id, candidates: [], yesterday: 0, lost: [] };
      byGroup.set(id, g);
    }
    return g;
  };
  for (const c of rows) {
    if (!inPlay(c, phaseReached)) continue;
    // a closed case counts neither today nor yesterday, so the change is the work of the day
    if (c.lost) {
      group(c.groupId).lost.push(c);
      continue;
    }
    if (outOfContact(c.lastReachedAt, now, days)) group(c.groupId).candidates.push(c);
    if (outOfContact(c.lastReachedDayBefore, dayBefore, days)) group(c.groupId).yesterday += 1;
  }
  const oldestFirst = (a: C, b: C) => (a.lastReachedAt?.getTime() ?? -1) - (b.lastReachedAt?.getTime() ?? -1);
  const groups = [...byGroup.values()]
    .map((g) => ({ ...g, candidates: [...g.candidates].sort(oldestFirst) }))
    .filter((g) => g.candidates.length > 0 || g.yesterday > 0 || g.lost.length > 0)
    .sort((a, b) => b.candidates.length - a.candidates.length || String(a.groupId).localeCompare(String(b.groupId)));
  return {
    total: groups.reduce((n, g) => n + g.candidates.length, 0),
    yesterday: groups.reduce((n, g) => n + g.yesterday, 0),
    lost: groups.reduce((n, g) => n + g.lost.length, 0),
    groups,
  };
}

/**
 * Why a case opened from the board is open: the last unreachable result (关机, 停机, 错号, 拒接) when that is
 * how the candidate was lost, 未报到 for a no-show, else OTHER (out of contact for too long).
 */
export function boardTakeReason(c: { lastOutcome: string | null; enrollment: EnrollmentStatus }): EscalationReason {
  // the same reason the unreachable rule gives an escalation
  const unreachable = c.lastOutcome === null ? "OTHER" : escalationReasonFor(c.lastOutcome);
  if (unreachable !== "OTHER") return unreachable;
  return c.enrollment === "NOT_ENROLLED" ? "NOT_ENROLLED" : "OTHER";
}
