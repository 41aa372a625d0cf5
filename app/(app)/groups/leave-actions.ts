"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import type { SessionUser } from "@/lib/auth/session";
import { inCampaignInUse } from "@/lib/campaign/current";
import { groupScope } from "@/lib/groups/scope";
import { text } from "@/lib/i18n/text";
import { notify } from "@/lib/inbox/notify";
import { movesOnApproval } from "@/lib/staff/leave-dates";
import { endLeaveEarly, moveForLeave } from "@/lib/staff/leave-moves";
import { beijingDay, fromDateColumn } from "@/lib/time";

/** A leave of a member of a group this person may manage (a leader their own, an admin any). */
async function leaveInScope(tx: Prisma.TransactionClient, user: SessionUser, leaveId: string) {
  const leave = await tx.leave.findFirst({
    where: {
      id: leaveId,
      ...(await inCampaignInUse(tx)),
      profile: { groupId: { not: null }, group: { is: groupScope(user) } },
    },
    select: {
      id: true,
      status: true,
      startsOn: true,
      endsOn: true,
      campaignId: true,
      staffProfileId: true,
      profile: { select: { userId: true, groupId: true } },
    },
  });
  if (!leave?.profile.groupId) throw new ActionError("NOT_FOUND");
  return { ...leave, groupId: leave.profile.groupId };
}

function revalidateLeave(groupId: string) {
  revalidatePath("/groups");
  revalidatePath(`/groups/${groupId}`);
  revalidatePath(`/groups/${groupId}/assignments`);
  revalidatePath("/calls/leave");
}

/**
 * The leader's answer to a leave request of their group (an admin's for any group). Approved: when the
 * leave has begun (its first day is today or past) the caller's candidates go at once to the group's
 * other callers, least loaded first, the hand-back's one way (lib/assignment/hand-back); a leave that
 * begins later moves nothing now, and the leader presses the hand-back on its first day (from that day
 * the caller is never given new candidates). Refused: with a reason the caller reads.
 */
export const decideLeave = action(
  {
    name: "leave.decide",
    permission: "leave.decide",
    schema: z.discriminatedUnion("decision", [
      z.object({ leaveId: z.string().min(1).max(64), decision: z.literal("approve") }).strict(),
      z
        .object({
          leaveId: z.string().min(1).max(64),
          decision: z.literal("refuse"),
          note: z
            .string()
            .trim()
            .min(1, messageKey("roster.errors.refusalReasonRequired"))
            .max(200, messageKey("roster.errors.reasonTooLong")),
        })
        .strict(),
    ]),
  },
  async (input, { tx, user, now, audit }) => {
    const leave = await leaveInScope(tx, user, input.leaveId);
    const today = beijingDay(now);
    if (leave.status !== "REQUESTED") throw new ActionError("STALE");
    if (input.decision === "approve" && fromDateColumn(leave.endsOn) < today)
      throw new ActionError("INVALID_INPUT", { leaveId: [text("roster.errors.leaveOver")] });
    const approve = input.decision === "approve";
    const { count } = await tx.leave.updateMany({
      where: { id: leave.id, status: "REQUESTED" },
      data: approve
        ? { status: "APPROVED", decidedById: user.id, decidedAt: now }
        : { status: "REJECTED", decidedById: user.id, decidedAt: now, decisionNote: input.note },
    });
    if (count === 0) throw new ActionError("STALE");
    const reassigned =
      approve && movesOnApproval({ startsOn: fromDateColumn(leave.startsOn) }, today)
        ? await moveForLeave(tx, { ...leave, callerId: leave.profile.userId, actorId: user.id, now })
        : 0;
    await notify(tx, {
      userId: leave.profile.userId,
      campaignId: leave.campaignId,
      kind: "LEAVE_DECISION",
      params: {
        approved: approve,
        from: fromDateColumn(leave.startsOn),
        to: fromDateColumn(leave.endsOn),
        reason: approve ? null : input.note,
        reassigned,
      },
      href: "/calls/leave",
    });
    audit({
      entityType: "Leave",
      entityId: leave.id,
      before: { status: "REQUESTED" },
      after: approve ? { status: "APPROVED", reassigned } : { status: "REJECTED", note: input.note },
    });
    revalidateLeave(leave.groupId);
    return { status: approve ? ("APPROVED" as const) : ("REJECTED" as const), reassigned };
  },
);

/**
 * 销假 by the leader (or an admin): the caller is back today and may be given candidates again; those
 * moved away stay where they went (the leader moves any back by hand).
 */
export const endMemberLeave = action(
  {
    name: "leave.end",
    permission: "leave.decide",
    schema: z.object({ leaveId: z.string().min(1).max(64) }).strict(),
  },
  async ({ leaveId }, { tx, user, now, audit }) => {
    const leave = await leaveInScope(tx, user, leaveId);
    const after = await endLeaveEarly(tx, leave, now);
    audit({ entityType: "Leave", entityId: leave.id, before: { status: leave.status, endsOn: leave.endsOn }, after });
    revalidateLeave(leave.groupId);
    return after;
  },
);
