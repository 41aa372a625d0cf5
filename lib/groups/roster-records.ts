// The writes every roster change shares: a filed roster's change record (审批备案 后变动), and the leader
// as a member of their own group (a leader is also a caller). Used by the groups page's actions and the
// leader's member actions, inside their transaction.
import type { Prisma } from "@/lib/db/client";
import { recordsChanges } from "./roster";

type Tx = Prisma.TransactionClient;

/** After the roster was filed, a join or leave is recorded (who, which, why, by whom, when); before, it is just an edit. */
export async function recordRosterChange(
  tx: Tx,
  group: { id: string; rosterApprovedAt: Date | null },
  change: { userId: string; kind: "JOINED" | "LEFT"; reason: string | null; byId: string; at: Date },
): Promise<boolean> {
  if (!recordsChanges(group)) return false;
  await tx.rosterChange.create({ data: { groupId: group.id, ...change } });
  return true;
}

export type LeaderRefusal = "inactive" | "leadsAnother" | "inAnotherGroup";

/**
 * Makes `userId` the leader of `group`: the account gains the group leader's and the caller's roles, and
 * joins the group as a member (a leader is also a caller), entering this campaign's pool as picked by the
 * college when they were not in it. Returns a refusal instead when the account is disabled, already leads
 * another group of the campaign, or is a member of another group.
 */
export async function installLeader(
  tx: Tx,
  group: { id: string; campaignId: string; rosterApprovedAt: Date | null },
  userId: string,
  by: { id: string; at: Date },
): Promise<LeaderRefusal | null> {
  const account = await tx.user.findUnique({ where: { id: userId }, select: { active: true, roles: true } });
  if (!account?.active) return "inactive";
  const leadsAnother = await tx.group.count({
    where: { campaignId: group.campaignId, leaderId: userId, id: { not: group.id } },
  });
  if (leadsAnother > 0) return "leadsAnother";
  const profile = await tx.staffProfile.findFirst({
    where: { campaignId: group.campaignId, userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, groupId: true },
  });
  if (profile?.groupId && profile.groupId !== group.id) return "inAnotherGroup";
  const roles = [...new Set([...account.roles, "GROUP_LEADER" as const, "CALLER" as const])];
  if (roles.length !== account.roles.length) await tx.user.update({ where: { id: userId }, data: { roles } });
  if (profile?.groupId === group.id) return null;
  if (profile) await tx.staffProfile.update({ where: { id: profile.id }, data: { groupId: group.id } });
  else
    await tx.staffProfile.create({
      data: { campaignId: group.campaignId, userId, groupId: group.id, source: "COLLEGE_PICK", poolStatus: "APPROVED" },
    });
  await recordRosterChange(tx, group, { userId, kind: "JOINED", reason: null, byId: by.id, at: by.at });
  return null;
}
