import type { Viewer } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";

/**
 * Which candidates a person may work on as a caller: those assigned to them, and, for a strike-team
 * member, those whose escalation they claimed. Every caller-side read and write is scoped by this, so
 * another caller's candidate is simply not found (404), whatever id is posted.
 */
export function workableCandidates(user: Viewer): Prisma.CandidateWhereInput {
  const own: Prisma.CandidateWhereInput = { assignedCallerId: user.id };
  if (!user.roles.includes("STRIKE")) return own;
  return { OR: [own, { escalations: { some: { assigneeId: user.id, status: "CLAIMED" } } }] };
}
