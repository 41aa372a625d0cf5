"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { assignableCallers } from "@/lib/assignment";
import { handBackCandidates } from "@/lib/assignment/hand-back";
import { MOVE_REASON_MAX, moveCandidates } from "@/lib/assignment/move";
import { inCampaignInUse } from "@/lib/campaign/current";
import { adviceField } from "@/lib/groups/advice";
import { groupScope } from "@/lib/groups/scope";
import { translatorFor } from "@/lib/i18n/messages";
import { text } from "@/lib/i18n/text";
import { notifyMany } from "@/lib/inbox/notify";
import { readersOf } from "@/lib/inbox/readers";
import { campaignLastDay, leaveCovering } from "@/lib/staff/leave";
import { beijingDay, toDateColumn } from "@/lib/time";

/**
 * The group leader's decision on an escalation from their group: forward it to the strike team, or
 * send it back to the caller with advice. Only an OPEN escalation of the leader's own group can be
 * routed; the version check refuses a decision made on a stale page.
 */
export const routeEscalation = action(
  {
    name: "escalation.route",
    permission: "escalation.route",
    schema: z.discriminatedUnion("decision", [
      z
        .object({
          escalationId: z.string().min(1).max(64),
          version: z.coerce.number().int().min(0),
          decision: z.literal("forward"),
        })
        .strict(),
      z
        .object({
          escalationId: z.string().min(1).max(64),
          version: z.coerce.number().int().min(0),
          decision: z.literal("sendBack"),
          advice: adviceField,
        })
        .strict(),
    ]),
  },
  async (input, { tx, user, now, audit }) => {
    const escalation = await tx.escalation.findFirst({
      where: { id: input.escalationId, candidate: { group: { leaderId: user.id } }, ...(await inCampaignInUse(tx)) },
    });
    if (!escalation) throw new ActionError("NOT_FOUND");
    const forward = input.decision === "forward";
    const { count } = await tx.escalation.updateMany({
      where: { id: escalation.id, status: "OPEN", version: input.version },
      data: forward
        ? { status: "FORWARDED", toTeam: "STRIKE", version: { increment: 1 } }
        : { status: "SENT_BACK", advice: input.advice, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("STALE");
    if (input.decision === "sendBack") {
      // the advice goes to whoever raised the case and to the caller who holds the candidate now
      const candidate = await tx.candidate.findUniqueOrThrow({
        where: { id: escalation.candidateId },
        select: { name: true, assignedCallerId: true },
      });
      await notifyMany(
        tx,
        readersOf([escalation.fromUserId, candidate.assignedCallerId], user.id).map((userId) => ({
          userId,
          campaignId: escalation.campaignId,
          kind: "ESCALATION_ADVICE" as const,
          params: { candidateName: candidate.name, advice: input.advice },
          href: `/calls/${escalation.candidateId}`,
        })),
      );
    }
    audit({
      entityType: "Escalation",
      entityId: escalation.id,
      before: { status: escalation.status },
      after: forward ? { status: "FORWARDED", toTeam: "STRIKE" } : { status: "SENT_BACK", advice: input.advice },
    });
    revalidatePath("/groups");
    return { status: forward ? "FORWARDED" : "SENT_BACK", at: now };
  },
);

/**
 * An assignment's reason is history kept with the record, written in the campaign's working language
 * whoever makes the move (as the command line writes), not in the mover's screen language.
 */
const STORED_TEXT = translatorFor("zh-CN");

/** A leader sees and moves only their own group; the data team and admins any group. */

/**
 * Moves one candidate to another caller of the same group. The version the page showed must still
 * be the candidate's: a move made on a stale page (someone moved or worked on the candidate since)
 * is refused instead of silently overwriting.
 */
export const moveCandidate = action(
  {
    name: "candidate.reassign",
    permission: "candidate.reassign",
    schema: z
      .object({
        candidateId: z.string().min(1).max(64),
        toCallerId: z.string().min(1).max(64),
        version: z.coerce.number().int().min(0),
        // required for an admitted candidate (lib/assignment/move.ts moveNeedsReason)
        reason: z
          .string()
          .trim()
          .max(MOVE_REASON_MAX, messageKey("groupErrors.moveReasonTooLong"))
          .optional()
          .transform((value) => (value ? value : undefined)),
      })
      .strict(),
  },
  async ({ candidateId, toCallerId, version, reason }, { tx, user, now, audit }) => {
    const candidate = await tx.candidate.findFirst({
      // a past campaign's candidate is read-only: the id matches nothing (lib/campaign/current.ts)
      where: { id: candidateId, group: groupScope(user), ...(await inCampaignInUse(tx)) },
      select: { id: true, groupId: true, campaignId: true, assignedCallerId: true },
    });
    if (!candidate?.groupId) throw new ActionError("NOT_FOUND");
    const target = await tx.staffProfile.findFirst({
      where: { ...assignableCallers(candidate.campaignId, now), groupId: candidate.groupId, userId: toCallerId },
    });
    if (!target) throw new ActionError("INVALID_INPUT", { toCallerId: [text("groupErrors.notAssignable")] });
    if (candidate.assignedCallerId === toCallerId) {
      throw new ActionError("INVALID_INPUT", { toCallerId: [text("groupErrors.alreadyAssigned")] });
    }
    const { creditKept } = await moveCandidates(tx, {
      campaignId: candidate.campaignId,
      moves: [{ candidateId: candidate.id, to: toCallerId, version }],
      cause: "MOVE",
      reason: reason ?? null,
      fallbackReason: STORED_TEXT("storedText.leaderMove"),
      actorId: user.id,
      now,
    });
    audit({
      entityType: "Candidate",
      entityId: candidate.id,
      before: { assignedCallerId: candidate.assignedCallerId },
      after: { assignedCallerId: toCallerId, reason: reason ?? null, creditKept: creditKept > 0 },
    });
    revalidatePath("/groups");
    revalidatePath(`/groups/${candidate.groupId}/assignments`);
    return { candidateId: candidate.id, callerId: toCallerId };
  },
);

/**
 * A caller goes on leave (请假): they are taken out of the pool for new candidates and every
 * candidate in their charge goes, in one step, to the other callers of the group, each to whoever has
 * the fewest of this campaign's at that moment. The leader records the leave here directly (from today
 * to the campaign's last day, until it is ended), or, for a requested leave approved ahead of its first
 * day, presses this on that day: the approved leave already covers today and stays as it is.
 */
export const handBackForLeave = action(
  {
    name: "staff.handBackForLeave",
    permission: "candidate.reassign",
    schema: z.object({ callerId: z.string().min(1).max(64) }).strict(),
  },
  async ({ callerId }, { tx, user, now, audit }) => {
    const profile = await tx.staffProfile.findFirst({
      where: { userId: callerId, groupId: { not: null }, group: groupScope(user), ...(await inCampaignInUse(tx)) },
      orderBy: { createdAt: "desc" },
      select: { id: true, campaignId: true, groupId: true, poolStatus: true },
    });
    if (!profile?.groupId) throw new ActionError("NOT_FOUND");
    const reassigned = await handBackCandidates(tx, {
      campaignId: profile.campaignId,
      groupId: profile.groupId,
      callerId,
      actorId: user.id,
      reason: STORED_TEXT("storedText.handBackForLeave"),
      cause: "LEAVE",
      now,
    });
    // on leave from today until the leader ends it (lib/staff/leave); until then never given candidates
    const approved = await tx.leave.findFirst({
      where: { staffProfileId: profile.id, ...leaveCovering(now) },
      select: { id: true, startsOn: true, endsOn: true },
    });
    const leave =
      approved ??
      (await tx.leave.create({
        data: {
          campaignId: profile.campaignId,
          staffProfileId: profile.id,
          startsOn: toDateColumn(beijingDay(now)),
          endsOn: toDateColumn(await campaignLastDay(tx, profile.campaignId, now)),
          reason: STORED_TEXT("storedText.handBackForLeave"),
          status: "APPROVED",
          decidedById: user.id,
          decidedAt: now,
        },
        select: { id: true, startsOn: true, endsOn: true },
      }));
    audit({
      entityType: "StaffProfile",
      entityId: profile.id,
      before: { candidates: reassigned },
      after: { leave, reassigned },
    });
    revalidatePath("/groups");
    revalidatePath(`/groups/${profile.groupId}/assignments`);
    return { reassigned };
  },
);
