import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { candidateStatusSelect } from "@/lib/calls/status";
import { db } from "@/lib/db";
import { groupScope } from "@/lib/groups/scope";
import { type Text, text } from "@/lib/i18n/text";

export type ExportKind = "campaign" | "group" | "caller";

/**
 * Who may export what: the whole campaign's list to the roles that see every group; a group's ledger
 * to its leader (and those roles); a caller's ledger to the caller, their leader (and those roles).
 * Anything else is "not found", so an export URL reveals nothing about other groups. The label names
 * the scope in the file name: the group's or the caller's name, or a sentence for the whole campaign.
 */
export async function exportScope(
  user: SessionUser,
  kind: ExportKind,
  params: { campaignId: string; groupId?: string | null; callerId?: string | null },
): Promise<{ label: string | Text; logWhere: object; candidateWhere: object } | null> {
  if (kind === "campaign") {
    if (!can(user.roles, "campaign.export")) return null;
    return {
      label: text("exports.allCandidates"),
      logWhere: { campaignId: params.campaignId },
      candidateWhere: { campaignId: params.campaignId },
    };
  }
  if (kind === "group") {
    if (!params.groupId) return null;
    const group = await db().group.findFirst({
      where: { id: params.groupId, campaignId: params.campaignId, ...groupScope(user) },
      select: { id: true, name: true },
    });
    if (!group) return null;
    return { label: group.name, logWhere: { candidate: { groupId: group.id } }, candidateWhere: { groupId: group.id } };
  }
  const callerId = params.callerId || user.id;
  const self = callerId === user.id && can(user.roles, "calls.view");
  const caller = await db().user.findFirst({
    where: {
      id: callerId,
      ...(self ? {} : { staffProfiles: { some: { campaignId: params.campaignId, group: groupScope(user) } } }),
    },
    select: { id: true, name: true },
  });
  if (!caller) return null;
  return {
    label: caller.name,
    logWhere: { campaignId: params.campaignId, callerId: caller.id },
    candidateWhere: { campaignId: params.campaignId, assignedCallerId: caller.id },
  };
}

export async function ledgerRows(logWhere: object) {
  return db().contactLog.findMany({
    where: logWhere,
    orderBy: [{ startedAt: "asc" }],
    select: {
      startedAt: true,
      phase: true,
      channel: true,
      durationSeconds: true,
      outcome: true,
      notes: true,
      caller: { select: { name: true } },
      candidate: { select: { examNo: true, name: true } },
    },
  });
}

export async function candidateRows(candidateWhere: object) {
  return db().candidate.findMany({
    where: candidateWhere,
    orderBy: { examNo: "asc" },
    select: {
      examNo: true,
      name: true,
      gender: true,
      region: true,
      school: true,
      major: true,
      firstChoice: true,
      ...candidateStatusSelect,
      noShowReason: true,
      group: { select: { name: true } },
      assignedCaller: { select: { name: true } },
    },
  });
}
