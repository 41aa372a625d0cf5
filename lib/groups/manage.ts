// The groups page's writes (新建、修改、删除小组，审批备案), defined once (lib/action/definition.ts): the
// admin's page serves them (app/(app)/admin/groups/actions.ts) and the demo seed submits to them.
import { z } from "zod";
import { defineAction } from "@/lib/action/definition";
import { ActionError, messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { groupRegion, mayDelete, regionTakenBy } from "./roster";
import { installLeader, type LeaderRefusal } from "./roster-records";

const name = z
  .string()
  .trim()
  .min(1, messageKey("roster.errors.nameRequired"))
  .max(40, messageKey("roster.errors.nameTooLong"));
const leaderLogin = z
  .string()
  .trim()
  .min(1, messageKey("roster.errors.leaderRequired"))
  .max(64, messageKey("roster.errors.leaderUnknown"));
const groupId = z.string().min(1).max(64);

const LEADER_REFUSALS = {
  inactive: "roster.errors.leaderInactive",
  leadsAnother: "roster.errors.leaderLeadsAnother",
  inAnotherGroup: "roster.errors.leaderInAnotherGroup",
} as const satisfies Record<LeaderRefusal, string>;

async function leaderByLogin(tx: Prisma.TransactionClient, login: string) {
  const leader = await tx.user.findUnique({ where: { login }, select: { id: true, name: true } });
  if (!leader) throw new ActionError("INVALID_INPUT", { leaderLogin: [text("roster.errors.leaderUnknown")] });
  return leader;
}

function refuseLeader(refusal: LeaderRefusal | null) {
  if (refusal) throw new ActionError("INVALID_INPUT", { leaderLogin: [text(LEADER_REFUSALS[refusal])] });
}

/**
 * 新建小组 in the current campaign: a name, the region it serves (one region, one group: 成都市 and 成都 are
 * the same region, see lib/groups/roster) and its leader, who gains the leader's and the caller's roles and
 * joins the group as its first member.
 */
export const CREATE_GROUP = defineAction({
  name: "group.create",
  permission: "groups.manage",
  schema: z.strictObject({
    name,
    region: z.string().trim().min(1, messageKey("roster.errors.regionRequired")).max(40),
    leaderLogin,
  }),
  run: async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const groups = await tx.group.findMany({ where: { campaignId }, select: { id: true, name: true, region: true } });
    const region = groupRegion(input.region);
    const taken = regionTakenBy(groups, region);
    if (taken)
      throw new ActionError("INVALID_INPUT", { region: [text("roster.errors.regionTaken", { group: taken.name })] });
    if (groups.some((g) => g.name === input.name))
      throw new ActionError("INVALID_INPUT", { name: [text("roster.errors.nameTaken")] });
    const leader = await leaderByLogin(tx, input.leaderLogin);
    const group = await tx.group.create({
      data: { campaignId, name: input.name, region, leaderId: leader.id },
      select: { id: true, campaignId: true, name: true, region: true, leaderId: true, rosterApprovedAt: true },
    });
    refuseLeader(await installLeader(tx, group, leader.id, { id: user.id, at: now }));
    audit({ entityType: "Group", entityId: group.id, after: { name: group.name, region, leaderId: leader.id } });
    return { id: group.id, name: group.name, region };
  },
});

/**
 * 修改小组: its name and its leader. A new leader joins the group (the old one stays a member, with their
 * candidates); the region stays, as it decides where the lists' candidates go.
 */
export const UPDATE_GROUP = defineAction({
  name: "group.update",
  permission: "groups.manage",
  schema: z.strictObject({ groupId, name, leaderLogin }),
  run: async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const group = await tx.group.findFirst({
      where: { id: input.groupId, campaignId },
      select: { id: true, campaignId: true, name: true, leaderId: true, rosterApprovedAt: true },
    });
    if (!group) throw new ActionError("NOT_FOUND");
    const sameName = await tx.group.count({ where: { campaignId, name: input.name, id: { not: group.id } } });
    if (sameName > 0) throw new ActionError("INVALID_INPUT", { name: [text("roster.errors.nameTaken")] });
    const leader = await leaderByLogin(tx, input.leaderLogin);
    if (leader.id !== group.leaderId) refuseLeader(await installLeader(tx, group, leader.id, { id: user.id, at: now }));
    const after = await tx.group.update({
      where: { id: group.id },
      data: { name: input.name, leaderId: leader.id },
      select: { name: true, leaderId: true },
    });
    audit({ entityType: "Group", entityId: group.id, before: { name: group.name, leaderId: group.leaderId }, after });
    return { id: group.id, ...after };
  },
});

/** 删除小组: only a group that never had candidates (their history stays with it); its members leave it. */
export const DELETE_GROUP = defineAction({
  name: "group.delete",
  permission: "groups.manage",
  schema: z.strictObject({ groupId }),
  run: async (input, { tx, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const group = await tx.group.findFirst({
      where: { id: input.groupId, campaignId },
      select: { id: true, name: true, region: true, _count: { select: { candidates: true, weeklyReports: true } } },
    });
    if (!group) throw new ActionError("NOT_FOUND");
    if (!mayDelete(group._count.candidates) || group._count.weeklyReports > 0)
      throw new ActionError("INVALID_INPUT", { groupId: [text("roster.errors.hasCandidates")] });
    const released = await tx.staffProfile.updateMany({ where: { groupId: group.id }, data: { groupId: null } });
    await tx.group.delete({ where: { id: group.id } });
    audit({
      entityType: "Group",
      entityId: group.id,
      before: { name: group.name, region: group.region, members: released.count },
    });
    return { id: group.id };
  },
});

/**
 * 审批备案: an admin approves and files the group's roster as it stands. From then on every join and
 * leave is recorded as a roster change, listed on the group's page. Filed once; an empty roster is not filed.
 */
export const APPROVE_ROSTER = defineAction({
  name: "group.approveRoster",
  permission: "groups.manage",
  schema: z.strictObject({ groupId }),
  run: async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const group = await tx.group.findFirst({
      where: { id: input.groupId, campaignId },
      select: { id: true, rosterApprovedAt: true, members: { select: { userId: true } } },
    });
    if (!group) throw new ActionError("NOT_FOUND");
    if (group.members.length === 0)
      throw new ActionError("INVALID_INPUT", { groupId: [text("roster.errors.emptyRoster")] });
    const { count } = await tx.group.updateMany({
      where: { id: group.id, rosterApprovedAt: null },
      data: { rosterApprovedAt: now, rosterApprovedById: user.id },
    });
    if (count === 0) throw new ActionError("INVALID_INPUT", { groupId: [text("roster.errors.alreadyFiled")] });
    audit({
      entityType: "Group",
      entityId: group.id,
      before: { rosterApprovedAt: null },
      after: { rosterApprovedAt: now, members: group.members.map((m) => m.userId) },
    });
    return { id: group.id, approvedAt: now };
  },
});
