// Anonymises one campaign's candidate data once its retention period has passed (README "Retention").
// Everything happens in one transaction; every statement only touches what still holds personal data, so
// a second run finds nothing to do, changes nothing, writes no audit row and says so.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/lib/db/client";
import {
  ANONYMOUS_NAME,
  EXAM_NO_PREFIX,
  REDACTED_AUDIT_JSON,
  REDACTED_WEEKLY_BODY,
  redactWeekFigures,
  scrubText,
} from "./rules";

type Reader = PrismaClient | Prisma.TransactionClient;

/** What still holds (preview) or held (apply) personal data, per kind of row. */
export interface RetentionCounts {
  candidates: number;
  contactNotes: number;
  escalationTexts: number;
  withdrawalReasons: number;
  withdrawalPhotos: number;
  importChanges: number;
  importLists: number;
  weeklyReports: number;
  inspectionEvidence: number;
  findingTexts: number;
  auditRows: number;
}

export const COUNT_LABELS: Record<keyof RetentionCounts, string> = {
  candidates: "考生",
  contactNotes: "回访记录备注",
  escalationTexts: "上报意见/处理说明",
  withdrawalReasons: "退档退回原因",
  withdrawalPhotos: "退档材料照片",
  importChanges: "导入变更明细",
  importLists: "导入批次考生号清单",
  weeklyReports: "每周动态",
  inspectionEvidence: "督查证据",
  findingTexts: "提及考生的问题描述",
  auditRows: "操作日志",
};

export function totalOf(counts: RetentionCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Audit rows about this campaign's candidate-level entities whose before/after is not yet blank. */
function auditRowsWhere(campaignId: string) {
  return Prisma.sql`
    (("entityType" = 'Candidate' AND "entityId" IN (SELECT "id" FROM "Candidate" WHERE "campaignId" = ${campaignId}))
      OR ("entityType" = 'ContactLog' AND "entityId" IN (SELECT "id" FROM "ContactLog" WHERE "campaignId" = ${campaignId}))
      OR ("entityType" = 'Escalation' AND "entityId" IN (SELECT "id" FROM "Escalation" WHERE "campaignId" = ${campaignId}))
      OR ("entityType" = 'WithdrawalRequest' AND "entityId" IN (SELECT "id" FROM "WithdrawalRequest" WHERE "campaignId" = ${campaignId}))
      OR ("entityType" = 'WithdrawalPhoto' AND "entityId" IN (
            SELECT p."id" FROM "WithdrawalPhoto" p JOIN "WithdrawalRequest" w ON w."id" = p."requestId"
            WHERE w."campaignId" = ${campaignId}))
      OR ("entityType" = 'ImportBatch' AND "entityId" IN (SELECT "id" FROM "ImportBatch" WHERE "campaignId" = ${campaignId}))
      OR ("entityType" = 'Inspection' AND "entityId" IN (SELECT "id" FROM "Inspection" WHERE "campaignId" = ${campaignId})))
    AND (("before" IS NOT NULL AND "before" <> '{"redacted": true}'::jsonb)
      OR ("after" IS NOT NULL AND "after" <> '{"redacted": true}'::jsonb))`;
}

/** The campaign's candidates as they still are: names, exam numbers and phones to look for in free text. */
async function identifiers(reader: Reader, campaignId: string): Promise<string[]> {
  const rows = await reader.candidate.findMany({
    where: { campaignId, NOT: { examNo: { startsWith: EXAM_NO_PREFIX } } },
    select: { name: true, examNo: true, phones: true },
  });
  return rows.flatMap((r) => [r.name, r.examNo, ...r.phones]);
}

async function findingsToScrub(reader: Reader, campaignId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const findings = await reader.finding.findMany({ where: { campaignId }, select: { id: true, description: true } });
  return findings
    .map((f) => ({ id: f.id, description: scrubText(f.description, ids) }))
    .filter((f, i) => f.description !== findings[i]?.description);
}

async function weeklyToRedact(reader: Reader, campaignId: string) {
  return reader.weeklyReport.findMany({
    where: { campaignId, NOT: { body: REDACTED_WEEKLY_BODY } },
    select: { id: true, figures: true },
  });
}

/** What the anonymisation would change, without changing anything (the CLI's dry run). */
export async function previewAnonymise(reader: Reader, campaignId: string): Promise<RetentionCounts> {
  const ids = await identifiers(reader, campaignId);
  const [
    contactNotes,
    escalationTexts,
    withdrawalReasons,
    withdrawalPhotos,
    importChanges,
    importLists,
    weekly,
    inspectionEvidence,
    findings,
    audit,
  ] = await Promise.all([
    reader.contactLog.count({ where: { campaignId, notes: { not: null } } }),
    reader.escalation.count({ where: { campaignId, OR: [{ advice: { not: null } }, { resolution: { not: null } }] } }),
    reader.withdrawalRequest.count({ where: { campaignId, reviewReason: { not: null } } }),
    reader.withdrawalPhoto.count({ where: { request: { campaignId } } }),
    reader.importChange.count({ where: { batch: { campaignId } } }),
    reader.importBatch.count({ where: { campaignId, NOT: { examNos: { isEmpty: true } } } }),
    weeklyToRedact(reader, campaignId),
    reader.inspection.count({ where: { campaignId, evidence: { not: null } } }),
    findingsToScrub(reader, campaignId, ids),
    reader.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "AuditLog" WHERE ${auditRowsWhere(campaignId)}`,
  ]);
  const candidates = await reader.candidate.count({
    where: { campaignId, NOT: { examNo: { startsWith: EXAM_NO_PREFIX } } },
  });
  return {
    candidates,
    contactNotes,
    escalationTexts,
    withdrawalReasons,
    withdrawalPhotos,
    importChanges,
    importLists,
    weeklyReports: weekly.length,
    inspectionEvidence,
    findingTexts: findings.length,
    auditRows: audit[0]?.n ?? 0,
  };
}

export interface AnonymiseResult {
  /** false: nothing held personal data any more, nothing was written (not even an audit row) */
  changed: boolean;
  counts: RetentionCounts;
}

/**
 * Removes the campaign's candidate personal data, in one transaction. Keeps what the dashboards and the
 * payouts read: candidate statuses, groups, callers, regions, contact times and durations, tallies,
 * verdicts, findings and signed-off payout runs. Writes one audit row ("retention.anonymise") with the
 * counts when anything changed. The caller decides whether the campaign is due (rules.ts).
 */
export async function anonymiseCampaign(
  prisma: PrismaClient,
  campaignId: string,
  options: { actorId?: string | null; requestId?: string } = {},
): Promise<AnonymiseResult> {
  return prisma.$transaction(
    async (tx) => {
      // one anonymisation of a campaign at a time; a second one waits, then finds nothing to do
      await tx.$queryRaw`SELECT "id" FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
      const ids = await identifiers(tx, campaignId);

      // Audit rows first, while the photos they may name still exist. The trigger lets this one
      // statement through: the setting is transaction-local and switched off again right after.
      await tx.$queryRaw`SELECT set_config('huifang.redacting', 'on', true)::text AS on`;
      const redacted = JSON.stringify(REDACTED_AUDIT_JSON);
      const auditRows = await tx.$executeRaw`
        UPDATE "AuditLog"
           SET "before" = CASE WHEN "before" IS NULL THEN NULL ELSE ${redacted}::jsonb END,
               "after" = CASE WHEN "after" IS NULL THEN NULL ELSE ${redacted}::jsonb END
         WHERE ${auditRowsWhere(campaignId)}`;
      await tx.$queryRaw`SELECT set_config('huifang.redacting', 'off', true)::text AS off`;

      // Free text kept for the staff record: only the candidates' names, exam numbers and phones go.
      const findings = await findingsToScrub(tx, campaignId, ids);
      for (const f of findings) {
        await tx.finding.update({ where: { id: f.id }, data: { description: f.description } });
      }

      const candidates = await tx.$executeRaw`
        UPDATE "Candidate"
           SET "name" = ${ANONYMOUS_NAME},
               "examNo" = ${EXAM_NO_PREFIX} || left(encode(sha256(convert_to("campaignId" || "examNo", 'UTF8')), 'hex'), 12),
               "phones" = '{}', "gender" = NULL, "school" = NULL, "major" = NULL, "noShowReason" = NULL,
               "version" = "version" + 1, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "examNo" NOT LIKE ${`${EXAM_NO_PREFIX}%`}`;
      const contactNotes = await tx.$executeRaw`
        UPDATE "ContactLog" SET "notes" = NULL, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "notes" IS NOT NULL`;
      const escalationTexts = await tx.$executeRaw`
        UPDATE "Escalation" SET "advice" = NULL, "resolution" = NULL, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND ("advice" IS NOT NULL OR "resolution" IS NOT NULL)`;
      const withdrawalReasons = await tx.$executeRaw`
        UPDATE "WithdrawalRequest" SET "reviewReason" = NULL, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "reviewReason" IS NOT NULL`;
      const withdrawalPhotos = await tx.$executeRaw`
        DELETE FROM "WithdrawalPhoto" p USING "WithdrawalRequest" w
         WHERE w."id" = p."requestId" AND w."campaignId" = ${campaignId}`;
      const importChanges = await tx.$executeRaw`
        DELETE FROM "ImportChange" c USING "ImportBatch" b
         WHERE b."id" = c."batchId" AND b."campaignId" = ${campaignId}`;
      const importLists = await tx.$executeRaw`
        UPDATE "ImportBatch" SET "examNos" = '{}', "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND cardinality("examNos") > 0`;
      const inspectionEvidence = await tx.$executeRaw`
        UPDATE "Inspection" SET "evidence" = NULL, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "evidence" IS NOT NULL`;

      const weekly = await weeklyToRedact(tx, campaignId);
      for (const report of weekly) {
        await tx.weeklyReport.update({
          where: { id: report.id },
          data: {
            body: REDACTED_WEEKLY_BODY,
            figures:
              report.figures === null ? Prisma.DbNull : (redactWeekFigures(report.figures) as Prisma.InputJsonValue),
          },
        });
      }

      const counts: RetentionCounts = {
        candidates,
        contactNotes,
        escalationTexts,
        withdrawalReasons,
        withdrawalPhotos,
        importChanges,
        importLists,
        weeklyReports: weekly.length,
        inspectionEvidence,
        findingTexts: findings.length,
        auditRows,
      };
      const changed = totalOf(counts) > 0;
      if (changed) {
        await tx.auditLog.create({
          data: {
            actorId: options.actorId ?? null,
            action: "retention.anonymise",
            entityType: "Campaign",
            entityId: campaignId,
            after: { ...counts },
            requestId: options.requestId ?? randomUUID(),
          },
        });
      }
      return { changed, counts };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
