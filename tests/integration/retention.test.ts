// docs/reliability.md #21: a campaign's candidate data is anonymised once its retention period has passed.
// The fixture fills every place personal data can sit (through the real actions where they exist), then
// the whole database's text is searched for the fixture's distinctive names, exam numbers, phones and notes.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editContact, logContact, revealPhone } from "@/app/(app)/calls/actions";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { storeUpload } from "@/lib/import/uploads";
import { projectPayouts } from "@/lib/payouts";
import { payoutSnapshot } from "@/lib/payouts/runs";
import {
  ANONYMOUS_NAME,
  anonymiseCampaign,
  anonymousExamNo,
  previewAnonymise,
  REDACTED_WEEKLY_BODY,
  runRetention,
  sweepExpiredUploads,
  totalOf,
} from "@/lib/retention";
import { bytesOf, databaseStore, smallFile } from "@/lib/storage";
import { buildDraft, type WeekFigures } from "@/lib/weekly/draft";
import { buildCallsFixture, type CallsFixture, tinyJpeg } from "../support/calls-fixtures";
import { makeRetentionDue } from "../support/retention";
import { signInAs } from "../support/session";

/** Every (table, column) of the public schema whose text contains `needle`, read generically. */
async function whereInDatabase(needle: string): Promise<string[]> {
  const columns = await db().$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name::text, column_name::text FROM information_schema.columns
     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY', 'bytea')`;
  const hits: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await db().$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text LIKE '%' || $1 || '%'`,
      needle,
    );
    if ((rows[0]?.n ?? 0) > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits;
}

function distinctivePhone(): string {
  return `139${String(randomBytes(4).readUInt32BE(0) % 1e8).padStart(8, "0")}`;
}

interface Planted {
  fx: CallsFixture;
  control: CallsFixture;
  /** strings that must be gone from the whole database after the anonymisation */
  secrets: string[];
  examNo: string;
  logId: string;
  findingId: string;
  staffAuditId: string;
  payoutRunId: string;
}

/** A phase-4 campaign with personal data in every place the anonymisation must reach. */
async function plant(): Promise<Planted> {
  const prisma = db();
  const fx = await buildCallsFixture({ openPhase: 4 });

  const name = fx.candidateA.name;
  const phone = distinctivePhone();
  const phone2 = distinctivePhone();
  const school = `蓉城第${fx.tag}中学`;
  const noShow = `家里有事${fx.tag}`;
  const candidate = await prisma.candidate.update({
    where: { id: fx.candidateA.id },
    data: { phones: [phone, phone2], school, major: `护理${fx.tag}`, gender: "女", noShowReason: noShow },
  });
  const examNo = candidate.examNo;
  const noteOne = `考生${name}说手机${phone}白天不便${fx.tag}`;
  const noteTwo = `已改：${name}改用${phone2}${fx.tag}`;

  signInAs(fx.users.callerA);
  const logged = await logContact({
    candidateId: candidate.id,
    idempotencyKey: randomUUID(),
    channel: "PHONE",
    durationSeconds: "240",
    outcome: "CONSULTED",
    notes: noteOne,
  });
  if (!logged.ok) throw new Error(`logContact: ${logged.error}`);
  const logId = logged.data.logId;
  const edited = await editContact({ logId, channel: "PHONE", durationSeconds: "300", notes: noteTwo });
  if (!edited.ok) throw new Error(`editContact: ${edited.error}`);
  const revealed = await revealPhone({ candidateId: candidate.id, index: 0 });
  if (!revealed.ok) throw new Error(`revealPhone: ${revealed.error}`);

  // a second campaign with a long retention period: it must be left entirely alone. Made after the
  // actions above, which write to the campaign in use only: the newest one, until an admin marks one
  const control = await buildCallsFixture({ openPhase: 4 });
  await prisma.campaign.update({ where: { id: control.campaign.id }, data: { retentionDays: 3650 } });

  const advice = `请再联系${name}的母亲${fx.tag}`;
  const escalation = await prisma.escalation.create({
    data: {
      campaignId: fx.campaign.id,
      candidateId: candidate.id,
      reason: "PHONE_OFF",
      fromUserId: fx.users.callerA.id,
      advice,
      resolution: `${name}已联系上${fx.tag}`,
    },
  });
  const reviewReason = `${name}签名不清${fx.tag}`;
  const withdrawal = await prisma.withdrawalRequest.create({
    data: {
      campaignId: fx.campaign.id,
      candidateId: candidate.id,
      callerId: fx.users.callerA.id,
      reviewReason,
      photos: {
        create: {
          mimeType: "image/jpeg",
          size: tinyJpeg().length,
          file: {
            create: smallFile(
              {
                kind: "WITHDRAWAL_PHOTO",
                key: `fixture/${candidate.id}`,
                mimeType: "image/jpeg",
                campaignId: fx.campaign.id,
              },
              tinyJpeg(),
            ),
          },
        },
      },
    },
    include: { photos: true },
  });
  const batch = await prisma.importBatch.create({
    data: {
      campaignId: fx.campaign.id,
      kind: "TOUDANG",
      fileName: "投档名单.xlsx",
      fileHash: randomUUID(),
      status: "APPLIED",
      examNos: [examNo],
      createdById: fx.users.data.id,
      changes: { create: { candidateId: candidate.id, before: { name, phones: [phone] }, after: { name, examNo } } },
    },
  });
  const evidence = `电话核实：${name}（${phone}）称未接到电话${fx.tag}`;
  const inspection = await prisma.inspection.create({
    data: {
      campaignId: fx.campaign.id,
      contactLogId: logId,
      inspectorId: fx.users.inspector.id,
      reason: "SAMPLE",
      weekStart: new Date("2024-07-15"),
      verdict: "FALSE",
      evidence,
    },
  });
  const finding = await prisma.finding.create({
    data: {
      campaignId: fx.campaign.id,
      inspectionId: inspection.id,
      callerId: fx.users.callerA.id,
      inspectorId: fx.users.inspector.id,
      kind: "FRAUD",
      deductionPercent: 30,
      description: `回访人员虚报与${name}的通话`,
    },
  });
  const person = { name, examNo, caller: fx.users.callerA.name };
  const figures: WeekFigures = {
    weekStart: "2024-07-15",
    contacts: 3,
    minutes: 9,
    admitted: 1,
    enrolled: 0,
    enrolledThisWeek: 0,
    newWithdrawals: [person],
    hesitant: [],
    willNotCome: [person],
    notEnrolled: [person],
    unreachable: [],
    escalationsOpened: 1,
    escalationsClosed: 0,
    standard: { contacts: 4, minutes: 20 },
    laggards: [],
  };
  // a list uploaded for each campaign and never applied: the due campaign's must go with its data
  for (const campaign of [fx.campaign, control.campaign]) {
    await storeUpload(
      databaseStore(prisma),
      bytesOf(Buffer.from(`考生号,姓名,联系电话\r\n${examNo},${name},${phone}\r\n${campaign.id}`)),
      {
        format: "csv",
        campaignId: campaign.id,
        maxBytes: 1024,
      },
    );
  }

  await prisma.weeklyReport.create({
    data: {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      weekStart: new Date("2024-07-15"),
      body: buildDraft("甲组", "2024-07-15", figures),
      figures: figures as unknown as Prisma.InputJsonValue,
    },
  });

  // audit rows as the actions write them, for the entities that have no action in this fixture
  const audit = (entityType: string, entityId: string, before: unknown, after: unknown) =>
    prisma.auditLog.create({
      data: {
        actorId: fx.users.leaderA.id,
        action: `test.${entityType}`,
        entityType,
        entityId,
        before: before as Prisma.InputJsonValue,
        after: after as Prisma.InputJsonValue,
      },
    });
  await audit("Escalation", escalation.id, { advice: null }, { advice });
  await audit("WithdrawalRequest", withdrawal.id, null, { reviewReason });
  await audit("ImportBatch", batch.id, null, { examNos: [examNo] });
  await audit("Inspection", inspection.id, null, { evidence });
  await audit("Candidate", candidate.id, { name, phones: [phone, phone2], school }, { noShowReason: noShow });
  // about staff only: kept as it is
  const staffAudit = await audit("Finding", finding.id, null, { kind: "FRAUD", deductionPercent: 30 });

  const snapshot = await payoutSnapshot(prisma, fx.campaign.id);
  const run = await prisma.payoutRun.create({
    data: {
      campaignId: fx.campaign.id,
      version: 1,
      policy: snapshot.policy as unknown as Prisma.InputJsonValue,
      inputs: { input: snapshot.input, names: snapshot.names } as unknown as Prisma.InputJsonValue,
      result: snapshot.result as unknown as Prisma.InputJsonValue,
      totalFen: snapshot.result.totalFen,
      signedOffById: fx.users.admin.id,
    },
  });
  signInAs(null);

  return {
    fx,
    control,
    secrets: [name, examNo, phone, phone2, school, noShow, noteOne, noteTwo, advice, reviewReason, evidence],
    examNo,
    logId,
    findingId: finding.id,
    staffAuditId: staffAudit.id,
    payoutRunId: run.id,
  };
}

async function figuresOf(campaignId: string) {
  const prisma = db();
  const [tallies, groupDays, callers, payouts] = await Promise.all([
    prisma.candidateTally.findMany({ where: { campaignId }, orderBy: [{ groupId: "asc" }, { callerId: "asc" }] }),
    prisma.groupDayTally.findMany({ where: { campaignId }, orderBy: [{ groupId: "asc" }, { day: "asc" }] }),
    prisma.callerTally.findMany({ where: { campaignId }, orderBy: { callerId: "asc" } }),
    projectPayouts(prisma, campaignId),
  ]);
  return { tallies, groupDays, callers, payouts: payouts.result };
}

/** Everything of a campaign a second run could touch, to compare two states. */
async function stateOf(campaignId: string) {
  const prisma = db();
  return {
    candidates: await prisma.candidate.findMany({ where: { campaignId }, orderBy: { id: "asc" } }),
    logs: await prisma.contactLog.findMany({ where: { campaignId }, orderBy: { id: "asc" } }),
    escalations: await prisma.escalation.findMany({ where: { campaignId }, orderBy: { id: "asc" } }),
    weekly: await prisma.weeklyReport.findMany({ where: { campaignId }, orderBy: { id: "asc" } }),
    findings: await prisma.finding.findMany({ where: { campaignId }, orderBy: { id: "asc" } }),
    audit: await prisma.auditLog.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("retention: anonymising a campaign after its retention period", () => {
  let p: Planted;
  let dueAt: Date;
  let figuresBefore: Awaited<ReturnType<typeof figuresOf>>;

  beforeAll(async () => {
    p = await plant();
    dueAt = await makeRetentionDue(p.fx.campaign.id);
    figuresBefore = await figuresOf(p.fx.campaign.id);
  }, 60_000);

  it("the fixture really holds the personal data the test looks for", async () => {
    for (const secret of p.secrets) expect(await whereInDatabase(secret), secret).not.toEqual([]);
    expect(await whereInDatabase(p.secrets[0] as string)).toContain("AuditLog.after");
  });

  it("does nothing before the due date (one millisecond before)", async () => {
    const auditRows = await db().auditLog.count();
    const entries = await runRetention(db(), { now: new Date(dueAt.getTime() - 1), apply: true });
    expect(entries.find((e) => e.id === p.fx.campaign.id)).toMatchObject({ due: false, dueAt });
    expect(entries.every((e) => !e.due)).toBe(true);
    for (const secret of p.secrets) expect(await whereInDatabase(secret), secret).not.toEqual([]);
    expect(await db().auditLog.count()).toBe(auditRows);
  });

  it("previews what is due without writing", async () => {
    const before = await stateOf(p.fx.campaign.id);
    const entries = await runRetention(db(), { now: dueAt, apply: false });
    const entry = entries.find((e) => e.id === p.fx.campaign.id);
    expect(entry?.due).toBe(true);
    expect(entry?.counts).toMatchObject({
      candidates: 2,
      contactNotes: 1,
      escalationTexts: 1,
      withdrawalReasons: 1,
      withdrawalPhotos: 1,
      listUploads: 1,
      importChanges: 1,
      importLists: 1,
      weeklyReports: 1,
      inspectionEvidence: 1,
      findingTexts: 1,
    });
    // contact.create, contact.update, candidate.revealPhone and the five planted ones
    expect(entry?.counts?.auditRows).toBe(8);
    expect(entries.find((e) => e.id === p.control.campaign.id)?.due).toBe(false);
    expect(await stateOf(p.fx.campaign.id)).toEqual(before);
  });

  it("at the due date, removes every trace of the candidates and keeps the figures", async () => {
    const controlBefore = await stateOf(p.control.campaign.id);
    const entries = await runRetention(db(), { now: dueAt, apply: true });
    const entry = entries.find((e) => e.id === p.fx.campaign.id);
    expect(entry).toMatchObject({ due: true, changed: true });
    expect(entry?.error).toBeUndefined();

    for (const secret of p.secrets) expect(await whereInDatabase(secret), secret).toEqual([]);

    const prisma = db();
    const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: p.fx.candidateA.id } });
    expect(candidate).toMatchObject({
      name: ANONYMOUS_NAME,
      examNo: anonymousExamNo(p.fx.campaign.id, p.examNo),
      phones: [],
      school: null,
      major: null,
      gender: null,
      noShowReason: null,
      groupId: p.fx.groupA.id,
      assignedCallerId: p.fx.users.callerA.id,
      region: "成都",
    });
    const log = await prisma.contactLog.findUniqueOrThrow({ where: { id: p.logId } });
    expect(log).toMatchObject({ notes: null, durationSeconds: 300, outcome: "CONSULTED" });
    expect(await prisma.withdrawalPhoto.count({ where: { request: { campaignId: p.fx.campaign.id } } })).toBe(0);
    // no file of the campaign is left in the storage module (the uploaded list, the photo's file)
    expect(await prisma.storedFile.count({ where: { campaignId: p.fx.campaign.id } })).toBe(0);
    expect(await prisma.storedFileChunk.count({ where: { file: { campaignId: p.fx.campaign.id } } })).toBe(0);
    expect(await prisma.storedFile.count({ where: { campaignId: p.control.campaign.id, kind: "LIST_UPLOAD" } })).toBe(
      1,
    );
    expect(await prisma.withdrawalRequest.count({ where: { campaignId: p.fx.campaign.id } })).toBe(1);
    const finding = await prisma.finding.findUniqueOrThrow({ where: { id: p.findingId } });
    expect(finding.description).toBe("回访人员虚报与[已匿名]的通话");
    expect(finding.deductionPercent).toBe(30);
    const weekly = await prisma.weeklyReport.findFirstOrThrow({ where: { campaignId: p.fx.campaign.id } });
    expect(weekly.body).toBe(REDACTED_WEEKLY_BODY);
    expect(weekly.figures).toMatchObject({
      contacts: 3,
      newWithdrawals: [],
      willNotCome: [],
      notEnrolled: [],
      anonymisedCounts: { newWithdrawals: 1, hesitant: 0, willNotCome: 1, notEnrolled: 1, unreachable: 0 },
    });
    const redactedAudit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "ContactLog", entityId: p.logId, action: "contact.update" },
    });
    expect(redactedAudit).toMatchObject({ actorId: p.fx.users.callerA.id, before: { redacted: true } });
    expect(redactedAudit.after).toEqual({ redacted: true });
    const staffAudit = await prisma.auditLog.findUniqueOrThrow({ where: { id: p.staffAuditId } });
    expect(staffAudit.after).toEqual({ kind: "FRAUD", deductionPercent: 30 });

    const own = await prisma.auditLog.findMany({
      where: { action: "retention.anonymise", entityId: p.fx.campaign.id },
    });
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ entityType: "Campaign", after: { candidates: 2, auditRows: 8 } });

    expect(await figuresOf(p.fx.campaign.id)).toEqual(figuresBefore);
    const run = await prisma.payoutRun.findUniqueOrThrow({ where: { id: p.payoutRunId } });
    expect(run.totalFen).toBe(figuresBefore.payouts.totalFen);
    expect(run.result).toEqual(JSON.parse(JSON.stringify(figuresBefore.payouts)));
    // the other campaign is untouched
    expect(await stateOf(p.control.campaign.id)).toMatchObject({
      candidates: controlBefore.candidates,
      logs: controlBefore.logs,
    });
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: p.control.candidateA.id } })).name).toBe(
      p.control.candidateA.name,
    );
  }, 60_000);

  it("a second run changes nothing more and says so", async () => {
    const before = await stateOf(p.fx.campaign.id);
    expect(totalOf(await previewAnonymise(db(), p.fx.campaign.id))).toBe(0);
    const result = await anonymiseCampaign(db(), p.fx.campaign.id);
    expect(result.changed).toBe(false);
    expect(totalOf(result.counts)).toBe(0);
    const entries = await runRetention(db(), { now: dueAt, apply: true });
    expect(entries.find((e) => e.id === p.fx.campaign.id)).toMatchObject({ changed: false });
    expect(await stateOf(p.fx.campaign.id)).toEqual(before);
  });
});

// The trigger's rule, exercised as the audit log's owner (the role audit_redact_campaign runs as): the
// app's role is refused any UPDATE or DELETE before the trigger runs (tests/integration/db-roles.test.ts).
describe("the audit log's one exception, as its owner (migrations audit_redaction, database_roles)", () => {
  let rowId: string;
  const owner = createPrismaClient(process.env.DATABASE_OWNER_URL as string, { poolSize: 2 });
  afterAll(() => owner.$disconnect());

  beforeAll(async () => {
    const row = await owner.auditLog.create({
      data: { action: "test.trigger", entityType: "Candidate", entityId: "x", before: { a: 1 }, after: { name: "某" } },
    });
    rowId = row.id;
  });

  const redact = (tx: Prisma.TransactionClient) =>
    tx.$queryRaw`SELECT set_config('huifang.redacting', 'on', true)::text AS on`;

  it("still refuses UPDATE and DELETE outside a redaction", async () => {
    await expect(
      owner.$executeRaw`UPDATE "AuditLog" SET "after" = '{"redacted": true}'::jsonb WHERE "id" = ${rowId}`,
    ).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${rowId}`).rejects.toThrow(/append-only/);
  });

  it("refuses DELETE even during a redaction", async () => {
    await expect(
      owner.$transaction(async (tx) => {
        await redact(tx);
        await tx.$executeRaw`DELETE FROM "AuditLog" WHERE "id" = ${rowId}`;
      }),
    ).rejects.toThrow(/append-only/);
  });

  it("refuses a redaction that touches another column or writes anything but the redacted marker", async () => {
    for (const statement of [
      (tx: Prisma.TransactionClient) =>
        tx.$executeRaw`UPDATE "AuditLog" SET "after" = '{"redacted": true}'::jsonb, "action" = 'x' WHERE "id" = ${rowId}`,
      (tx: Prisma.TransactionClient) =>
        tx.$executeRaw`UPDATE "AuditLog" SET "after" = '{"redacted": true}'::jsonb, "actorId" = NULL, "createdAt" = now() - interval '1 day' WHERE "id" = ${rowId}`,
      (tx: Prisma.TransactionClient) =>
        tx.$executeRaw`UPDATE "AuditLog" SET "after" = '{"name": "另一人"}'::jsonb WHERE "id" = ${rowId}`,
      // erasing one side and keeping the other is a rewrite too
      (tx: Prisma.TransactionClient) =>
        tx.$executeRaw`UPDATE "AuditLog" SET "after" = '{"redacted": true}'::jsonb WHERE "id" = ${rowId}`,
    ]) {
      await expect(
        owner.$transaction(async (tx) => {
          await redact(tx);
          await statement(tx);
        }),
      ).rejects.toThrow(/append-only/);
    }
    expect(await owner.auditLog.findUniqueOrThrow({ where: { id: rowId } })).toMatchObject({
      action: "test.trigger",
      after: { name: "某" },
    });
  });

  it("allows the narrow redaction, and only inside its own transaction", async () => {
    await owner.$transaction(async (tx) => {
      await redact(tx);
      await tx.$executeRaw`UPDATE "AuditLog" SET "before" = '{"redacted": true}'::jsonb, "after" = NULL WHERE "id" = ${rowId}`;
    });
    expect(await owner.auditLog.findUniqueOrThrow({ where: { id: rowId } })).toMatchObject({
      action: "test.trigger",
      entityType: "Candidate",
      entityId: "x",
      before: { redacted: true },
      after: null,
    });
    // the setting was transaction-local: the next statement on a pooled connection is refused again
    await expect(
      owner.$executeRaw`UPDATE "AuditLog" SET "after" = '{"redacted": true}'::jsonb WHERE "id" = ${rowId}`,
    ).rejects.toThrow(/append-only/);
  });
});

describe("uploads never applied", () => {
  it("are counted by the dry run and deleted by --apply once 24 hours old, whatever their campaign", async () => {
    const store = databaseStore(db());
    const now = new Date();
    const stale = await store.put(
      { kind: "LIST_UPLOAD", key: `${"b".repeat(64)}.csv`, mimeType: "text/csv" },
      bytesOf(Buffer.from("考生号,姓名\r\n")),
    );
    const fresh = await store.put(
      { kind: "LIST_UPLOAD", key: `${"c".repeat(64)}.csv`, mimeType: "text/csv" },
      bytesOf(Buffer.from("考生号,姓名\r\n")),
    );
    await db().storedFile.update({
      where: { id: stale.id },
      data: { createdAt: new Date(now.getTime() - 25 * 3_600_000) },
    });

    expect(await sweepExpiredUploads(db(), { now, apply: false })).toBe(1);
    expect(await db().storedFile.count({ where: { id: stale.id } })).toBe(1);
    expect(await sweepExpiredUploads(db(), { now, apply: true })).toBe(1);
    expect(await db().storedFile.count({ where: { id: { in: [stale.id, fresh.id] } } })).toBe(1);
    expect(await sweepExpiredUploads(db(), { now, apply: true })).toBe(0);
  });

  it("are counted by the dry run exactly as --apply deletes them, unfinished writes of any kind included", async () => {
    const now = new Date();
    const longAgo = new Date(now.getTime() - 25 * 3_600_000);
    // a write that never finished (its instance died mid-upload): the sweep removes it whatever its kind
    await db().storedFile.create({
      data: { kind: "WITHDRAWAL_PHOTO", key: "writing:lost-photo", mimeType: "image/jpeg", createdAt: longAgo },
    });
    await db().storedFile.create({
      data: { kind: "LIST_UPLOAD", key: "writing:lost-list", mimeType: "text/csv", createdAt: longAgo },
    });

    const counted = await sweepExpiredUploads(db(), { now, apply: false });
    expect(counted).toBe(2);
    expect(await sweepExpiredUploads(db(), { now, apply: true })).toBe(counted);
    expect(await db().storedFile.count({ where: { key: { startsWith: "writing:lost-" } } })).toBe(0);
  });
});
