"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { CURRENT_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import { groupRegion, mayDelete, regionTakenBy } from "@/lib/groups/roster";
import { installLeader, type LeaderRefusal } from "@/lib/groups/roster-records";
import { text } from "@/lib/i18n/text";

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

const LEADER_REFUSALS = {
  inactive: "roster.errors.leaderInactive",
  leadsAnother: "roster.errors.leaderLeadsAnother",
  inAnotherGroup: "roster.errors.leaderInAnotherGroup",
} as const satisfies Record<LeaderRefusal, string>;

async function currentCampaignId(tx: Prisma.TransactionClient): Promise<string> {
  const campaign = await tx.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true } });
  if (!campaign) throw new ActionError("NOT_FOUND");
  return campaign.id;
}

async function leaderByLogin(tx: Prisma.TransactionClient, login: string) {
  const leader = await tx.user.findUnique({ where: { login }, select: { id: true, name: true } });
  if (!leader) throw new ActionError("INVALID_INPUT", { leaderLogin: [text("roster.errors.leaderUnknown")] });
  return leader;
}

function refuseLeader(refusal: LeaderRefusal | null) {
  if (refusal) throw new ActionError("INVALID_INPUT", { leaderLogin: [text(LEADER_REFUSALS[refusal])] });
}

function revalidateGroups(groupId?: string) {
  revalidatePath("/admin/groups");
  revalidatePath("/groups");
  if (groupId) revalidatePath(`/groups/${groupId}`);
}

/**
 * 新建小组 in the current campaign: a name, the region it serves (one region, one group: 成都市 and 成都 are
 * the same region, see lib/groups/roster) and its leader, who gains the leader's and the caller's roles and
 * joins the group as its first member.
 */
export const createGroup = action(
  {
    name: "group.create",
    permission: "groups.manage",
    schema: z
      .object({
        name,
        region: z.string().trim().min(1, messageKey("roster.errors.regionRequired")).max(40),
        leaderLogin,
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const campaignId = await currentCampaignId(tx);
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
    revalidateGroups();
    return { id: group.id, name: group.name, region };
  },
);

/**
 * 修改小组: its name and its leader. A new leader joins the group (the old one stays a member, with their
 * candidates); the region stays, as it decides where the lists' candidates go.
 */
export const updateGroup = action(
  {
    name: "group.update",
    permission: "groups.manage",
    schema: z.object({ groupId: z.string().min(1).max(64), name, leaderLogin }).strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const campaignId = await currentCampaignId(tx);
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
    revalidateGroups(group.id);
    return { id: group.id, ...after };
  },
);

/** 删除小组: only a group that never had candidates (their history stays with it); its members leave it. */
export const deleteGroup = action(
  {
    name: "group.delete",
    permission: "groups.manage",
    schema: z.object({ groupId: z.string().min(1).max(64) }).strict(),
  },
  async ({ groupId }, { tx, audit }) => {
    const campaignId = await currentCampaignId(tx);
    const group = await tx.group.findFirst({
      where: { id: groupId, campaignId },
      select: { id: true, name: true, region: true, _count: { select: { candidates: true, weeklyReports: true } } },
    });
    if (!group) throw new ActionError("NOT_FOUND");
    if (!mayDelete(group._count.candidates) || group._count.weeklyReports > 0)
      throw new ActionError("INVALID_INPUT", { groupId: [text("roster.errors.hasCandidates")] });
    const released = await tx.staffProfile.updateMany({ where: { groupId }, data: { groupId: null } });
    await tx.group.delete({ where: { id: groupId } });
    audit({
      entityType: "Group",
      entityId: groupId,
      before: { name: group.name, region: group.region, members: released.count },
    });
    revalidateGroups();
    return { id: groupId };
  },
);

/**
 * 审批备案: an admin approves and files the group's roster as it stands. From then on every join and
 * leave is recorded as a roster change, listed on the group's page. Filed once; an empty roster is not filed.
 */
export const approveRoster = action(
  {
    name: "group.approveRoster",
    permission: "groups.manage",
    schema: z.object({ groupId: z.string().min(1).max(64) }).strict(),
  },
  async ({ groupId }, { tx, user, now, audit }) => {
    const campaignId = await currentCampaignId(tx);
    const group = await tx.group.findFirst({
      where: { id: groupId, campaignId },
      select: { id: true, rosterApprovedAt: true, members: { select: { userId: true } } },
    });
    if (!group) throw new ActionError("NOT_FOUND");
    if (group.members.length === 0)
      throw new ActionError("INVALID_INPUT", { groupId: [text("roster.errors.emptyRoster")] });
    const { count } = await tx.group.updateMany({
      where: { id: groupId, rosterApprovedAt: null },
      data: { rosterApprovedAt: now, rosterApprovedById: user.id },
    });
    if (count === 0) throw new ActionError("INVALID_INPUT", { groupId: [text("roster.errors.alreadyFiled")] });
    audit({
      entityType: "Group",
      entityId: groupId,
      before: { rosterApprovedAt: null },
      after: { rosterApprovedAt: now, members: group.members.map((m) => m.userId) },
    });
    revalidateGroups(groupId);
    return { id: groupId, approvedAt: now };
  },
);
