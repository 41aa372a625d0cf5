import "server-only";
import { can, type Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { groupScope } from "@/lib/groups/scope";
import {
  stillToWin,
  WORKLIST_FILTERS,
  type WorklistCandidate,
  type WorklistFilter,
  type WorklistMoment,
  worklistCounts,
  worklistsOf,
} from "./filters";

export interface WorklistCampaign {
  id: string;
  phaseWindows: readonly { phase: number; opensAt: Date; closesAt: Date }[];
}

/** Where the campaign stands at `now` for the lists (lib/worklists/filters.ts). */
export function worklistMoment(campaign: WorklistCampaign, now: Date): WorklistMoment {
  const admission = campaign.phaseWindows.find((w) => w.phase === 3);
  const enrollment = campaign.phaseWindows.find((w) => w.phase === 4);
  return {
    now,
    admissionsOut: admission !== undefined && admission.opensAt <= now,
    enrollmentClosed: enrollment !== undefined && enrollment.closesAt <= now,
  };
}

/** Whether the viewer may see the whole campaign's worklist (the callback lead, admins), not only a group's. */
export function seesWholeCampaign(viewer: Viewer): boolean {
  return can(viewer.roles, "groups.viewAll");
}

/** The groups whose worklist the viewer may open, by name: a leader's own, every group for the lead and admins. */
export function worklistGroups(viewer: Viewer, campaignId: string) {
  return db().group.findMany({
    where: { campaignId, ...groupScope(viewer) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/**
 * The candidates of one group (`groupId`), or of the whole campaign (null, the lead and admins only; a leader
 * then gets their own groups'), as a where clause. A group outside the viewer's scope matches nothing.
 */
function scopeWhere(viewer: Viewer, campaignId: string, groupId: string | null): Prisma.CandidateWhereInput {
  if (groupId) return { campaignId, groupId, group: groupScope(viewer) };
  return seesWholeCampaign(viewer) ? { campaignId } : { campaignId, group: groupScope(viewer) };
}

const ROW_SELECT = {
  id: true,
  examNo: true,
  name: true,
  region: true,
  school: true,
  intent: true,
  withdrawal: true,
  decline: true,
  admitted: true,
  comeIntent: true,
  paid: true,
  dormChosen: true,
  masterInterest: true,
  enrollment: true,
  enrollmentRecord: true,
  lastContactAt: true,
  nextFollowUpAt: true,
  group: { select: { id: true, name: true } },
  assignedCaller: { select: { id: true, name: true } },
  escalations: {
    where: { status: { in: ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"] } },
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { status: true, toTeam: true, assignee: { select: { name: true } } },
  },
} as const satisfies Prisma.CandidateSelect;

interface LastContact {
  candidateId: string;
  startedAt: Date;
  outcome: string;
  channel: string;
  callerName: string;
}

/**
 * A worklist: every candidate in scope still on some list, each with the lists they are on, their latest
 * contact (when, the result, who made it) and their current escalation; and the count of every list.
 */
export async function worklist(viewer: Viewer, campaign: WorklistCampaign, groupId: string | null, now: Date) {
  const prisma = db();
  const candidates = await prisma.candidate.findMany({
    where: scopeWhere(viewer, campaign.id, groupId),
    orderBy: [{ name: "asc" }, { examNo: "asc" }],
    select: ROW_SELECT,
  });
  const ids = candidates.map((c) => c.id);
  // the latest contact of each candidate, whoever made it (a strike member's too)
  const latest =
    ids.length === 0
      ? []
      : await prisma.$queryRaw<LastContact[]>`
          SELECT DISTINCT ON (l."candidateId") l."candidateId", l."startedAt", l.outcome, l.channel::text AS channel,
                 u.name AS "callerName"
          FROM "ContactLog" l JOIN "User" u ON u.id = l."callerId"
          WHERE l."candidateId" = ANY(${ids}::text[])
          ORDER BY l."candidateId", l."startedAt" DESC, l."createdAt" DESC`;
  const lastOf = new Map(latest.map((l) => [l.candidateId, l]));
  const at = worklistMoment(campaign, now);
  const rows = candidates.map((c) => {
    const last = lastOf.get(c.id) ?? null;
    const status: WorklistCandidate = { ...c, lastOutcome: last?.outcome ?? null };
    return {
      ...c,
      lastContact: last,
      escalation: c.escalations[0] ?? null,
      lists: worklistsOf(status, at),
      open: stillToWin(status, at),
    };
  });
  const counts = worklistCounts(
    rows.map((r) => ({ ...r, lastOutcome: r.lastContact?.outcome ?? null })),
    at,
  );
  return {
    at,
    counts,
    /** still to be won, on any list or none: the page's "all" */
    open: rows.filter((r) => r.open).length,
    rows,
  };
}

export type WorklistRow = Awaited<ReturnType<typeof worklist>>["rows"][number];

/** The rows of one list, or every candidate still to win when no list is chosen. */
export function rowsOf(rows: readonly WorklistRow[], filter: WorklistFilter | null): WorklistRow[] {
  return rows.filter((r) => (filter ? r.lists.includes(filter) : r.open));
}

export { WORKLIST_FILTERS };

/**
 * 专硕 prospects of the whole campaign (the MASTERS list's rule: admitted, interested, not withdrawn or given
 * up), counted in the database for the lead's overview.
 */
export function mastersProspectCount(campaignId: string) {
  return db().candidate.count({
    where: {
      campaignId,
      admitted: true,
      masterInterest: true,
      withdrawal: { not: "APPROVED" },
      decline: { not: "APPROVED" },
    },
  });
}
