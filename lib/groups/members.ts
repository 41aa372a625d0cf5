// A group's members (a leader picks them from the approved pool and releases them; an admin in any
// group), defined once (lib/action/definition.ts): the group page serves them
// (app/(app)/groups/roster-actions.ts) and the demo seed submits to them.
import { z } from "zod";
import { defineAction } from "@/lib/action/definition";
import { ActionError, messageKey } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { inCampaignInUse } from "@/lib/campaign/current";
import type { Prisma } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { text } from "@/lib/i18n/text";
import { type PickRefusal, pickRefusal, type ReleaseRefusal, releaseRefusal } from "./roster";
import { recordRosterChange } from "./roster-records";
import { groupScope } from "./scope";

const id = z.string().min(1).max(64);
const reason = z
  .string()
  .trim()
  .max(200, messageKey("roster.errors.reasonTooLong"))
  .optional()
  .transform((value) => (value ? value : null));

const PICK_REFUSALS = {
  notApproved: "roster.errors.notApproved",
  notCaller: "roster.errors.notCaller",
  inThisGroup: "roster.errors.inThisGroup",
  inAnotherGroup: "roster.errors.inAnotherGroup",
} as const satisfies Record<PickRefusal, string>;

const RELEASE_REFUSALS = {
  notInGroup: "roster.errors.notInGroup",
  isLeader: "roster.errors.isLeader",
  holdsCandidates: "roster.errors.holdsCandidates",
} as const satisfies Record<ReleaseRefusal, string>;

/**
 * The group whose roster `user` may edit: their own (an admin's: any) of the campaign in use. Another
 * leader's group, or a past campaign's, is not found.
 */
async function editableGroup(tx: Prisma.TransactionClient, user: Viewer, groupId: string) {
  const group = await tx.group.findFirst({
    where: { id: groupId, ...groupScope(user), ...(await inCampaignInUse(tx)) },
    select: { id: true, campaignId: true, leaderId: true, rosterApprovedAt: true },
  });
  if (!group) throw new ActionError("NOT_FOUND");
  return group;
}

/**
 * A leader picks a member for their group (an admin for any group) from the approved pool: in the pool,
 * qualified, in no group yet, of the group's campaign. After the roster was filed the join is recorded.
 */
export const ADD_MEMBER = defineAction({
  name: "roster.add",
  permission: "roster.edit",
  schema: z.strictObject({ groupId: id, profileId: id, reason }),
  run: async (input, { tx, user, now, audit }) => {
    const group = await editableGroup(tx, user, input.groupId);
    const profile = await tx.staffProfile.findFirst({
      where: { id: input.profileId, campaignId: group.campaignId },
      select: {
        id: true,
        userId: true,
        poolStatus: true,
        qualification: true,
        groupId: true,
        user: { select: { roles: true } },
      },
    });
    if (!profile) throw new ActionError("NOT_FOUND");
    const refusal = pickRefusal({ ...profile, isCaller: profile.user.roles.includes("CALLER") }, group.id);
    if (refusal) throw new ActionError("INVALID_INPUT", { profileId: [text(PICK_REFUSALS[refusal])] });
    // taken by another leader between their page and this one: the same refusal as above
    const { count } = await tx.staffProfile.updateMany({
      where: { id: profile.id, groupId: null, poolStatus: "APPROVED", qualification: "APPROVED" },
      data: { groupId: group.id },
    });
    if (count === 0) throw new ActionError("INVALID_INPUT", { profileId: [text("roster.errors.inAnotherGroup")] });
    const recorded = await recordRosterChange(tx, group, {
      userId: profile.userId,
      kind: "JOINED",
      reason: input.reason,
      byId: user.id,
      at: now,
    });
    audit({
      entityType: "StaffProfile",
      entityId: profile.id,
      before: { groupId: null },
      after: { groupId: group.id, recorded, reason: input.reason },
    });
    return { profileId: profile.id, recorded };
  },
});

/**
 * A leader releases a member back to the pool (an admin in any group): not the leader, and only with
 * empty hands (their candidates are moved first). After the roster was filed the leave is recorded.
 */
export const RELEASE_MEMBER = defineAction({
  name: "roster.release",
  permission: "roster.edit",
  schema: z.strictObject({ groupId: id, profileId: id, reason }),
  run: async (input, { tx, user, now, audit }) => {
    const group = await editableGroup(tx, user, input.groupId);
    const profile = await tx.staffProfile.findFirst({
      where: { id: input.profileId, campaignId: group.campaignId },
      select: { id: true, userId: true, groupId: true },
    });
    if (!profile) throw new ActionError("NOT_FOUND");
    // the member's candidates are locked, so a move to them racing this release cannot strand one
    const held = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Candidate" WHERE "assignedCallerId" = ${profile.userId} AND "campaignId" = ${group.campaignId}
      FOR UPDATE`;
    const refusal = releaseRefusal(profile, group, held.length);
    if (refusal)
      throw new ActionError("INVALID_INPUT", {
        profileId: [text(RELEASE_REFUSALS[refusal], { count: held.length })],
      });
    await tx.staffProfile.update({ where: { id: profile.id }, data: { groupId: null } });
    // a leave request this group's leader never decided leaves with the member: otherwise it would wait on
    // no leader's page, or on the next group's for a time that group never agreed to
    const withdrawn = await tx.leave.updateMany({
      where: { staffProfileId: profile.id, status: "REQUESTED" },
      data: {
        status: "REJECTED",
        decidedById: user.id,
        decidedAt: now,
        decisionNote: translatorFor("zh-CN")("roster.leave.withdrawnOnRelease"),
      },
    });
    const recorded = await recordRosterChange(tx, group, {
      userId: profile.userId,
      kind: "LEFT",
      reason: input.reason,
      byId: user.id,
      at: now,
    });
    audit({
      entityType: "StaffProfile",
      entityId: profile.id,
      before: { groupId: group.id },
      after: { groupId: null, recorded, reason: input.reason, leaveRequestsWithdrawn: withdrawn.count },
    });
    return { profileId: profile.id, recorded };
  },
});
