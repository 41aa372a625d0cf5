// `npm run cli -- backup` and `restore` on a PostgreSQL server: the demo campaign (contacts, findings,
// audit rows) with a signed-off payout run, backed up, restored into a fresh database and compared table
// by table; the refusals, which change nothing; and --prune.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { runAs } from "@/lib/action/system";
import { writeBackupFile } from "@/lib/backup/file";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { setUpDatabaseRoles } from "@/lib/db/roles";
import { payoutSnapshot } from "@/lib/payouts/runs";
import { bytesOf, databaseStore } from "@/lib/storage";
import { describeObjectStore } from "@/lib/storage/object-url";
import { seedDemo } from "@/prisma/seed/demo";
import { startObjectStore } from "@/tests/support/object-store";
import { adminDatabaseUrl, databaseUrl, dropDatabase, ownerUrl, TEST_ROLES, withAdmin } from "../support/databases";
import { signInAs } from "../support/session";
import { cliWith, fingerprint, PASSPHRASE, queryOne, refusal, tampered } from "./backup-support";

const NOW = new Date("2026-11-27T02:00:00Z");
const DAY_MS = 24 * 60 * 60 * 1000;

const fresh = `huifang_test_${randomBytes(6).toString("hex")}`;
const folder = mkdtempSync(path.join(tmpdir(), "huifang-backup-"));
const backup = path.join(folder, "huifang-2026-11-27.hfb");
/** the command line on the fresh database, as a deployment restoring there would run it */
const onFresh = { DATABASE_URL: databaseUrl(fresh), DATABASE_OWNER_URL: ownerUrl(fresh) };

let source: string;
let campaignId: string;
let signedTotal: number;

describe("backup and restore on a PostgreSQL server", () => {
  beforeAll(async () => {
    source = process.env.DATABASE_URL as string;
    const summary = await seedDemo(db(), NOW);
    campaignId = summary.campaignId;
    const admin = await db().user.findUniqueOrThrow({ where: { login: "admin" } });
    signInAs(admin);
    signedTotal = (await payoutSnapshot(db(), campaignId)).result.totalFen;
    expect(await signOffPayouts({ campaignId, version: 1, expectedTotalFen: signedTotal })).toMatchObject({ ok: true });
    // a fresh database as `npm run db:roles` leaves it: the two roles, nothing migrated
    await withAdmin((client) => client.query(`CREATE DATABASE "${fresh}"`));
    const admin2 = new pg.Client({ connectionString: adminDatabaseUrl(fresh) });
    await admin2.connect();
    try {
      await setUpDatabaseRoles(admin2, TEST_ROLES);
    } finally {
      await admin2.end();
    }
  }, 180_000);

  afterAll(async () => {
    await withAdmin((client) => dropDatabase(client, fresh));
    rmSync(folder, { recursive: true, force: true });
  });

  it("has what the backup must hold: contacts, findings, audit rows and a signed-off payout run", async () => {
    expect(await db().contactLog.count()).toBeGreaterThan(1000);
    expect(await db().finding.count()).toBeGreaterThan(0);
    expect(await db().auditLog.count()).toBeGreaterThan(0);
    expect(await db().payoutRun.count({ where: { campaignId } })).toBe(1);
  });

  it("refuses without a passphrase, writing nothing", async () => {
    const run = await cliWith(["backup", backup], { HUIFANG_BACKUP_PASSPHRASE: undefined });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining("HUIFANG_BACKUP_PASSPHRASE")]);
    expect(existsSync(backup)).toBe(false);
  });

  it("names the package to install when pg_dump is missing or older than the server", async () => {
    const none = mkdtempSync(path.join(tmpdir(), "huifang-no-tools-"));
    const old = mkdtempSync(path.join(tmpdir(), "huifang-old-tools-"));
    for (const tool of ["pg_dump", "pg_restore"]) {
      writeFileSync(path.join(old, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) 9.6.24"\n`);
      chmodSync(path.join(old, tool), 0o755);
    }
    const { v } = (await queryOne<{ v: string }>(source, "SELECT current_setting('server_version_num') AS v")) ?? {
      v: "0",
    };
    const major = Math.floor(Number(v) / 10_000);
    try {
      const missing = await cliWith(["backup", backup], { HUIFANG_PG_BIN_DIR: none });
      expect(missing.status).toBe(2);
      expect(missing.stderr.trim().split("\n")).toEqual([expect.stringContaining(`postgresql-client-${major}`)]);
      const older = await cliWith(["backup", backup], { HUIFANG_PG_BIN_DIR: old });
      expect(older.status).toBe(2);
      expect(older.stderr.trim().split("\n")).toEqual([
        expect.stringMatching(new RegExp(`PostgreSQL 9\\.6.*postgresql-client-${major}`)),
      ]);
      expect(existsSync(backup)).toBe(false);
    } finally {
      rmSync(none, { recursive: true, force: true });
      rmSync(old, { recursive: true, force: true });
    }
  });

  it("backs up into a file of mode 0600 that holds no phone number or name in the clear", async () => {
    const run = await cliWith(["backup", backup], {});
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("已备份");
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const candidate = await db().candidate.findFirstOrThrow({ where: { campaignId }, orderBy: { examNo: "asc" } });
    const bytes = readFileSync(backup);
    expect(bytes.includes(Buffer.from(candidate.phones[0] ?? "13800000000"))).toBe(false);
    expect(bytes.includes(Buffer.from(candidate.name))).toBe(false);
    // a second backup to the same name is refused: a backup never replaces a file
    const again = await cliWith(["backup", backup], {});
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("已存在");
  });

  it("refuses a wrong passphrase and a changed file with one line each, changing nothing", async () => {
    const wrong = await cliWith(["restore", backup], { ...onFresh, HUIFANG_BACKUP_PASSPHRASE: "not the passphrase" });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim().split("\n")).toEqual([expect.stringContaining("口令不对")]);
    const changed = await cliWith(["restore", tampered(backup)], onFresh);
    expect(changed.status).toBe(2);
    expect(changed.stderr.trim().split("\n")).toEqual([expect.stringContaining("已损坏或被改动过")]);
    expect(
      await queryOne<{ n: string }>(ownerUrl(fresh), "SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'"),
    ).toEqual({ n: "0" });
  });

  it("restores into a fresh database: every table's rows and the signed-off payout run, as they were", async () => {
    const run = await cliWith(["restore", backup], onFresh);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    // what it will do, before it does it
    expect(lines[0]).toMatch(
      /^将把 .*huifang-2026-11-27\.hfb（.* 备份，版本 .*）恢复到服务器 .* 上的数据库 huifang_test_/,
    );
    expect(lines.at(-1)).toMatch(/^已恢复：\d+ 张表，\d+ 行，与备份一致。$/);

    const [before, after] = [await fingerprint(ownerUrl(sourceName())), await fingerprint(ownerUrl(fresh))];
    expect(Object.keys(after).length).toBeGreaterThan(30);
    expect(after).toEqual(before);
    const run1 = await queryOne<{ total: number; version: number }>(
      databaseUrl(fresh),
      `SELECT "totalFen" AS total, version FROM "PayoutRun" WHERE "campaignId" = $1`,
      [campaignId],
    );
    expect(run1).toEqual({ total: signedTotal, version: 1 });
  });

  it("keeps the app's role as limited, the audit trigger and the tallies working after the restore", async () => {
    const app = databaseUrl(fresh);
    expect(await refusal(app, `UPDATE "AuditLog" SET action = 'rewritten'`)).not.toBeNull();
    expect(await refusal(app, `DELETE FROM "PayoutRun"`)).not.toBeNull();
    expect(await refusal(ownerUrl(fresh), `UPDATE "AuditLog" SET action = 'rewritten'`)).toMatch(
      /append-only|refus|not allowed|cannot/i,
    );

    const prisma = createPrismaClient(app, { poolSize: 1 });
    try {
      // an audited write, through the action wrapper: its audit row appears
      const audits = await prisma.auditLog.count();
      const renamed = await runAs(
        prisma,
        { login: "admin" },
        { name: "test.rename", permission: "campaign.configure" },
        async ({ tx, audit }) => {
          const campaign = await tx.campaign.update({ where: { id: campaignId }, data: { name: "恢复后的计划" } });
          audit({ entityType: "Campaign", entityId: campaign.id, after: { name: campaign.name } });
        },
      );
      expect(renamed.ok).toBe(true);
      expect(await prisma.auditLog.count()).toBe(audits + 1);

      // a contact logged after the restore moves its caller's tally by one, as before the backup
      const candidate = await prisma.candidate.findFirstOrThrow({
        where: { campaignId, assignedCallerId: { not: null } },
        orderBy: { examNo: "asc" },
      });
      const callerId = candidate.assignedCallerId as string;
      const tally = async () =>
        (await prisma.callerTally.findUnique({ where: { campaignId_callerId: { campaignId, callerId } } }))?.contacts ??
        0;
      const contacts = await tally();
      await prisma.contactLog.create({
        data: {
          campaignId,
          candidateId: candidate.id,
          callerId,
          phase: 4,
          channel: "PHONE",
          startedAt: NOW,
          durationSeconds: 60,
          outcome: "REACHED",
          idempotencyKey: `after-restore-${randomBytes(4).toString("hex")}`,
        },
      });
      expect(await tally()).toBe(contacts + 1);
      // and every tally still equals a count of the rows it tallies
      const drift = await prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "CallerTally" t
        FULL JOIN (SELECT "campaignId", "callerId", count(*) AS contacts FROM "ContactLog" GROUP BY 1, 2) l
          ON l."campaignId" = t."campaignId" AND l."callerId" = t."callerId"
        WHERE coalesce(t.contacts, 0) <> coalesce(l.contacts, 0)`;
      expect(Number(drift[0]?.n)).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("refuses to restore over data without --replace, saying so first; with it, replaces the data", async () => {
    const refused = await cliWith(["restore", backup], onFresh);
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toEqual([expect.stringContaining("--replace")]);
    expect(await queryOne(databaseUrl(fresh), `SELECT name FROM "Campaign" WHERE id = $1`, [campaignId])).toEqual({
      name: "恢复后的计划",
    });

    const replaced = await cliWith(["restore", backup, "--replace"], onFresh);
    expect(replaced.stderr).toBe("");
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/目标现有的 \d+ 行数据将被全部替换/);
    expect(await queryOne(databaseUrl(fresh), `SELECT name FROM "Campaign" WHERE id = $1`, [campaignId])).not.toEqual({
      name: "恢复后的计划",
    });
    expect(await fingerprint(ownerUrl(fresh))).toEqual(await fingerprint(ownerUrl(sourceName())));
  });

  it("--prune deletes the backups older than the campaign's retention, and only backups", async () => {
    const campaign = await db().campaign.findUniqueOrThrow({ where: { id: campaignId } });
    const old = path.join(folder, "old.hfb");
    const recent = path.join(folder, "recent.hfb");
    const takenAt = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();
    for (const [file, daysAgo] of [
      [old, campaign.retentionDays + 1],
      [recent, campaign.retentionDays - 1],
    ] as const) {
      await writeBackupFile(
        file,
        { kind: "server", createdAt: takenAt(daysAgo), appVersion: "0.1.0" },
        PASSPHRASE,
        Readable.from([Buffer.from("{}\n")]),
      );
    }
    const other = path.join(folder, "notes.txt");
    writeFileSync(other, "not a backup");
    mkdirSync(path.join(folder, "a-folder"));
    const run = await cliWith(["backup", path.join(folder, "today.hfb"), "--prune"], {});
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`已删除超过保留期限（${campaign.retentionDays} 天）的备份 ${old}`);
    expect(existsSync(old)).toBe(false);
    for (const kept of [recent, other, backup, path.join(folder, "today.hfb")]) expect(existsSync(kept)).toBe(true);
  });

  it("says on every backup that the object store's files are not in it, and what to back up instead", async () => {
    // the backups above, with every file in PostgreSQL, said nothing of an object store
    const plain = await cliWith(["backup", path.join(folder, "plain.hfb")], {});
    expect(plain.stdout).not.toContain("对象存储");
    const server = await startObjectStore();
    try {
      await databaseStore(db(), { objects: server.bucket }).put(
        { kind: "WITHDRAWAL_PHOTO", key: "backup/photo", mimeType: "image/jpeg", campaignId },
        bytesOf(Buffer.from("签字照片")),
      );
      const run = await cliWith(["backup", path.join(folder, "with-objects.hfb")], {
        HUIFANG_OBJECT_STORE_URL: server.url,
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const store = describeObjectStore(server.bucket.config);
      expect(run.stdout).toContain(`本备份不含对象存储中的文件内容：1 个文件`);
      expect(run.stdout).toContain(store);
      // the credentials are never printed
      expect(run.stdout).not.toContain("S3RVER:S3RVER");
      // the same when this machine is not told where the object store is: the database says files are there
      const unset = await cliWith(["backup", path.join(folder, "unset.hfb")], { HUIFANG_OBJECT_STORE_URL: undefined });
      expect(unset.status).toBe(0);
      expect(unset.stdout).toContain("本备份不含对象存储中的文件内容：1 个文件");
    } finally {
      await databaseStore(db(), { objects: server.bucket }).delete("WITHDRAWAL_PHOTO", "backup/photo");
      await server.close();
    }
    // three runs of the command line, each a few seconds on its own and more on a busy machine
  }, 240_000);
});

/** This test file's own database (the source of the backup). */
function sourceName(): string {
  return decodeURIComponent(new URL(source).pathname.slice(1));
}
