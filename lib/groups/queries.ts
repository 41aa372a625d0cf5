import "server-only";
import { db } from "@/lib/db";

export interface GroupFigures {
  id: string;
  name: string;
  region: string;
  leaderName: string | null;
  assigned: number;
  admitted: number;
  enrolled: number;
}

/** Every group's pooled figures, in one aggregate query. */
export async function groupsOverview(campaignId: string): Promise<GroupFigures[]> {
  const rows = await db().$queryRaw<
    {
      id: string;
      name: string;
      region: string;
      leaderName: string | null;
      assigned: bigint;
      admitted: bigint;
      enrolled: bigint;
    }[]
  >`
    SELECT g.id, g.name, g.region, u.name AS "leaderName",
           count(c.id) AS assigned,
           count(c.id) FILTER (WHERE c.admitted) AS admitted,
           count(c.id) FILTER (WHERE c.admitted AND c.enrollment = 'ENROLLED') AS enrolled
    FROM "Group" g
    LEFT JOIN "User" u ON u.id = g."leaderId"
    LEFT JOIN "Candidate" c ON c."groupId" = g.id
    WHERE g."campaignId" = ${campaignId}
    GROUP BY g.id, u.name
    ORDER BY g."createdAt", g.name`;
  return rows.map((r) => ({
    ...r,
    assigned: Number(r.assigned),
    admitted: Number(r.admitted),
    enrolled: Number(r.enrolled),
  }));
}

export interface CallerFigures {
  callerId: string;
  name: string;
  assigned: number;
  admitted: number;
  enrolled: number;
  contacts: number;
  seconds: number;
}

/** The group a leader leads (null if none), with its callers' figures. */
export async function leaderGroup(leaderId: string, campaignId: string) {
  const group = await db().group.findFirst({ where: { campaignId, leaderId } });
  if (!group) return null;
  const rows = await db().$queryRaw<
    {
      callerId: string;
      name: string;
      assigned: bigint;
      admitted: bigint;
      enrolled: bigint;
      contacts: bigint;
      seconds: bigint;
    }[]
  >`
    SELECT u.id AS "callerId", u.name,
           (SELECT count(*) FROM "Candidate" c WHERE c."assignedCallerId" = u.id AND c."campaignId" = ${campaignId}) AS assigned,
           (SELECT count(*) FROM "Candidate" c WHERE c."assignedCallerId" = u.id AND c."campaignId" = ${campaignId} AND c.admitted) AS admitted,
           (SELECT count(*) FROM "Candidate" c WHERE c."assignedCallerId" = u.id AND c."campaignId" = ${campaignId} AND c.admitted AND c.enrollment = 'ENROLLED') AS enrolled,
           (SELECT count(*) FROM "ContactLog" l WHERE l."callerId" = u.id AND l."campaignId" = ${campaignId}) AS contacts,
           (SELECT coalesce(sum(l."durationSeconds"), 0) FROM "ContactLog" l WHERE l."callerId" = u.id AND l."campaignId" = ${campaignId}) AS seconds
    FROM "StaffProfile" s JOIN "User" u ON u.id = s."userId"
    WHERE s."groupId" = ${group.id}
    ORDER BY u.login`;
  const callers: CallerFigures[] = rows.map((r) => ({
    callerId: r.callerId,
    name: r.name,
    assigned: Number(r.assigned),
    admitted: Number(r.admitted),
    enrolled: Number(r.enrolled),
    contacts: Number(r.contacts),
    seconds: Number(r.seconds),
  }));
  return { group, callers };
}

/** The group's escalations waiting for the leader, oldest first, with the caller's latest attempts. */
export async function groupEscalations(groupId: string) {
  return db().escalation.findMany({
    where: { candidate: { groupId }, status: { in: ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"] } },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: 100,
    select: {
      id: true,
      reason: true,
      status: true,
      advice: true,
      version: true,
      createdAt: true,
      fromUser: { select: { name: true } },
      candidate: {
        select: {
          name: true,
          examNo: true,
          contactLogs: {
            orderBy: { startedAt: "desc" },
            take: 3,
            select: { id: true, startedAt: true, outcome: true, channel: true },
          },
        },
      },
    },
  });
}
