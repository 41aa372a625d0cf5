// The one place a list touches the database: preview a file against the campaign, apply it as one
// batch (all or nothing, the same file twice adds nothing), and undo a batch as a whole.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import type { ImportKind } from "@/generated/prisma/enums";
import { assignableCallers, regionGroups, regionKey, takeLeastLoaded } from "@/lib/assignment";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import type { CheckReport, ListRecord } from "./check";
import { checkListFile } from "./check-file";
import type { HeaderMapping, ListKind, MappingChoice } from "./columns";
import { type CandidatePatch, type CandidateSnapshot, type ImportPlan, type PlannedField, planImport } from "./plan";

const IMPORT_KIND: Record<ListKind, ImportKind> = {
  toudang: "TOUDANG",
  luqu: "LUQU",
  jiaofei: "JIAOFEI",
  baodao: "BAODAO",
};
/** Rows per multi-row INSERT or UPDATE: 100,000 rows are 100 statements, not 100,000. */
const CHUNK = 2000;
const ASSIGNMENT_REASON = "导入时按片区和工作量分配";

export function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

export interface ImportPreview {
  report: CheckReport;
  /** null while the file has row errors or duplicate exam numbers: nothing can be applied then */
  plan: ImportPlan | null;
  records: ListRecord[];
  fileHash: string;
  alreadyApplied: boolean;
  /** the header row and its mapping, for the page to show and correct; null when no row was found */
  header: HeaderMapping | null;
  /** rows that can be applied but not as wished: a new candidate whose region no group covers */
  warnings: RowWarning[];
}

/** Not an error: the row is applied, but the data team should know (see ImportPreview.warnings). */
export interface RowWarning {
  /** the row number as Excel shows it */
  row: number;
  column: string;
  code: "REGION_WITHOUT_GROUP" | "REGION_OF_TWO_GROUPS";
  message: string;
}

/** The campaign's groups by region (lib/assignment): each 市州 in any of its name forms finds its group. */
async function groupsByRegion(db: PrismaClient | Prisma.TransactionClient, campaignId: string) {
  // oldest first: when two groups name one region, the one set up first keeps it
  const groups = await db.group.findMany({
    where: { campaignId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, region: true },
  });
  return regionGroups(groups.map((group) => ({ region: group.region, group })));
}

/** The region column's header as the file writes it, for the warnings to name it. */
function regionHeader(header: HeaderMapping | null): string | null {
  return header?.columns.find((column) => column.field === "region")?.header || null;
}

/** A warning for each new candidate whose region no group covers, or two groups claim. */
function regionWarnings(
  plan: ImportPlan,
  groups: Awaited<ReturnType<typeof groupsByRegion>>,
  regionColumn: string,
): RowWarning[] {
  const shared = new Map(groups.conflicts.map((c) => [c.region, c.groups.map((g) => g.name)]));
  const warnings: RowWarning[] = [];
  for (const { row, patch } of plan.create) {
    const region = patch.region ?? "";
    const group = groups.groupOf(region);
    if (!group) {
      warnings.push({
        row,
        column: regionColumn,
        code: "REGION_WITHOUT_GROUP",
        message: region
          ? `地区“${region}”没有对应的回访小组，该考生将不会分配给任何人。`
          : "没有填写地区，该考生将不会分配给任何人。",
      });
      continue;
    }
    const claimants = shared.get(regionKey(region));
    if (claimants) {
      warnings.push({
        row,
        column: regionColumn,
        code: "REGION_OF_TWO_GROUPS",
        message: `地区“${region}”同时属于${claimants.join("、")}，将分配给${group.name}。`,
      });
    }
  }
  return warnings;
}

async function snapshots(db: PrismaClient | Prisma.TransactionClient, campaignId: string, examNos: string[]) {
  const found = new Map<string, CandidateSnapshot>();
  for (let i = 0; i < examNos.length; i += 5000) {
    const rows = await db.candidate.findMany({
      where: { campaignId, examNo: { in: examNos.slice(i, i + 5000) } },
      select: {
        id: true,
        examNo: true,
        name: true,
        gender: true,
        phones: true,
        region: true,
        school: true,
        major: true,
        firstChoice: true,
        admitted: true,
        paid: true,
        enrollment: true,
      },
    });
    for (const row of rows) found.set(row.examNo, row);
  }
  return found;
}

export async function previewImport(
  // a transaction client works too: under the embedded database (one session) an action must read
  // through its own transaction, never through a second connection, or it waits on itself
  prisma: PrismaClient | Prisma.TransactionClient,
  input: { campaignId: string; kind: ListKind; path: string; mapping?: MappingChoice },
): Promise<ImportPreview> {
  const records: ListRecord[] = [];
  let header: HeaderMapping | null = null;
  const report = await checkListFile(input.path, input.kind, (record) => records.push(record), {
    mapping: input.mapping,
    onHeader: (found) => {
      header = found;
    },
  });
  const fileHash = await fileSha256(input.path);
  const applied = await prisma.importBatch.findFirst({
    where: { campaignId: input.campaignId, kind: IMPORT_KIND[input.kind], fileHash, status: "APPLIED" },
    select: { id: true },
  });
  if (report.errors.length > 0 || report.duplicates.length > 0) {
    return { report, plan: null, records, fileHash, alreadyApplied: Boolean(applied), header, warnings: [] };
  }
  const previous = await prisma.importBatch.findFirst({
    where: { campaignId: input.campaignId, kind: IMPORT_KIND[input.kind], status: "APPLIED" },
    orderBy: { createdAt: "desc" },
    select: { examNos: true },
  });
  const existing = await snapshots(
    prisma,
    input.campaignId,
    records.map((r) => r.examNo),
  );
  const plan = planImport(input.kind, records, existing, previous?.examNos ?? null);
  const regionColumn = regionHeader(header) ?? "地区";
  const warnings =
    plan.create.length > 0 ? regionWarnings(plan, await groupsByRegion(prisma, input.campaignId), regionColumn) : [];
  return { report, plan, records, fileHash, alreadyApplied: Boolean(applied), header, warnings };
}

export type ImportRefusal = "HAS_ERRORS" | "UNKNOWN_EXAM_NOS" | "NOT_FOUND" | "NOT_APPLIED" | "LATER_BATCH" | "IN_USE";

export type ApplyResult =
  | { ok: true; batchId: string; created: number; updated: number; unassigned: number; alreadyApplied: boolean }
  | { ok: false; refusal: ImportRefusal; message: string };

/** Callers of each group who may take candidates, with their current load. */
async function assignmentPlan(tx: Prisma.TransactionClient, campaignId: string) {
  const groups = await groupsByRegion(tx, campaignId);
  const staff = await tx.staffProfile.findMany({
    where: assignableCallers(campaignId),
    select: { userId: true, groupId: true, user: { select: { _count: { select: { assignedCandidates: true } } } } },
  });
  const load = new Map<string, { userId: string; count: number }[]>();
  for (const s of staff) {
    const list = load.get(s.groupId as string) ?? [];
    list.push({ userId: s.userId, count: s.user._count.assignedCandidates });
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
  const assign = await assignmentPlan(tx, input.campaignId);
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
  return {
    ok: true as const,
    batchId: batch.id,
    created: plan.create.length,
    updated: plan.update.length,
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
}

async function insertCandidates(tx: Prisma.TransactionClient, rows: NewCandidateRow[]) {
  const payload = JSON.stringify(rows.map((row) => ({ id: randomUUID(), ...row })));
  return tx.$queryRaw<{ id: string; examNo: string; assignedCallerId: string | null }[]>`
    INSERT INTO "Candidate" (id, "campaignId", "examNo", name, phones, region, gender, school, major,
                             "firstChoice", "groupId", "assignedCallerId", "updatedAt")
    SELECT v.id, v."campaignId", v."examNo", v.name, v.phones, v.region, v.gender, v.school, v.major,
           v."firstChoice", v."groupId", v."assignedCallerId", CURRENT_TIMESTAMP
    FROM jsonb_to_recordset(${payload}::jsonb) AS v(
      id text, "campaignId" text, "examNo" text, name text, phones text[], region text, gender text,
      school text, major text, "firstChoice" boolean, "groupId" text, "assignedCallerId" text)
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
        "version" = c."version" + 1,
        "updatedAt" = CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(${payload}::jsonb) AS v(
        id text, fields text[], "name" text, "gender" text, "phones" text[], "region" text, "school" text,
        "major" text, "firstChoice" boolean, "admitted" boolean, "paid" boolean, "enrollment" text)
      WHERE c.id = v.id`;
    // a candidate deleted since the preview: the whole apply is rolled back rather than half done
    if (count !== chunk.length) throw new Error(`import: ${chunk.length - count} candidates vanished during apply`);
  }
}

/**
 * Applies a list to the campaign in one transaction. Refused, with nothing written, while the file has
 * errors, duplicates, or (for 录取/缴费/报到) exam numbers that were never submitted. The batch row
 * is unique per (campaign, kind, file hash): the same file again, even from two admins at once,
 * applies once.
 */
export async function applyImport(
  prisma: PrismaClient,
  input: {
    campaignId: string;
    kind: ListKind;
    path: string;
    fileName: string;
    userId: string;
    mapping?: MappingChoice;
    onProgress?: ApplyProgress;
  },
): Promise<ApplyResult> {
  const preview = await previewImport(prisma, input);
  const { plan, report } = preview;
  if (!plan) {
    return {
      ok: false,
      refusal: "HAS_ERRORS",
      message: `文件有 ${report.errors.length} 处错误、${report.duplicates.length} 个重复考生号，请改正后再导入。`,
    };
  }
  const existingBatch = () =>
    prisma.importBatch.findFirst({
      where: { campaignId: input.campaignId, kind: IMPORT_KIND[input.kind], fileHash: preview.fileHash },
      select: { id: true },
    });
  if (preview.alreadyApplied) {
    const batch = await existingBatch();
    return { ok: true, batchId: batch?.id ?? "", created: 0, updated: 0, unassigned: 0, alreadyApplied: true };
  }
  if (plan.unknown.length > 0) {
    const rows = plan.unknown
      .slice(0, 10)
      .map((u) => u.row)
      .join("、");
    return {
      ok: false,
      refusal: "UNKNOWN_EXAM_NOS",
      message: `${plan.unknown.length} 个考生号不在投档名单中（第 ${rows} 行等），请先导入投档名单。`,
    };
  }
  try {
    return await prisma.$transaction(
      async (tx) => {
        const applied = await applyPlan(tx, input, preview, plan, input.onProgress);
        await tx.auditLog.create({
          data: {
            actorId: input.userId,
            action: "import.apply",
            entityType: "ImportBatch",
            entityId: applied.batchId,
            after: applyAuditAfter(input, applied),
          },
        });
        return applied;
      },
      { timeout: 300_000 },
    );
  } catch (error) {
    // the same file applied at this moment by someone else: their batch is the one
    if (typeof error === "object" && error !== null && "code" in error && error.code === "P2002") {
      const batch = await existingBatch();
      if (batch) return { ok: true, batchId: batch.id, created: 0, updated: 0, unassigned: 0, alreadyApplied: true };
    }
    throw error;
  }
}

/**
 * Undoes a batch as a whole while no later batch of the campaign was applied on top of it and none
 * of the candidates it created has been worked on (contact logs): created candidates are removed,
 * changed fields get their previous values back.
 */
export async function undoImport(
  prisma: PrismaClient,
  input: { batchId: string; userId: string },
): Promise<ApplyResult> {
  return prisma.$transaction(
    async (tx) => {
      const result = await undoBatch(tx, input.batchId);
      if (result.ok) {
        await tx.auditLog.create({
          data: { actorId: input.userId, action: "import.undo", entityType: "ImportBatch", entityId: input.batchId },
        });
      }
      return result;
    },
    { timeout: 300_000 },
  );
}

/**
 * The undo itself, inside the caller's transaction; the caller writes the audit row. Set-based: every
 * statement joins on the batch's ImportChange rows, so a batch of 100,000 candidates is a handful of
 * statements and never a list of ids as query parameters (PostgreSQL allows 32,767 per statement).
 */
export async function undoBatch(tx: Prisma.TransactionClient, batchId: string): Promise<ApplyResult> {
  // one undo of a batch at a time: a second one waits here, then finds it undone
  const [batch] = await tx.$queryRaw<{ id: string; campaignId: string; status: string; fileHash: string }[]>`
    SELECT id, "campaignId", status::text, "fileHash" FROM "ImportBatch" WHERE id = ${batchId} FOR UPDATE`;
  if (!batch) return { ok: false, refusal: "NOT_FOUND", message: "找不到该导入批次。" };
  if (batch.status !== "APPLIED") return { ok: false, refusal: "NOT_APPLIED", message: "该批次未生效或已撤销。" };
  const later = await tx.$queryRaw<{ later: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ImportBatch" b, "ImportBatch" this
       WHERE this.id = ${batch.id} AND b."campaignId" = this."campaignId" AND b.status = 'APPLIED'
         AND b."createdAt" > this."createdAt") AS later`;
  if (later[0]?.later) return { ok: false, refusal: "LATER_BATCH", message: "之后又导入了名单，请先撤销之后的批次。" };
  // The batch's candidates are locked first, in one statement and in id order, as logContact locks
  // the one it logs for: a contact logged meanwhile either committed before (and is seen below) or
  // waits for the undo and then finds its candidate gone. Nobody waits on anybody in a circle.
  await tx.$queryRaw`
    SELECT count(*)::int AS locked FROM (
      SELECT c.id FROM "Candidate" c JOIN "ImportChange" ch ON ch."candidateId" = c.id
       WHERE ch."batchId" = ${batch.id} ORDER BY c.id FOR UPDATE OF c) AS batch_candidates`;
  const worked = await tx.$queryRaw<{ worked: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ContactLog" l JOIN "ImportChange" ch ON ch."candidateId" = l."candidateId"
       WHERE ch."batchId" = ${batch.id} AND ch.before IS NULL) AS worked`;
  if (worked[0]?.worked) return { ok: false, refusal: "IN_USE", message: "该批次新增的考生已有联系记录，不能撤销。" };
  await tx.$executeRaw`
    DELETE FROM "Candidate" c USING "ImportChange" ch
     WHERE ch."batchId" = ${batch.id} AND ch.before IS NULL AND c.id = ch."candidateId"`;
  // each change restores the fields it recorded (`before` names them), every other column keeps its value
  const updated = await tx.$executeRaw`
    UPDATE "Candidate" AS c SET
      "name" = CASE WHEN ch.before ? 'name' THEN ch.before->>'name' ELSE c."name" END,
      "gender" = CASE WHEN ch.before ? 'gender' THEN ch.before->>'gender' ELSE c."gender" END,
      "phones" = CASE WHEN ch.before ? 'phones'
        THEN ARRAY(SELECT jsonb_array_elements_text(COALESCE(ch.before->'phones', '[]'::jsonb))) ELSE c."phones" END,
      "region" = CASE WHEN ch.before ? 'region' THEN ch.before->>'region' ELSE c."region" END,
      "school" = CASE WHEN ch.before ? 'school' THEN ch.before->>'school' ELSE c."school" END,
      "major" = CASE WHEN ch.before ? 'major' THEN ch.before->>'major' ELSE c."major" END,
      "firstChoice" = CASE WHEN ch.before ? 'firstChoice'
        THEN (ch.before->>'firstChoice')::boolean ELSE c."firstChoice" END,
      "admitted" = CASE WHEN ch.before ? 'admitted' THEN (ch.before->>'admitted')::boolean ELSE c."admitted" END,
      "paid" = CASE WHEN ch.before ? 'paid' THEN (ch.before->>'paid')::boolean ELSE c."paid" END,
      "enrollment" = CASE WHEN ch.before ? 'enrollment'
        THEN (ch.before->>'enrollment')::"EnrollmentStatus" ELSE c."enrollment" END,
      "version" = c."version" + 1,
      "updatedAt" = CURRENT_TIMESTAMP
    FROM "ImportChange" ch
    WHERE ch."batchId" = ${batch.id} AND ch.before IS NOT NULL AND c.id = ch."candidateId"`;
  await tx.importBatch.update({
    where: { id: batch.id },
    // the hash is unique per campaign and kind; the undone batch gives it up, so the same file
    // can be applied again later, and keeps it readable after a marker
    data: { status: "UNDONE", undoneAt: new Date(), fileHash: `${batch.fileHash}#undone:${batch.id}` },
  });
  return { ok: true, batchId: batch.id, created: 0, updated, unassigned: 0, alreadyApplied: false };
}
