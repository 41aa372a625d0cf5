// Where a caller's claim (Candidate.enrollment) and the record (Candidate.enrollmentRecord: the 报到 list
// or the data team) disagree, for the data team to resolve one candidate at a time. Only admitted
// candidates count: enrollment is only paid, and only meaningful, after admission.
import { Prisma } from "@/generated/prisma/client";
import type { Reader } from "@/lib/db/client";

export const MISMATCH_KINDS = ["claimedNotRecorded", "recordedNotClaimed", "confirmedNotOnList"] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export interface MismatchRow {
  kind: MismatchKind;
  candidateId: string;
  examNo: string;
  name: string;
  version: number;
  enrollment: "PENDING" | "ENROLLED" | "NOT_ENROLLED";
  enrollmentRecord: "LIST" | "DATA_TEAM" | null;
  callerName: string | null;
  groupName: string | null;
  lastContactAt: Date | null;
}

/**
 * Each admitted candidate in at most one kind, the first that applies:
 * - claimedNotRecorded: the caller logged 已报到, no list showed it and nobody confirmed it;
 * - recordedNotClaimed: on the record, but the caller's latest result is not 已报到 (still pending, or
 *   未报到 with a reason the list contradicts);
 * - confirmedNotOnList: confirmed by the data team, and a 报到 list applied since then does not show
 *   them enrolled (a list that shows them turns the confirmation into the list's own record).
 */
function mismatchCase(): Prisma.Sql {
  return Prisma.sql`
    CASE
      WHEN c.enrollment = 'ENROLLED' AND c."enrollmentRecord" IS NULL THEN 'claimedNotRecorded'
      WHEN c."enrollmentRecord" IS NOT NULL AND c.enrollment <> 'ENROLLED' THEN 'recordedNotClaimed'
      WHEN c."enrollmentRecord" = 'DATA_TEAM' AND EXISTS (
        SELECT 1 FROM "ImportBatch" b
         WHERE b."campaignId" = c."campaignId" AND b.kind = 'BAODAO' AND b.status = 'APPLIED'
           AND b."appliedAt" > coalesce((
             SELECT max(a."createdAt") FROM "AuditLog" a
              WHERE a."entityType" = 'Candidate' AND a."entityId" = c.id AND a.action = 'enrollment.confirm'),
             '-infinity'::timestamptz))
        THEN 'confirmedNotOnList'
    END`;
}

/** The data team's list, oldest contact first (the longest without news on top), at most `limit` rows. */
export async function enrollmentMismatches(
  reader: Reader,
  campaignId: string,
  options: { kind?: MismatchKind; limit?: number } = {},
): Promise<MismatchRow[]> {
  const filter = options.kind ? Prisma.sql`WHERE m.kind = ${options.kind}` : Prisma.sql`WHERE m.kind IS NOT NULL`;
  return reader.$queryRaw<MismatchRow[]>`
    SELECT m.* FROM (
      SELECT ${mismatchCase()} AS kind, c.id AS "candidateId", c."examNo", c.name, c.version,
             c.enrollment::text AS enrollment, c."enrollmentRecord"::text AS "enrollmentRecord",
             u.name AS "callerName", g.name AS "groupName", c."lastContactAt"
        FROM "Candidate" c
        LEFT JOIN "User" u ON u.id = c."assignedCallerId"
        LEFT JOIN "Group" g ON g.id = c."groupId"
       WHERE c."campaignId" = ${campaignId} AND c.admitted
    ) m
    ${filter}
    ORDER BY m.kind, m."lastContactAt" ASC NULLS FIRST, m."examNo"
    LIMIT ${options.limit ?? 500}`;
}

/** How many candidates of each kind, for the data team's home and the list's tabs. */
export async function mismatchCounts(reader: Reader, campaignId: string): Promise<Record<MismatchKind, number>> {
  const rows = await reader.$queryRaw<{ kind: MismatchKind; count: number }[]>`
    SELECT m.kind, count(*)::int AS count FROM (
      SELECT ${mismatchCase()} AS kind FROM "Candidate" c WHERE c."campaignId" = ${campaignId} AND c.admitted
    ) m
    WHERE m.kind IS NOT NULL
    GROUP BY m.kind`;
  const counts = Object.fromEntries(MISMATCH_KINDS.map((kind) => [kind, 0])) as Record<MismatchKind, number>;
  for (const row of rows) counts[row.kind] = row.count;
  return counts;
}

/** One candidate's enrollment as the data team checks it: claim, record, who works them, what happened. */
export async function enrollmentDetail(reader: Reader, campaignId: string, candidateId: string) {
  const candidate = await reader.candidate.findFirst({
    where: { id: candidateId, campaignId },
    select: {
      id: true,
      examNo: true,
      name: true,
      version: true,
      admitted: true,
      enrollment: true,
      enrollmentRecord: true,
      noShowReason: true,
      group: { select: { name: true } },
      assignedCaller: { select: { name: true } },
      contactLogs: {
        orderBy: { startedAt: "desc" },
        take: 5,
        select: { id: true, startedAt: true, outcome: true, caller: { select: { name: true } } },
      },
    },
  });
  if (!candidate) return null;
  const decisions = await reader.auditLog.findMany({
    where: { entityType: "Candidate", entityId: candidateId, action: "enrollment.confirm" },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, createdAt: true, after: true, actor: { select: { name: true } } },
  });
  return {
    ...candidate,
    decisions: decisions.map((d) => {
      const after = (d.after ?? {}) as { decision?: string; reason?: string };
      return {
        id: d.id,
        createdAt: d.createdAt,
        actorName: d.actor?.name ?? null,
        decision: after.decision === "withdraw" ? ("withdraw" as const) : ("confirm" as const),
        reason: after.reason ?? "",
      };
    }),
  };
}
