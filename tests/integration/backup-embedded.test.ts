// `npm run cli -- backup` and `restore` on the embedded database (a PGlite folder in a temp dir): backed up
// while the app holds the folder (over its wire port, found from the lock's process) and while no app
// runs (the folder opened by the command), restored into a new folder and compared table by table;
// refused while the app runs, over data without --replace, with a wrong passphrase or a changed file.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAs } from "@/lib/action/system";
import { writeBackupFile } from "@/lib/backup/file";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { payoutSnapshot } from "@/lib/payouts/runs";
import { seedDemo } from "@/prisma/seed/demo";
import { cliWith, fingerprint, PASSPHRASE, queryOne, refusal, type TableFingerprint, tampered } from "./backup-support";

const NOW = new Date("2026-11-27T02:00:00Z");
const work = mkdtempSync(path.join(tmpdir(), "huifang-backup-embedded-"));
const appFolder = path.join(work, "app-data");
const restoredFolder = path.join(work, "restored-data");
const whileRunning = path.join(work, "while-running.hfb");
const whileStopped = path.join(work, "while-stopped.hfb");
/** the command line on the embedded database in `folder` */
const embedded = (folder: string) => ({
  DATABASE_URL: undefined,
  DATABASE_OWNER_URL: undefined,
  HUIFANG_DATA_DIR: folder,
});

let app: EmbeddedDatabase | null = null;
let campaignId: string;
let signedTotal: number;
let before: Record<string, TableFingerprint>;

/** `run` on the embedded database in `folder`, opened for it and closed after. */
async function onFolder<T>(folder: string, run: (url: string) => Promise<T>): Promise<T> {
  const database = await startEmbeddedDatabase(folder);
  try {
    return await run(database.url);
  } finally {
    await database.stop();
  }
}

describe("backup and restore on the embedded database", () => {
  beforeAll(async () => {
    // the app: it holds the folder and serves it on a port of its own, as scripts/serve.ts does
    app = await startEmbeddedDatabase(appFolder);
    await applyMigrations(app.url, { quiet: true });
    const prisma = createPrismaClient(app.url, { poolSize: 1 });
    try {
      campaignId = (await seedDemo(prisma, NOW)).campaignId;
      const snapshot = await payoutSnapshot(prisma, campaignId);
      signedTotal = snapshot.result.totalFen;
      const admin = await prisma.user.findUniqueOrThrow({ where: { login: "admin" } });
      await prisma.payoutRun.create({
        data: {
          campaignId,
          version: 1,
          policy: {},
          inputs: {},
          result: {},
          totalFen: signedTotal,
          signedOffById: admin.id,
        },
      });
    } finally {
      await prisma.$disconnect();
    }
    before = await fingerprint(app.url);
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("refuses to restore while the app runs: stop the app first", async () => {
    const { writeFileSync } = await import("node:fs");
    const placeholder = path.join(work, "placeholder.hfb");
    writeFileSync(placeholder, "not read");
    const run = await cliWith(["restore", placeholder], embedded(appFolder));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(`内置数据库（${appFolder}）正被进程 ${process.pid} 使用：请先停止应用，再恢复。`),
      ),
    ]);
  });

  it("backs up while the app runs, over the app's own port, and the app goes on answering", async () => {
    const run = await cliWith(["backup", whileRunning], embedded(appFolder));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^内置数据库已备份到 .*while-running\.hfb：\d+ 张表，\d+ 行，/);
    expect(statSync(whileRunning).mode & 0o777).toBe(0o600);
    expect(await queryOne<{ n: string }>(app?.url ?? "", `SELECT count(*) AS n FROM "Candidate"`)).toEqual({
      n: String(before.Candidate?.rows),
    });
  }, 120_000);

  it("backs up while no app runs, opening the folder itself and leaving it as it was", async () => {
    await app?.stop();
    app = null;
    const run = await cliWith(["backup", whileStopped], embedded(appFolder));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(appFolder).sort()).toEqual(["pgdata"]);
  }, 120_000);

  it("refuses a server's backup, a wrong passphrase and a changed file with one line each", async () => {
    const serverBackup = path.join(work, "server.hfb");
    await writeBackupFile(
      serverBackup,
      { kind: "server", createdAt: NOW.toISOString(), appVersion: "0.1.0" },
      PASSPHRASE,
      Readable.from([Buffer.from("{}\n")]),
    );
    const cases = [
      { file: serverBackup, env: {}, says: "不能恢复到内置数据库" },
      { file: whileStopped, env: { HUIFANG_BACKUP_PASSPHRASE: "not the passphrase" }, says: "口令不对" },
      { file: tampered(whileStopped), env: {}, says: "已损坏或被改动过" },
    ];
    for (const { file, env, says } of cases) {
      const run = await cliWith(["restore", file], { ...embedded(restoredFolder), ...env });
      expect(run.status, says).toBe(2);
      expect(run.stderr.trim().split("\n"), says).toEqual([expect.stringContaining(says)]);
    }
    // nothing was made
    expect(() => statSync(restoredFolder)).toThrow();
  }, 60_000);

  it("restores the backup taken while the app ran into a new folder: every table as it was", async () => {
    const run = await cliWith(["restore", whileRunning], embedded(restoredFolder));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    // what it will do, before it does it
    expect(lines[0]).toMatch(/^将把 .*while-running\.hfb（.* 备份，版本 .*，\d+ 张表，\d+ 行）恢复到内置数据库/);
    expect(lines.at(-1)).toMatch(/^已恢复：\d+ 张表，\d+ 行，与备份一致。$/);
    // the new folder alone, nothing left beside it
    expect(readdirSync(restoredFolder).sort()).toEqual(["pgdata"]);
    expect(await onFolder(restoredFolder, fingerprint)).toEqual(before);
  }, 180_000);

  it("keeps the audit trigger and the tallies working after the restore", async () => {
    await onFolder(restoredFolder, async (url) => {
      expect(await refusal(url, `UPDATE "AuditLog" SET action = 'rewritten'`)).not.toBeNull();
      expect(
        await queryOne(url, `SELECT "totalFen" AS total FROM "PayoutRun" WHERE "campaignId" = $1`, [campaignId]),
      ).toEqual({ total: signedTotal });
      const prisma: PrismaClient = createPrismaClient(url, { poolSize: 1 });
      try {
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

        const candidate = await prisma.candidate.findFirstOrThrow({
          where: { campaignId, assignedCallerId: { not: null } },
          orderBy: { examNo: "asc" },
        });
        const callerId = candidate.assignedCallerId as string;
        const tally = async () =>
          (await prisma.callerTally.findUnique({ where: { campaignId_callerId: { campaignId, callerId } } }))
            ?.contacts ?? 0;
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
            idempotencyKey: "after-embedded-restore",
          },
        });
        expect(await tally()).toBe(contacts + 1);
      } finally {
        await prisma.$disconnect();
      }
    });
  }, 120_000);

  it("refuses to restore over data without --replace; with it, puts the other backup's data in place", async () => {
    const refused = await cliWith(["restore", whileStopped], embedded(restoredFolder));
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split("\n")).toEqual([expect.stringContaining("--replace")]);

    const replaced = await cliWith(["restore", whileStopped, "--replace"], embedded(restoredFolder));
    expect(replaced.stderr).toBe("");
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/目标现有的 \d+ 行数据将被全部替换/);
    expect(readdirSync(restoredFolder).sort()).toEqual(["pgdata"]);
    expect(await onFolder(restoredFolder, fingerprint)).toEqual(before);
  }, 180_000);
});
