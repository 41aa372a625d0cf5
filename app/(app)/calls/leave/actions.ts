"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { type LeaveRequestError, leaveRequestError, MAX_LEAVE_DAYS } from "@/lib/staff/leave-dates";
import { endLeaveEarly } from "@/lib/staff/leave-moves";
import { beijingDay, fromDateColumn, parseDay, toDateColumn } from "@/lib/time";

const day = (message: Parameters<typeof messageKey>[0]) =>
  z
    .string()
    .trim()
    .refine((value) => parseDay(value) !== null, messageKey(message));

const REQUEST_ERRORS = {
  startPast: ["startsOn", "roster.errors.startPast"],
  endBeforeStart: ["endsOn", "roster.errors.endBeforeStart"],
  tooLong: ["endsOn", "roster.errors.tooLong"],
  overlaps: ["startsOn", "roster.errors.overlaps"],
} as const satisfies Record<LeaveRequestError, readonly [string, string]>;

/** The caller's own place in the current campaign's pool, in a group (whose leader decides on leave). */
async function ownProfile(tx: Prisma.TransactionClient, userId: string) {
  const profile = await tx.staffProfile.findFirst({
    where: { ...(await inCampaignInUse(tx)), userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, campaignId: true, groupId: true },
  });
  if (!profile) throw new ActionError("NOT_FOUND");
  return profile;
}

async function ownLeave(tx: Prisma.TransactionClient, userId: string, leaveId: string) {
  const leave = await tx.leave.findFirst({
    where: { id: leaveId, ...(await inCampaignInUse(tx)), profile: { userId } },
    select: { id: true, status: true, startsOn: true, endsOn: true, profile: { select: { groupId: true } } },
  });
  if (!leave) throw new ActionError("NOT_FOUND");
  return leave;
}

function revalidateLeave(groupId: string | null) {
  revalidatePath("/calls/leave");
  revalidatePath("/calls");
  revalidatePath("/groups");
  if (groupId) revalidatePath(`/groups/${groupId}`);
}

/**
 * 请假: a caller asks their group's leader for leave from one Beijing day to another, with a reason. It
 * starts today at the earliest, lasts at most MAX_LEAVE_DAYS days and meets no leave of theirs still
 * waiting or approved; nothing changes until the leader approves it.
 */
export const requestLeave = action(
  {
    name: "leave.request",
    permission: "leave.request",
    schema: z
      .object({
        startsOn: day("roster.errors.startRequired"),
        endsOn: day("roster.errors.endRequired"),
        reason: z
          .string()
          .trim()
          .min(1, messageKey("roster.errors.leaveReasonRequired"))
          .max(200, messageKey("roster.errors.reasonTooLong")),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const profile = await ownProfile(tx, user.id);
    if (!profile.groupId) throw new ActionError("INVALID_INPUT", { startsOn: [text("roster.errors.noGroup")] });
    const others = await tx.leave.findMany({
      where: { staffProfileId: profile.id },
      select: { status: true, startsOn: true, endsOn: true },
    });
    const error = leaveRequestError(
      input,
      beijingDay(now),
      others.map((o) => ({ status: o.status, startsOn: fromDateColumn(o.startsOn), endsOn: fromDateColumn(o.endsOn) })),
    );
    if (error) {
      const [field, key] = REQUEST_ERRORS[error];
      throw new ActionError("INVALID_INPUT", { [field]: [text(key, { max: MAX_LEAVE_DAYS })] });
    }
    const leave = await tx.leave.create({
      data: {
        campaignId: profile.campaignId,
        staffProfileId: profile.id,
        startsOn: toDateColumn(input.startsOn),
        endsOn: toDateColumn(input.endsOn),
        reason: input.reason,
      },
      select: { id: true, status: true },
    });
    audit({ entityType: "Leave", entityId: leave.id, after: { ...input, status: leave.status } });
    revalidateLeave(profile.groupId);
    return { id: leave.id, startsOn: input.startsOn, endsOn: input.endsOn };
  },
);

/** Withdraws one's own request while the leader has not decided yet. */
export const cancelLeave = action(
  {
    name: "leave.cancel",
    permission: "leave.request",
    schema: z.object({ leaveId: z.string().min(1).max(64) }).strict(),
  },
  async ({ leaveId }, { tx, user, audit }) => {
    const leave = await ownLeave(tx, user.id, leaveId);
    const { count } = await tx.leave.updateMany({
      where: { id: leave.id, status: "REQUESTED" },
      data: { status: "CANCELLED" },
    });
    if (count === 0) throw new ActionError("STALE");
    audit({ entityType: "Leave", entityId: leave.id, before: { status: "REQUESTED" }, after: { status: "CANCELLED" } });
    revalidateLeave(leave.profile.groupId);
    return { id: leave.id };
  },
);

/** 销假 by the caller: back today, and may be given candidates again (those moved away stay where they went). */
export const endOwnLeave = action(
  {
    name: "leave.end",
    permission: "leave.request",
    schema: z.object({ leaveId: z.string().min(1).max(64) }).strict(),
  },
  async ({ leaveId }, { tx, user, now, audit }) => {
    const leave = await ownLeave(tx, user.id, leaveId);
    const after = await endLeaveEarly(tx, leave, now);
    audit({ entityType: "Leave", entityId: leave.id, before: { status: leave.status, endsOn: leave.endsOn }, after });
    revalidateLeave(leave.profile.groupId);
    return after;
  },
);
