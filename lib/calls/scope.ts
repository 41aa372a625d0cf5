import type { Viewer } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";

/**
 * Which candidates a person may work on as a caller: those assigned to them, and, for a strike-team
 * member, those whose escalation they claimed. Every caller-side read and write is scoped by this, so
 * another caller's candidate is simply not found (404), whatever id is posted.
 *
 * In the clean-up period after the 报到 window (`cleanup`), the strike team keeps the candidates of every
 * escalation it took, settled or not, and a group leader reaches their group's candidates; which of those
 * may still be logged on (escalated ones only) is lib/workflow's cleanupContactAllowed.
 */
export function workableCandidates(user: Viewer, options: { cleanup?: boolean } = {}): Prisma.CandidateWhereInput {
  const own: Prisma.CandidateWhereInput = { assignedCallerId: user.id };
  const reach: Prisma.CandidateWhereInput[] = [own];
  if (user.roles.includes("STRIKE")) {
    reach.push({
      escalations: { some: options.cleanup ? { assigneeId: user.id } : { assigneeId: user.id, status: "CLAIMED" } },
    });
  }
  if (options.cleanup && user.roles.includes("GROUP_LEADER")) reach.push({ group: { leaderId: user.id } });
  return reach.length === 1 ? own : { OR: reach };
}
