// Applying a list file to the campaign as one batch (all or nothing, the same file twice adds nothing),
// streamed: the file is checked as it is read, chunk by chunk, each chunk compared with the campaign's
// candidates and written in one multi-row statement (the new candidates with their assignment and undo
// record, or the changes with theirs). No more than two chunks of rows are held at once.
import { ActionError, type ActionErrorCode } from "@/lib/action/errors";
import { firstError } from "@/lib/action/result";
import type { ActionContext } from "@/lib/action/run";
import { runAs, type SystemActionConfig } from "@/lib/action/system";
import { assignableCallers, callerLoads, takeLeastLoaded } from "@/lib/assignment";
import { type BulkStatement, bulkStatements, type Prisma, type PrismaClient } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { text } from "@/lib/i18n/text";
import { recordImport } from "@/lib/metrics";
import { linkMatchedProspects, listKeys, prospectRowFilter } from "@/lib/prospects/link";
import type { ListRecord } from "./check";
import { checkListFile } from "./check-file";
import { ChunkEncoder } from "./chunk-encoder";
import type { ListKind, MappingChoice } from "./columns";
import {
  type CandidatePatch,
  type CandidateSnapshot,
  type FieldChange,
  offTheRecord,
  type PlannedField,
  planRow,
} from "./plan";
import { fileSha256, groupsByRegion, IMPORT_KIND } from "./preview";

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

/** A new candidate as the apply writes it. */
interface NewCandidateRow {
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

/** A changed candidate: the fields it had and the ones the list gives (the keys of `after` are the fields set). */
interface ChangedCandidateRow {
  id: string;
  before: CandidatePatch;
  after: CandidatePatch;
}

/**
 * The fields of a candidate a list compares, read for a chunk of exam numbers in one statement. The
 * numbers go as one JSON parameter: as a text[] parameter the same query took four times as long
 * (2,000 numbers: 45 ms against 11 ms), most of it in Prisma's handling of the array.
 */
async function snapshots(tx: Prisma.TransactionClient, campaignId: string, examNos: string[]) {
  const rows = await tx.$queryRaw<CandidateSnapshot[]>`
    SELECT id, "examNo", name, gender, phones, region, school, major, "firstChoice", admitted, paid,
           enrollment::text AS enrollment, "enrollmentRecord"::text AS "enrollmentRecord"
    FROM "Candidate"
    WHERE "campaignId" = ${campaignId}
      AND "examNo" IN (SELECT jsonb_array_elements_text(${JSON.stringify(examNos)}::jsonb))`;
  return new Map(rows.map((row) => [row.examNo, row]));
}

function fieldsOf(changes: Partial<Record<PlannedField, FieldChange>>, side: keyof FieldChange): CandidatePatch {
  return Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change[side]]));
}

/** 报到: the candidates an earlier list put on the record whom this list no longer names come off it. */
async function offTheRecordRows(
  tx: Prisma.TransactionClient,
  campaignId: string,
  inThisList: ReadonlySet<string>,
  /** the last chunk's statement: one statement at a time on the transaction's connection */
  writing: Promise<void>,
) {
  await writing;
  const onTheRecord = await tx.candidate.findMany({
    where: { campaignId, enrollmentRecord: "LIST" },
    select: { id: true, examNo: true, enrollmentRecord: true },
  });
  return onTheRecord.flatMap((candidate): ChangedCandidateRow[] => {
    const changes = offTheRecord(candidate, inThisList);
    return changes
      ? [{ id: candidate.id, before: fieldsOf(changes, "before"), after: fieldsOf(changes, "after") }]
      : [];
  });
}

/**
 * Applies a list file inside the caller's transaction. Refused (ActionError) when the file has errors
 * or duplicates, was applied already (CONFLICT), or names exam numbers never submitted (录取/缴费/报到
 * before the 投档 list). The file is read once and never held: the batch row first (unique per file, so
 * a second identical apply fails on it), then the rows as they are checked, each CHUNK compared with its
 * candidates in one query and written in one statement (new candidates with their assignment, recorded
 * for undo in one ImportCreated row, or changes, each recorded in ImportChange) while the next chunk is
 * read. The first row that is not valid and unique stops the writing, and the refusal rolls back what
 * was written: the campaign never sees part of a list. Reading once lets the writes hide the reading
 * (a second core parses while PostgreSQL writes); a first pass that only checked cost a tenth of a
 * csv's apply and a fifth of an xlsx's (bench:import).
 * The caller writes the audit row.
 */
export async function applyListFile(
  tx: Prisma.TransactionClient,
  input: {
    campaignId: string;
    kind: ListKind;
    path: string;
    fileName: string;
    userId: string;
    mapping?: MappingChoice;
    /** the file's sha-256 when already known: a stored upload's, checked as it was read */
    fileHash?: string;
    /** the rows the preview counted, for the progress told to `onProgress`; the apply counts its own */
    expectedRows?: number;
  },
  onProgress?: ApplyProgress,
) {
  const { campaignId, kind } = input;
  const fileHash = input.fileHash ?? (await fileSha256(input.path));
  const applied = await tx.importBatch.findFirst({
    where: { campaignId, kind: IMPORT_KIND[kind], fileHash, status: "APPLIED" },
    select: { id: true },
  });
  // the same file again: its batch stands, and the file need not even be read
  if (applied) throw new ActionError("CONFLICT");
  const refusedFile = () => new ActionError("INVALID_INPUT", { fileHash: [text("imports.applyErrors.fileHasErrors")] });

  const batch = await tx.importBatch.create({
    data: {
      campaignId,
      kind: IMPORT_KIND[kind],
      fileName: input.fileName,
      fileHash,
      status: "APPLIED",
      createdById: input.userId,
      appliedAt: new Date(),
    },
    select: { id: true },
  });
  const assign = await assignmentPlan(tx, campaignId, new Date());
  const send = await bulkStatements(tx);
  // the new candidates of a chunk are encoded as each row is planned, in two encoders in turn: one
  // chunk's bytes on their way while the next chunk's rows are added
  const creates: [ChunkEncoder, ChunkEncoder] = [new ChunkEncoder(), new ChunkEncoder()];
  let filling: 0 | 1 = 0;
  const changes = new ChunkEncoder();
  // a campaign's first list (its 投档 list, the largest) finds no candidate to compare with: nothing is
  // read per chunk, since the rows of this list are each written once (a second row of an exam number
  // stops the apply), and each row is planned as it is read
  const startsEmpty = (await tx.candidate.findFirst({ where: { campaignId }, select: { id: true } })) === null;
  const mayMatchProspect = kind === "toudang" ? await prospectRowFilter(tx, campaignId) : null;
  const prospectRows: ReturnType<typeof listKeys> = [];
  const examNos: string[] = [];
  let total = input.expectedRows ?? 0;
  let written = 0;
  let created = 0;
  let updated = 0;
  let unknown = 0;
  let unassigned = 0;
  let updates: ChangedCandidateRow[] = [];
  let planned = 0;
  /** the statement of the chunk before, running while this one is read */
  let writing: Promise<void> = Promise.resolve();
  const write = (newRows: { payload: Buffer; count: number } | null, changed: ChangedCandidateRow[], rows: number) => {
    writing = (async () => {
      if (newRows) await insertCandidates(send, campaignId, batch.id, created, newRows.payload);
      if (changed.length > 0) {
        const count = await patchCandidates(send, batch.id, changes.encode(changed));
        // a candidate deleted since the chunk was read: the whole apply is rolled back rather than half done
        if (count !== changed.length) {
          throw new Error(`import: ${changed.length - count} candidates vanished during apply`);
        }
      }
      created += newRows?.count ?? 0;
      updated += changed.length;
      written += rows;
      total = Math.max(total, written);
      await onProgress?.({ written, total });
    })();
    // awaited before the next statement; until then its failure must not count as unhandled
    writing.catch(() => undefined);
  };

  const planRecord = (record: ListRecord, current: CandidateSnapshot | undefined) => {
    const plan = planRow(kind, record, current);
    if (plan.action === "create") {
      const { patch } = plan;
      const { groupId, callerId } = assign.pick(patch.region ?? "");
      if (!callerId) unassigned += 1;
      creates[filling].add({
        examNo: record.examNo,
        name: patch.name ?? "",
        phones: patch.phones ?? [],
        region: patch.region ?? "",
        gender: patch.gender ?? null,
        school: patch.school ?? null,
        major: patch.major ?? null,
        firstChoice: patch.firstChoice ?? null,
        groupId,
        assignedCallerId: callerId,
      } satisfies NewCandidateRow);
    } else if (plan.action === "update" && current) {
      const { changes: fields } = plan;
      updates.push({ id: current.id, before: fieldsOf(fields, "before"), after: fieldsOf(fields, "after") });
    } else if (plan.action === "unknown") unknown += 1;
    if (mayMatchProspect) prospectRows.push(...listKeys([record]).filter(mayMatchProspect));
    planned += 1;
  };
  /** the planned rows as one chunk's statement (after the chunk before: one statement at a time) */
  const writePlanned = async () => {
    if (planned === 0) return;
    await writing;
    const encoder = creates[filling];
    const newRows = encoder.count > 0 ? { count: encoder.count, payload: encoder.take() } : null;
    const changed = updates;
    const rows = planned;
    updates = [];
    planned = 0;
    filling = filling === 0 ? 1 : 0;
    // a list naming exam numbers never submitted is refused below: nothing more is written for it
    if (unknown === 0) write(newRows, changed, rows);
  };

  let waiting: ListRecord[] = [];
  const planAndWrite = async () => {
    const records = waiting;
    waiting = [];
    if (records.length === 0) return;
    // the snapshots are read on the transaction's connection, after the chunk before
    await writing;
    const existing = await snapshots(
      tx,
      campaignId,
      records.map((r) => r.examNo),
    );
    for (const record of records) planRecord(record, existing.get(record.examNo));
    await writePlanned();
  };
  const report = await checkListFile(
    input.path,
    kind,
    async (record, clean) => {
      if (!clean) {
        // a row with an error or a second row with this exam number: nothing more is written, and the
        // refusal rolls back what was (the chunk on its way first, so the connection is free)
        await writing.catch(() => undefined);
        throw refusedFile();
      }
      examNos.push(record.examNo);
      if (startsEmpty) {
        planRecord(record, undefined);
        if (planned === CHUNK) await writePlanned();
      } else {
        waiting.push(record);
        if (waiting.length === CHUNK) await planAndWrite();
      }
    },
    { mapping: input.mapping },
  );
  if (report.errors.length > 0 || report.duplicates.length > 0) {
    await writing.catch(() => undefined);
    throw refusedFile();
  }
  await planAndWrite();
  await writePlanned();
  // 报到: whom an earlier list put on the record and this one no longer names, known once it is all read
  const offRecord = kind === "baodao" ? await offTheRecordRows(tx, campaignId, new Set(examNos), writing) : [];
  total = Math.max(total, report.valid + offRecord.length);
  for (let i = 0; i < offRecord.length; i += CHUNK) {
    await writing;
    write(null, offRecord.slice(i, i + CHUNK), Math.min(CHUNK, offRecord.length - i));
  }
  await writing;
  if (unknown > 0) {
    throw new ActionError("INVALID_INPUT", {
      fileHash: [text("imports.applyErrors.unknownExamNos", { count: unknown })],
    });
  }
  await recordListOnBatch(tx, batch.id, examNos);
  await tx.importBatch.update({
    where: { id: batch.id },
    data: { rowsRead: report.rows, rowsNew: created, rowsChanged: updated },
  });
  // phase 1's prospects the list names are linked to their candidates, assigned by region above as usual
  const prospectsLinked =
    prospectRows.length > 0 ? await linkMatchedProspects(tx, campaignId, prospectRows, new Date()) : 0;
  return { batchId: batch.id, rowsRead: report.rows, created, updated, prospectsLinked, unassigned };
}

/**
 * Keeps every exam number of the list on its batch, for the next list of this kind to tell who went
 * missing, and counts those of the previous list of this kind that this one no longer names. One JSON
 * parameter: a 100,000-element array parameter costs Prisma's query compiler far more.
 */
async function recordListOnBatch(tx: Prisma.TransactionClient, batchId: string, examNos: string[]) {
  await tx.$executeRaw`
    UPDATE "ImportBatch" AS b SET
      "examNos" = list."examNos",
      "rowsMissing" = (
        SELECT count(*) FROM (
          SELECT unnest((
            SELECT p."examNos" FROM "ImportBatch" p
            WHERE p."campaignId" = b."campaignId" AND p.kind = b.kind AND p.status = 'APPLIED' AND p.id <> b.id
            ORDER BY p."createdAt" DESC LIMIT 1))
          EXCEPT
          SELECT unnest(list."examNos")
        ) AS missing)
    FROM (SELECT ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(examNos)}::jsonb)) AS "examNos") AS list
    WHERE b.id = ${batchId}`;
}

// Bulk writes are plain SQL from one JSON parameter per chunk, sent on the transaction's own connection
// (lib/db bulkStatements). Prisma 6's createMany caches a query plan per batch shape, which held over
// 1.5 GB for a 100,000-row list (prisma/prisma#29331, bench:import), and its raw queries copy every
// parameter several times through its query compiler.

/**
 * A chunk of new candidates in one statement: the candidates, the assignment of those with a caller,
 * and one ImportCreated row naming them all for undo.
 *
 * Their ids are the batch's id and their place among the batch's new candidates (8 digits: a 50 MB file
 * holds under 3 million rows), the assignment's the candidate's and "a". Ordered ids are appended at the right of
 * each primary-key index instead of landing at random pages, as random UUIDs did: a 100,000-row list
 * applies about a fifth faster (bench:import). Batch ids are cuids, which start with their time, so
 * the next batch appends too.
 */
async function insertCandidates(
  send: BulkStatement,
  campaignId: string,
  batchId: string,
  firstIndex: number,
  payload: Buffer,
) {
  await send(
    `WITH created AS (
      INSERT INTO "Candidate" (id, "campaignId", "examNo", name, phones, region, gender, school, major,
                               "firstChoice", "groupId", "assignedCallerId", "creditCallerId", "updatedAt")
      -- pay credit follows the holder until the first admission list admits the candidate
      SELECT $2 || 'c' || lpad(($5::int + row_number() OVER ())::text, 8, '0'), $1, "examNo", name, phones,
             region, gender, school, major, "firstChoice", "groupId", "assignedCallerId", "assignedCallerId",
             CURRENT_TIMESTAMP
      FROM jsonb_to_recordset(convert_from($3::bytea, 'UTF8')::jsonb) AS v("examNo" text, name text, phones text[], region text,
             gender text, school text, major text, "firstChoice" boolean, "groupId" text, "assignedCallerId" text)
      RETURNING id, "assignedCallerId"
    ), assigned AS (
      INSERT INTO "Assignment" (id, "candidateId", "callerId", reason)
      SELECT id || 'a', id, "assignedCallerId", $4
      FROM created WHERE "assignedCallerId" IS NOT NULL
    )
    INSERT INTO "ImportCreated" (id, "batchId", "candidateIds")
    SELECT gen_random_uuid()::text, $2, array_agg(id) FROM created`,
    [campaignId, batchId, payload, ASSIGNMENT_REASON, firstIndex],
  );
}

/**
 * Sets some fields of a chunk of candidates in one UPDATE ... FROM jsonb_to_recordset, and records each
 * change for undo in the same statement: each row's `after` names the fields it sets, every other column
 * keeps its value. Bumps the version, so a leader's page opened before the import is refused as stale
 * rather than overwriting it. Returns how many candidates it changed.
 */
async function patchCandidates(send: BulkStatement, batchId: string, payload: Buffer) {
  return send(
    `WITH v AS (
      SELECT * FROM jsonb_to_recordset(convert_from($2::bytea, 'UTF8')::jsonb) AS v(id text, before jsonb, after jsonb)
    ), patched AS (
      UPDATE "Candidate" AS c SET
        "name" = CASE WHEN v.after ? 'name' THEN v.after->>'name' ELSE c."name" END,
        "gender" = CASE WHEN v.after ? 'gender' THEN v.after->>'gender' ELSE c."gender" END,
        "phones" = CASE WHEN v.after ? 'phones'
          THEN ARRAY(SELECT jsonb_array_elements_text(COALESCE(v.after->'phones', '[]'::jsonb))) ELSE c."phones" END,
        "region" = CASE WHEN v.after ? 'region' THEN v.after->>'region' ELSE c."region" END,
        "school" = CASE WHEN v.after ? 'school' THEN v.after->>'school' ELSE c."school" END,
        "major" = CASE WHEN v.after ? 'major' THEN v.after->>'major' ELSE c."major" END,
        "firstChoice" = CASE WHEN v.after ? 'firstChoice'
          THEN (v.after->>'firstChoice')::boolean ELSE c."firstChoice" END,
        "admitted" = CASE WHEN v.after ? 'admitted' THEN (v.after->>'admitted')::boolean ELSE c."admitted" END,
        "paid" = CASE WHEN v.after ? 'paid' THEN (v.after->>'paid')::boolean ELSE c."paid" END,
        "enrollment" = CASE WHEN v.after ? 'enrollment'
          THEN (v.after->>'enrollment')::"EnrollmentStatus" ELSE c."enrollment" END,
        "enrollmentRecord" = CASE WHEN v.after ? 'enrollmentRecord'
          THEN (v.after->>'enrollmentRecord')::"EnrollmentRecord" ELSE c."enrollmentRecord" END,
        -- admitted by this list: the candidate counts for whoever holds them now, and the credit stays
        -- put from here on (moves that carry it: lib/assignment)
        "creditCallerId" = CASE WHEN v.after ? 'admitted' AND (v.after->>'admitted')::boolean AND NOT c."admitted"
          THEN c."assignedCallerId" ELSE c."creditCallerId" END,
        "version" = c."version" + 1,
        "updatedAt" = CURRENT_TIMESTAMP
      FROM v
      WHERE c.id = v.id
      RETURNING c.id, v.before, v.after
    )
    INSERT INTO "ImportChange" (id, "batchId", "candidateId", before, after)
    SELECT gen_random_uuid()::text, $1, id, before, after FROM patched`,
    [batchId, payload],
  );
}

/**
 * The apply of a list file inside an action's transaction, the same for the import page's action and
 * the command line (applyListFile says when it is refused); then its one audit row is described.
 */
export async function applyInAction(
  { tx, user, audit }: ActionContext,
  input: {
    campaignId: string;
    kind: ListKind;
    path: string;
    fileName: string;
    mapping?: MappingChoice;
    fileHash?: string;
    expectedRows?: number;
  },
  onProgress?: ApplyProgress,
) {
  const startedAt = performance.now();
  const applied = await applyListFile(tx, { ...input, userId: user.id }, onProgress);
  recordImport(input.kind, applied.rowsRead, (performance.now() - startedAt) / 1000);
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
  const result = await runAs(prisma, input.by, APPLY_LIST, (ctx) => applyInAction(ctx, input, input.onProgress));
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
