import type { Prisma, Reader } from "@/lib/db/client";
import { leaveCovering } from "@/lib/staff/leave";

/**
 * Staff who may be given candidates at `at`: in the pool and qualified, not on an approved leave that
 * day, with an active account and the caller role. Used by import assignment, the leader's moves and the
 * hand-back on leave.
 */
export function assignableCallers(campaignId: string, at: Date): Prisma.StaffProfileWhereInput {
  return {
    campaignId,
    groupId: { not: null },
    poolStatus: "APPROVED",
    qualification: "APPROVED",
    leaves: { none: leaveCovering(at) },
    user: { active: true, roles: { has: "CALLER" } },
  };
}

/** How many candidates each caller holds, and how many have no caller. */
export interface CallerLoads {
  of(callerId: string): number;
  unassigned: number;
}

/**
 * The candidates each caller holds in this campaign (in this group, when one is given). Only this
 * campaign's: anonymisation keeps a past campaign's assignedCallerId, and last year's load must not
 * decide who gets this year's candidates. Import assignment and the hand-back count the whole campaign;
 * the assignments page counts the group, as its candidate list filters it.
 */
export async function callerLoads(reader: Reader, campaignId: string, groupId?: string): Promise<CallerLoads> {
  const rows = await reader.candidate.groupBy({
    by: ["assignedCallerId"],
    where: { campaignId, ...(groupId === undefined ? {} : { groupId }) },
    _count: { _all: true },
  });
  const byCaller = new Map(rows.map((r) => [r.assignedCallerId, r._count._all]));
  return { of: (callerId) => byCaller.get(callerId) ?? 0, unassigned: byCaller.get(null) ?? 0 };
}

/** Hands the next candidate to the caller with the fewest (ties: the first listed), counting it. */
export function takeLeastLoaded(load: { userId: string; count: number }[]): string {
  const least = load.reduce((a, b) => (b.count < a.count ? b : a));
  least.count += 1;
  return least.userId;
}
