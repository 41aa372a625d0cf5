// Handing a caller's candidates back to the rest of their group, in one step: used when the caller goes
// on leave (app/(app)/groups/actions.ts) and when they fail the assessment and leave the pool
// (app/(app)/staff-pool/actions.ts). Each candidate goes to whoever of the others has the fewest at that moment.
import { ActionError } from "@/lib/action/errors";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { assignableCallers, callerLoads, takeLeastLoaded } from "./callers";
import { type MoveCause, moveCandidates } from "./move";

export interface HandBack {
  campaignId: string;
  groupId: string;
  callerId: string;
  /** who made the move (the leader, the admin, the inspector) */
  actorId: string;
  /** the assignment rows' reason, stored as written */
  reason: string;
  /** why the caller gives their candidates up: leave and a failed assessment carry the pay credit along */
  cause: Extract<MoveCause, "LEAVE" | "ASSESSMENT" | "FINDING">;
  now: Date;
}

/**
 * Moves every candidate `callerId` holds in the campaign to the group's other assignable callers.
 * Refuses (ActionError, rolling the transaction back) when there is a candidate and nobody to take it.
 * Returns how many candidates the caller held (and so how many moved).
 */
export async function handBackCandidates(tx: Prisma.TransactionClient, h: HandBack): Promise<number> {
  // the caller's rows are locked first, so a move racing this hand-back cannot be lost
  const charge = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Candidate" WHERE "assignedCallerId" = ${h.callerId} AND "campaignId" = ${h.campaignId}
    ORDER BY "examNo" FOR UPDATE`;
  if (charge.length === 0) return 0;
  const others = await tx.staffProfile.findMany({
    where: { ...assignableCallers(h.campaignId, h.now), groupId: h.groupId, userId: { not: h.callerId } },
    select: { userId: true },
  });
  if (others.length === 0) {
    throw new ActionError("INVALID_INPUT", { callerId: [text("groupErrors.noOtherCaller")] });
  }
  const loads = await callerLoads(tx, h.campaignId);
  const load = others.map((o) => ({ userId: o.userId, count: loads.of(o.userId) }));
  const moves = charge.map(({ id }) => ({ candidateId: id, to: takeLeastLoaded(load) }));
  const { moved } = await moveCandidates(tx, {
    campaignId: h.campaignId,
    moves,
    cause: h.cause,
    reason: h.reason,
    actorId: h.actorId,
    now: h.now,
  });
  return moved;
}
