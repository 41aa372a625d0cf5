import "server-only";
import type { Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { databaseStore } from "@/lib/storage";

/**
 * The candidates whose contact screenshots a person may see, as a where (lib/evidence/rules.ts
 * mayViewEvidence asks the same question of one candidate): null for an inspector, who sees all.
 */
export function evidenceCandidates(viewer: Viewer): Prisma.CandidateWhereInput | null {
  if (viewer.roles.includes("INSPECTOR")) return null;
  const reach: Prisma.CandidateWhereInput[] = [];
  if (viewer.roles.includes("CALLER")) reach.push({ assignedCallerId: viewer.id });
  if (viewer.roles.includes("GROUP_LEADER")) reach.push({ group: { leaderId: viewer.id } });
  if (viewer.roles.includes("STRIKE")) {
    reach.push({ escalations: { some: { assigneeId: viewer.id, status: "CLAIMED" } } });
  }
  // nobody's: a where that matches no candidate
  return reach.length === 0 ? { id: { in: [] } } : { OR: reach };
}

/**
 * One screenshot with its stored bytes, for a person who may see it (evidenceCandidates); null for
 * anybody else, as for a screenshot that does not exist.
 */
export async function evidenceFor(viewer: Viewer, evidenceId: string) {
  const scope = evidenceCandidates(viewer);
  const evidence = await db().contactEvidence.findFirst({
    where: { id: evidenceId, ...(scope ? { contactLog: { candidate: scope } } : {}) },
    select: {
      id: true,
      mimeType: true,
      contactLogId: true,
      file: { select: { key: true } },
      contactLog: { select: { candidateId: true } },
    },
  });
  const stored = evidence && (await databaseStore(db()).get("CONTACT_EVIDENCE", evidence.file.key));
  return evidence && stored
    ? {
        id: evidence.id,
        mimeType: evidence.mimeType,
        logId: evidence.contactLogId,
        candidateId: evidence.contactLog.candidateId,
        stored,
      }
    : null;
}

/** The screenshots of some logs, by log id, oldest first: what a ledger shows beside each contact. */
export async function evidenceOfLogs(logIds: readonly string[]): Promise<Map<string, { id: string }[]>> {
  const rows = await db().contactEvidence.findMany({
    where: { contactLogId: { in: [...logIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, contactLogId: true },
  });
  const byLog = new Map<string, { id: string }[]>();
  for (const row of rows) byLog.set(row.contactLogId, [...(byLog.get(row.contactLogId) ?? []), { id: row.id }]);
  return byLog;
}
