import type { Prisma } from "@/lib/db/client";

/**
 * Staff who may be given candidates: in the pool and qualified (not on leave), with an active account
 * and the caller role. Used by import assignment, the leader's moves and the hand-back on leave.
 */
export function assignableCallers(campaignId: string): Prisma.StaffProfileWhereInput {
  return {
    campaignId,
    groupId: { not: null },
    poolStatus: "APPROVED",
    qualification: "APPROVED",
    user: { active: true, roles: { has: "CALLER" } },
  };
}

/** Hands the next candidate to the caller with the fewest (ties: the first listed), counting it. */
export function takeLeastLoaded(load: { userId: string; count: number }[]): string {
  const least = load.reduce((a, b) => (b.count < a.count ? b : a));
  least.count += 1;
  return least.userId;
}
