// Anonymises one campaign's candidate data once its retention period has passed (README "Retention").
// Everything happens in one transaction; every statement only touches what still holds personal data, so
// a second run finds nothing to do, changes nothing, writes no audit row and says so.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { PrismaClient, Reader } from "@/lib/db/client";
import { type MessageKey, type Text, text } from "@/lib/i18n/text";
import {
  ANONYMOUS_NAME,
  ANONYMOUS_TEXT,
  EXAM_NO_PREFIX,
  REDACTED_WEEKLY_BODY,
  redactWeekFigures,
  scrubPhoneNumbers,
  scrubText,
} from "./rules";

/** What still holds (preview) or held (apply) personal data, per kind of row. */
export interface RetentionCounts {
  candidates: number;
  contactNotes: number;
  escalationTexts: number;
  withdrawalReasons: number;
  withdrawalPhotos: number;
  /** screenshots kept with contact logs (lib/evidence), with their stored files */
  contactScreenshots: number;
  /** uploaded list files of the campaign still in the storage module (never applied) */
  listUploads: number;
  importChanges: number;
  importLists: number;
  weeklyReports: number;
  inspectionEvidence: number;
  findingTexts: number;
  /** phase 1's prospects (name, phone, exam number, region) and what their consultations say */
  prospects: number;
  consultationTexts: number;
  /** the inspection team's incidents: who raised them, and the candidates and phone numbers their texts name */
  incidentTexts: number;
  incidentNotes: number;
  /** patrols whose observations (or who was present) name candidates */
  patrolTexts: number;
  auditRows: number;
}

/** Each count's name, as the command line prints it (in Chinese: translatorFor("zh-CN")). */
export const COUNT_LABELS: Record<keyof RetentionCounts, MessageKey> = {
  candidates: "retention.counts.candidates",
  contactNotes: "retention.counts.contactNotes",
  escalationTexts: "retention.counts.escalationTexts",
  withdrawalReasons: "retention.counts.withdrawalReasons",
  withdrawalPhotos: "retention.counts.withdrawalPhotos",
  contactScreenshots: "retention.counts.contactScreenshots",
  listUploads: "retention.counts.listUploads",
  importChanges: "retention.counts.importChanges",
  importLists: "retention.counts.importLists",
  weeklyReports: "retention.counts.weeklyReports",
  inspectionEvidence: "retention.counts.inspectionEvidence",
  findingTexts: "retention.counts.findingTexts",
  prospects: "retention.counts.prospects",
  consultationTexts: "retention.counts.consultationTexts",
  incidentTexts: "retention.counts.incidentTexts",
  incidentNotes: "retention.counts.incidentNotes",
  patrolTexts: "retention.counts.patrolTexts",
  auditRows: "retention.counts.auditRows",
};

export function totalOf(counts: RetentionCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
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

/**
 * An incident's text kept for the staff record without the people outside it: the candidates' identifiers
 * and every phone number (a family's, the one a suspected impersonator called from, which no candidate
 * holds).
 */
function scrubIncidentText(text: string, ids: readonly string[]): string {
  return scrubPhoneNumbers(scrubText(text, ids));
}

/** The incidents that still hold who raised them, or a candidate or phone number in their texts. */
async function incidentsToScrub(reader: Reader, campaignId: string, ids: readonly string[]) {
  const incidents = await reader.incident.findMany({
    where: { campaignId },
    select: { id: true, title: true, description: true, reportedBy: true, closingNote: true },
  });
  return incidents
    .map((incident) => {
      const scrubbed = {
        title: scrubIncidentText(incident.title, ids),
        description: scrubIncidentText(incident.description, ids),
        reportedBy: null,
        closingNote: incident.closingNote === null ? null : scrubIncidentText(incident.closingNote, ids),
      };
      const changed = (Object.keys(scrubbed) as (keyof typeof scrubbed)[]).some(
        (field) => scrubbed[field] !== incident[field],
      );
      return changed ? { id: incident.id, data: scrubbed } : null;
    })
    .filter((incident) => incident !== null);
}

async function incidentNotesToScrub(reader: Reader, campaignId: string, ids: readonly string[]) {
  const actions = await reader.incidentAction.findMany({
    where: { incident: { campaignId }, NOT: { note: "" } },
    select: { id: true, note: true },
  });
  return actions
    .map((a) => ({ id: a.id, note: scrubIncidentText(a.note, ids) }))
    .filter((a, i) => a.note !== actions[i]?.note);
}

/** Patrols are the team's own observations of the call room: only the candidates' identifiers go. */
async function patrolsToScrub(reader: Reader, campaignId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const patrols = await reader.patrol.findMany({
    where: { campaignId },
    select: { id: true, observations: true, present: true },
  });
  return patrols
    .map((p) => ({ id: p.id, observations: scrubText(p.observations, ids), present: scrubText(p.present, ids) }))
    .filter((p, i) => p.observations !== patrols[i]?.observations || p.present !== patrols[i]?.present);
}

async function weeklyToRedact(reader: Reader, campaignId: string) {
  return reader.weeklyReport.findMany({
    where: { campaignId, NOT: { body: REDACTED_WEEKLY_BODY } },
    select: { id: true, figures: true },
  });
}

/** Runs the counts at once and keeps each under its name. */
async function countAll(queries: { [K in keyof RetentionCounts]: PromiseLike<number> }): Promise<RetentionCounts> {
  const counted = await Promise.all(Object.entries(queries).map(async ([kind, count]) => [kind, await count]));
  return Object.fromEntries(counted) as RetentionCounts;
}

/** What the anonymisation would change, without changing anything (the CLI's dry run). */
export async function previewAnonymise(reader: Reader, campaignId: string): Promise<RetentionCounts> {
  const ids = await identifiers(reader, campaignId);
  return countAll({
    candidates: reader.candidate.count({ where: { campaignId, NOT: { examNo: { startsWith: EXAM_NO_PREFIX } } } }),
    contactNotes: reader.contactLog.count({ where: { campaignId, notes: { not: null } } }),
    escalationTexts: reader.escalation.count({
      where: { campaignId, OR: [{ advice: { not: null } }, { resolution: { not: null } }] },
    }),
    withdrawalReasons: reader.withdrawalRequest.count({ where: { campaignId, reviewReason: { not: null } } }),
    withdrawalPhotos: reader.withdrawalPhoto.count({ where: { request: { campaignId } } }),
    contactScreenshots: reader.contactEvidence.count({ where: { contactLog: { campaignId } } }),
    listUploads: reader.storedFile.count({ where: { campaignId, kind: "LIST_UPLOAD" } }),
    importChanges: reader.importChange.count({ where: { batch: { campaignId } } }),
    importLists: reader.importBatch.count({ where: { campaignId, NOT: { examNos: { isEmpty: true } } } }),
    weeklyReports: weeklyToRedact(reader, campaignId).then((reports) => reports.length),
    inspectionEvidence: reader.inspection.count({ where: { campaignId, evidence: { not: null } } }),
    findingTexts: findingsToScrub(reader, campaignId, ids).then((findings) => findings.length),
    prospects: reader.prospect.count({ where: { campaignId, NOT: { name: ANONYMOUS_NAME } } }),
    consultationTexts: reader.consultation.count({ where: { campaignId, NOT: { question: ANONYMOUS_TEXT } } }),
    incidentTexts: incidentsToScrub(reader, campaignId, ids).then((incidents) => incidents.length),
    incidentNotes: incidentNotesToScrub(reader, campaignId, ids).then((notes) => notes.length),
    patrolTexts: patrolsToScrub(reader, campaignId, ids).then((patrols) => patrols.length),
    // the same rows the redaction function blanks (migration database_roles)
    auditRows: reader.$queryRaw<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM audit_rows_to_redact(${campaignId})`.then((rows) => rows[0]?.n ?? 0),
  });
}

/** The database refused: by its own clock the campaign's retention period has not passed yet. */
export class RetentionNotDueError extends Error {
  /** the sentence for the reader (the command line's) */
  readonly reason: Text = text("retention.notDue");

  constructor(readonly campaignId: string) {
    super(`retention of campaign ${campaignId} not due by the database's clock; nothing changed`);
  }
}

/** The SQLSTATE audit_redact_campaign raises for a campaign not yet due (migration database_roles). */
const NOT_DUE_SQLSTATE = "HF001";

/** Through @prisma/adapter-pg a raw query's PostgreSQL error sits in meta.driverAdapterError.cause. */
function isNotDueInDatabase(error: unknown): boolean {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })?.meta
    ?.driverAdapterError?.cause;
  return cause?.originalCode === NOT_DUE_SQLSTATE;
}

export interface AnonymiseResult {
  /** false: nothing held personal data any more, nothing was written (not even an audit row) */
  changed: boolean;
  counts: RetentionCounts;
}

/**
 * Removes the campaign's candidate personal data, in one transaction. Keeps what the dashboards and the
 * payouts read: candidate statuses, groups, callers, regions, contact times and durations, tallies,
 * verdicts, findings, incidents, patrols and signed-off payout runs. Writes one audit row
 * ("retention.anonymise") with the counts when anything changed. The caller decides whether the campaign is due (rules.ts); the database
 * checks it again by its own clock and refuses the whole transaction when it is not (NotDueError).
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

      // Audit rows first, while the photos they may name still exist. Only the database's own function
      // may blank them, and only once the campaign is due by the database's clock (migration
      // database_roles): the app's role cannot rewrite the log itself.
      const redacted = await tx.$queryRaw<{ blanked: number }[]>`
        SELECT audit_redact_campaign(${campaignId}) AS blanked`.catch((error: unknown) => {
        throw isNotDueInDatabase(error) ? new RetentionNotDueError(campaignId) : error;
      });
      const auditRows = redacted[0]?.blanked ?? 0;

      // Free text kept for the staff record: only the candidates' names, exam numbers and phones go.
      const findings = await findingsToScrub(tx, campaignId, ids);
      for (const f of findings) {
        await tx.finding.update({ where: { id: f.id }, data: { description: f.description } });
      }

      // The inspection team's register and patrols stay (kinds, severities, statuses, dates, the staff
      // involved, the candidates linked); who raised an incident from outside goes, and so does what its
      // texts say about candidates and any phone number in them.
      const incidents = await incidentsToScrub(tx, campaignId, ids);
      for (const incident of incidents) {
        // a new version, so that a form still open on the old text is refused rather than writing it back
        await tx.incident.update({
          where: { id: incident.id },
          data: { ...incident.data, version: { increment: 1 } },
        });
      }
      const incidentNotes = await incidentNotesToScrub(tx, campaignId, ids);
      for (const entry of incidentNotes) {
        await tx.incidentAction.update({ where: { id: entry.id }, data: { note: entry.note } });
      }
      const patrols = await patrolsToScrub(tx, campaignId, ids);
      for (const patrol of patrols) {
        await tx.patrol.update({
          where: { id: patrol.id },
          data: { observations: patrol.observations, present: patrol.present },
        });
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
      // a photo's stored file goes with it (trigger withdrawal_photo_delete_file)
      const withdrawalPhotos = await tx.$executeRaw`
        DELETE FROM "WithdrawalPhoto" p USING "WithdrawalRequest" w
         WHERE w."id" = p."requestId" AND w."campaignId" = ${campaignId}`;
      // a screenshot's stored file goes with it (trigger contact_evidence_delete_file); a verdict that
      // cited it keeps its verdict and loses the reference
      const contactScreenshots = await tx.$executeRaw`
        DELETE FROM "ContactEvidence" e USING "ContactLog" l
         WHERE l."id" = e."contactLogId" AND l."campaignId" = ${campaignId}`;
      const listUploads = await tx.$executeRaw`
        DELETE FROM "StoredFile" WHERE "campaignId" = ${campaignId} AND "kind" = 'LIST_UPLOAD'`;
      const importChanges = await tx.$executeRaw`
        DELETE FROM "ImportChange" c USING "ImportBatch" b
         WHERE b."id" = c."batchId" AND b."campaignId" = ${campaignId}`;
      // the rest of the batches' undo records go with them: they hold ids only, so they are not counted
      await tx.$executeRaw`
        DELETE FROM "ImportCreated" c USING "ImportBatch" b
         WHERE b."id" = c."batchId" AND b."campaignId" = ${campaignId}`;
      const importLists = await tx.$executeRaw`
        UPDATE "ImportBatch" SET "examNos" = '{}', "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND cardinality("examNos") > 0`;
      const inspectionEvidence = await tx.$executeRaw`
        UPDATE "Inspection" SET "evidence" = NULL, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "evidence" IS NOT NULL`;

      // phase 1: the prospects go with the candidates; their consultations stay counted for the people
      // who answered them, without what was asked and answered
      const prospects = await tx.$executeRaw`
        UPDATE "Prospect"
           SET "name" = ${ANONYMOUS_NAME}, "phone" = NULL, "examNo" = NULL, "region" = NULL, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "name" <> ${ANONYMOUS_NAME}`;
      const consultationTexts = await tx.$executeRaw`
        UPDATE "Consultation" SET "question" = ${ANONYMOUS_TEXT}, "answer" = ${ANONYMOUS_TEXT}, "updatedAt" = now()
         WHERE "campaignId" = ${campaignId} AND "question" <> ${ANONYMOUS_TEXT}`;

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
        contactScreenshots,
        listUploads,
        importChanges,
        importLists,
        weeklyReports: weekly.length,
        inspectionEvidence,
        findingTexts: findings.length,
        prospects,
        consultationTexts,
        incidentTexts: incidents.length,
        incidentNotes: incidentNotes.length,
        patrolTexts: patrols.length,
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
