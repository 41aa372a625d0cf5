// Applying a previewed list to the campaign as one batch (all or nothing, the same file twice adds
// nothing): the batch row, then multi-row SQL statements for the new candidates, their assignment and
// undo records, and the changes.
import { randomUUID } from "node:crypto";
import { ActionError, type ActionErrorCode } from "@/lib/action/errors";
import { firstError } from "@/lib/action/result";
import type { ActionContext } from "@/lib/action/run";
import { runAs, type SystemActionConfig } from "@/lib/action/system";
import { assignableCallers, callerLoads, takeLeastLoaded } from "@/lib/assignment";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { text } from "@/lib/i18n/text";
import { recordImport } from "@/lib/metrics";
import { linkMatchedProspects, listKeys } from "@/lib/prospects/link";
import type { ListKind, MappingChoice } from "./columns";
import type { CandidatePatch, ImportPlan, PlannedField } from "./plan";
import { fileSha256, groupsByRegion, IMPORT_KIND, type ImportPreview, previewImport } from "./preview";

/** Rows per multi-row INSERT or UPDATE: 100,000 rows are 100 statements, not 100,000. */
const CHUNK = 2000;
/** Stored with each assignment an import makes: a record of the campaign, kept in Chinese. */
const ASSIGNMENT_REASON = translatorFor("zh-CN")("imports.assignmentReason");

export type ApplyResult =
  | { ok: true; batchId: string; created: number; updated: number; unassigned: number; alreadyApplied: boolean }
  | { ok: false; code: ActionErrorCode; message: string };

/** The apply of a list, from the import page's action or from the command line: one name, one permission. */
export const APPLY_LIST = {
  name: "import.apply",
  permission: "import.run",
  timeoutMs: 600_000,
} as const satisfies SystemActionConfig;

/** Callers of each group who may take candidates, with their current load in this campaign. */
async function assignmentPlan(tx: Prisma.TransactionClient, campaignId: string, at: Date) {
  const groups = await groupsByRegion(tx, campaignId);
  const staff = await tx.staffProfile.findMany({
    where: assignableCallers(campaignId, at),
    select: { userId: true, groupId: true },
  });
  const loads = await callerLoads(tx, campaignId);
  const load = new Map<string, { userId: string; count: number }[]>();
  for (const s of staff) {
    const list = load.get(s.groupId as string) ?? [];
    list.push({ userId: s.userId, count: loads.of(s.userId) });
    load.set(s.groupId as string, list);
  }
  return {
    /** the group of the region, and in it the caller with the fewest candidates (ties: the first) */
    pick(region: string): { groupId: string | null; callerId: string | null } {
      const groupId = groups.groupOf(region)?.id ?? null;
      const callers = groupId ? load.get(groupId) : undefined;
      if (!groupId || !callers || callers.length === 0) return { groupId, callerId: null };
      return { groupId, callerId: takeLeastLoaded(callers) };
    },
  };
}

/** What the audit row of an apply records; the import page and the command line write the same. */
export function applyAuditAfter(
  input: { kind: ListKind; fileName: string; mapping?: MappingChoice },
  applied: { created: number; updated: number },
): Prisma.InputJsonObject {
  return {
    kind: input.kind,
    fileName: input.fileName,
    created: applied.created,
    updated: applied.updated,
    ...(input.mapping ? { mapping: input.mapping as unknown as Prisma.InputJsonValue } : {}),
  };
}

/** How far an apply has come, told after each chunk is written (the command line prints it). */
export type ApplyProgress = (done: { written: number; total: number }) => void | Promise<void>;

/**
 * Writes a previewed plan inside the caller's transaction: the batch row first (unique per file, so
 * a second identical apply fails on it), then the new candidates with their assignment, then the
 * changes, each recorded in ImportChange for undo. Every write is a multi-row statement over a chunk
 * of rows. The caller writes the audit row.
 */
export async function applyPlan(
  tx: Prisma.TransactionClient,
  input: { campaignId: string; kind: ListKind; fileName: string; userId: string },
  preview: Pick<ImportPreview, "report" | "records" | "fileHash">,
  plan: ImportPlan,
  onProgress?: ApplyProgress,
) {
  const { report } = preview;
  const batch = await tx.importBatch.create({
    data: {
      campaignId: input.campaignId,
      kind: IMPORT_KIND[input.kind],
      fileName: input.fileName,
      fileHash: preview.fileHash,
      status: "APPLIED",
      rowsRead: report.rows,
      rowsNew: plan.create.length,
      rowsChanged: plan.update.length,
      rowsMissing: plan.missing.length,
      examNos: preview.records.map((r) => r.examNo),
      createdById: input.userId,
      appliedAt: new Date(),
    },
  });
  const total = plan.create.length + plan.update.length;
  let written = 0;
  const assign = await assignmentPlan(tx, input.campaignId, new Date());
  let unassigned = 0;
  for (let i = 0; i < plan.create.length; i += CHUNK) {
    const rows = plan.create.slice(i, i + CHUNK).map(({ examNo, patch }) => {
      const { groupId, callerId } = assign.pick(patch.region ?? "");
      if (!callerId) unassigned += 1;
      return {
        campaignId: input.campaignId,
        examNo,
        name: patch.name ?? "",
        phones: patch.phones ?? [],
        region: patch.region ?? "",
        gender: patch.gender ?? null,
        school: patch.school ?? null,
        major: patch.major ?? null,
        firstChoice: patch.firstChoice ?? null,
        groupId,
        assignedCallerId: callerId,
        // pay credit follows the holder until the first 录取 list admits the candidate
        creditCallerId: callerId,
      };
    });
    const created = await insertCandidates(tx, rows);
    // RETURNING promises no order: each new row is matched to what was written by its exam number
    const writtenRows = new Map(rows.map((row) => [row.examNo, row]));
    await insertAssignments(
      tx,
      created
        .filter((c) => c.assignedCallerId)
        .map((c) => ({ candidateId: c.id, callerId: c.assignedCallerId as string })),
    );
    await insertChanges(
      tx,
      created.map((c) => ({ batchId: batch.id, candidateId: c.id, before: null, after: writtenRows.get(c.examNo) })),
    );
    written += rows.length;
    await onProgress?.({ written, total });
  }
  for (let i = 0; i < plan.update.length; i += CHUNK) {
    const chunk = plan.update.slice(i, i + CHUNK).map((update) => ({
      id: update.candidateId,
      before: Object.fromEntries(Object.entries(update.changes).map(([k, v]) => [k, v.before])),
      after: Object.fromEntries(Object.entries(update.changes).map(([k, v]) => [k, v.after])),
    }));
    await patchCandidates(
      tx,
      chunk.map((c) => ({ id: c.id, values: c.after })),
    );
    await insertChanges(
      tx,
      chunk.map((c) => ({ batchId: batch.id, candidateId: c.id, before: c.before, after: c.after })),
    );
    written += chunk.length;
    await onProgress?.({ written, total });
  }
  // phase 1's prospects the list names are linked to their candidates, assigned by region above as usual
  const prospectsLinked =
    input.kind === "toudang"
      ? await linkMatchedProspects(tx, input.campaignId, listKeys(preview.records), new Date())
      : 0;
  return {
    ok: true as const,
    batchId: batch.id,
    created: plan.create.length,
    updated: plan.update.length,
    prospectsLinked,
    unassigned,
    alreadyApplied: false,
  };
}

const PATCHABLE: readonly PlannedField[] = [
  "name",
  "gender",
  "phones",
  "region",
  "school",
  "major",
  "firstChoice",
  "admitted",
  "paid",
  "enrollment",
  "enrollmentRecord",
];

// Bulk writes are plain SQL from one JSON parameter per chunk, like patchCandidates below. Prisma 6's
// createMany caches a query plan per batch shape, which held over 1.5 GB for a 100,000-row list
// (prisma/prisma#29331, bench:import), and built each 2,000-row statement slowly.

interface NewCandidateRow {
  campaignId: string;
  examNo: string;
  name: string;
  phones: string[];
  region: string;
  gender: string | null;
  school: string | null;
  major: string | null;
  firstChoice: boolean | null;
  groupId: string | null;
  assignedCallerId: string | null;
  creditCallerId: string | null;
}

async function insertCandidates(tx: Prisma.TransactionClient, rows: NewCandidateRow[]) {
  const payload = JSON.stringify(rows.map((row) => ({ id: randomUUID(), ...row })));
  return tx.$queryRaw<{ id: string; examNo: string; assignedCallerId: string | null }[]>`
    INSERT INTO "Candidate" (id, "campaignId", "examNo", name, phones, region, gender, school, major,
                             "firstChoice", "groupId", "assignedCallerId", "creditCallerId", "updatedAt")
    SELECT v.id, v."campaignId", v."examNo", v.name, v.phones, v.region, v.gender, v.school, v.major,
           v."firstChoice", v."groupId", v."assignedCallerId", v."creditCallerId", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${payload}::jsonb) AS v(
      id text, "campaignId" text, "examNo" text, name text, phones text[], region text, gender text,
      school text, major text, "firstChoice" boolean, "groupId" text, "assignedCallerId" text,
      "creditCallerId" text)
    RETURNING id, "examNo", "assignedCallerId"`;
}

async function insertAssignments(tx: Prisma.TransactionClient, rows: { candidateId: string; callerId: string }[]) {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((row) => ({ id: randomUUID(), ...row })));
  await tx.$executeRaw`
    INSERT INTO "Assignment" (id, "candidateId", "callerId", reason)
    SELECT v.id, v."candidateId", v."callerId", ${ASSIGNMENT_REASON}
    FROM jsonb_to_recordset(${payload}::jsonb) AS v(id text, "candidateId" text, "callerId" text)`;
}

async function insertChanges(
  tx: Prisma.TransactionClient,
  rows: { batchId: string; candidateId: string; before: unknown; after: unknown }[],
) {
  if (rows.length === 0) return;
  const payload = JSON.stringify(rows.map((row) => ({ id: randomUUID(), ...row })));
  await tx.$executeRaw`
    INSERT INTO "ImportChange" (id, "batchId", "candidateId", before, after)
    SELECT v.id, v."batchId", v."candidateId", v.before, v.after
    FROM jsonb_to_recordset(${payload}::jsonb) AS v(id text, "batchId" text, "candidateId" text, before jsonb, after jsonb)`;
}

/**
 * Sets some fields of many candidates in one UPDATE ... FROM jsonb_to_recordset per chunk: each row
 * names the fields it sets (`fields`), every other column keeps its value. Bumps the version, so a
 * leader's page opened before the import is refused as stale rather than overwriting it.
 */
async function patchCandidates(tx: Prisma.TransactionClient, patches: { id: string; values: CandidatePatch }[]) {
  for (let i = 0; i < patches.length; i += CHUNK) {
    const chunk = patches.slice(i, i + CHUNK);
    const payload = JSON.stringify(
      chunk.map(({ id, values }) => {
        const fields = PATCHABLE.filter((field) => field in values);
        return { id, fields, ...Object.fromEntries(fields.map((field) => [field, values[field] ?? null])) };
      }),
    );
    const count = await tx.$executeRaw`
      UPDATE "Candidate" AS c SET
        "name" = CASE WHEN 'name' = ANY(v.fields) THEN v."name" ELSE c."name" END,
        "gender" = CASE WHEN 'gender' = ANY(v.fields) THEN v."gender" ELSE c."gender" END,
        "phones" = CASE WHEN 'phones' = ANY(v.fields) THEN v."phones" ELSE c."phones" END,
        "region" = CASE WHEN 'region' = ANY(v.fields) THEN v."region" ELSE c."region" END,
        "school" = CASE WHEN 'school' = ANY(v.fields) THEN v."school" ELSE c."school" END,
        "major" = CASE WHEN 'major' = ANY(v.fields) THEN v."major" ELSE c."major" END,
        "firstChoice" = CASE WHEN 'firstChoice' = ANY(v.fields) THEN v."firstChoice" ELSE c."firstChoice" END,
        "admitted" = CASE WHEN 'admitted' = ANY(v.fields) THEN v."admitted" ELSE c."admitted" END,
        "paid" = CASE WHEN 'paid' = ANY(v.fields) THEN v."paid" ELSE c."paid" END,
        "enrollment" = CASE WHEN 'enrollment' = ANY(v.fields)
          THEN v."enrollment"::"EnrollmentStatus" ELSE c."enrollment" END,
        "enrollmentRecord" = CASE WHEN 'enrollmentRecord' = ANY(v.fields)
          THEN v."enrollmentRecord"::"EnrollmentRecord" ELSE c."enrollmentRecord" END,
        -- admitted by this list: the candidate counts for whoever holds them now, and the credit stays
        -- put from here on (moves that carry it: lib/assignment)
        "creditCallerId" = CASE WHEN 'admitted' = ANY(v.fields) AND v."admitted" AND NOT c."admitted"
          THEN c."assignedCallerId" ELSE c."creditCallerId" END,
        "version" = c."version" + 1,
        "updatedAt" = CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(${payload}::jsonb) AS v(
        id text, fields text[], "name" text, "gender" text, "phones" text[], "region" text, "school" text,
        "major" text, "firstChoice" boolean, "admitted" boolean, "paid" boolean, "enrollment" text,
        "enrollmentRecord" text)
      WHERE c.id = v.id`;
    // a candidate deleted since the preview: the whole apply is rolled back rather than half done
    if (count !== chunk.length) throw new Error(`import: ${chunk.length - count} candidates vanished during apply`);
  }
}

/**
 * The apply of a previewed list inside an action's transaction, the same for the import page's action
 * and the command line. Refused (nothing written) while the file has errors or duplicates, was applied
 * already (CONFLICT), or names exam numbers never submitted (录取/缴费/报到 before the 投档 list); then
 * the batch is written and its one audit row described.
 */
export async function applyPreviewed(
  { tx, user, audit }: ActionContext,
  input: { campaignId: string; kind: ListKind; fileName: string; mapping?: MappingChoice },
  preview: ImportPreview,
  onProgress?: ApplyProgress,
) {
  const { plan } = preview;
  if (!plan) throw new ActionError("INVALID_INPUT", { fileHash: [text("imports.applyErrors.fileHasErrors")] });
  if (preview.alreadyApplied) throw new ActionError("CONFLICT");
  if (plan.unknown.length > 0) {
    throw new ActionError("INVALID_INPUT", {
      fileHash: [text("imports.applyErrors.unknownExamNos", { count: plan.unknown.length })],
    });
  }
  const startedAt = performance.now();
  const applied = await applyPlan(tx, { ...input, userId: user.id }, preview, plan, onProgress);
  recordImport(input.kind, preview.report.rows, (performance.now() - startedAt) / 1000);
  audit({ entityType: "ImportBatch", entityId: applied.batchId, after: applyAuditAfter(input, applied) });
  return {
    batchId: applied.batchId,
    created: applied.created,
    updated: applied.updated,
    unassigned: applied.unassigned,
  };
}

/**
 * Applies a list file to the campaign as `by` (the command line's `--by` login), through the same
 * wrapper, transaction and audit row as the import page's action. The batch row is unique per
 * (campaign, kind, file hash): the same file again, even from two admins at once, applies once, and
 * the second is told which batch it is.
 */
export async function applyImport(
  prisma: PrismaClient,
  input: {
    campaignId: string;
    kind: ListKind;
    path: string;
    fileName: string;
    by: { login: string } | { id: string };
    mapping?: MappingChoice;
    onProgress?: ApplyProgress;
  },
): Promise<ApplyResult> {
  const result = await runAs(prisma, input.by, APPLY_LIST, async (ctx) =>
    applyPreviewed(ctx, input, await previewImport(ctx.tx, input), input.onProgress),
  );
  if (result.ok) return { ok: true, ...result.data, alreadyApplied: false };
  if (result.code === "CONFLICT") {
    // applied before, or by someone else at this moment: their batch is the one
    const batch = await prisma.importBatch.findFirst({
      where: { campaignId: input.campaignId, kind: IMPORT_KIND[input.kind], fileHash: await fileSha256(input.path) },
      select: { id: true },
    });
    if (batch) return { ok: true, batchId: batch.id, created: 0, updated: 0, unassigned: 0, alreadyApplied: true };
  }
  return { ok: false, code: result.code, message: firstError(result) };
}
