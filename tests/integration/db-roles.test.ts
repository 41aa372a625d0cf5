// docs/reliability.md #30: the app's own database user cannot erase history. This file's database was migrated by
// the owner role and is reached by the app's role (tests/support), as a deployment set up with
// `npm run db:roles` is: everything the app's role tries here to rewrite the audit log or a signed-off
// payout run is refused by PostgreSQL, and the one redaction left goes through the owner's function.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setUpDatabaseRoles } from "@/lib/db/roles";
import { payoutSnapshot } from "@/lib/payouts/runs";
import { anonymiseCampaign, RetentionNotDueError, retentionDueAt } from "@/lib/retention";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { adminDatabaseUrl, dropDatabase, TEST_ROLES, withAdmin } from "../support/databases";
import { makeRetentionDue } from "../support/retention";

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe("the app's database role", () => {
  let app: pg.Client;
  let owner: pg.Client;
  let fx: CallsFixture;
  let auditId: string;
  let runId: string;

  beforeAll(async () => {
    app = await connect(process.env.DATABASE_URL as string);
    owner = await connect(process.env.DATABASE_OWNER_URL as string);
    fx = await buildCallsFixture({ openPhase: 4 });
    const audit = await db().auditLog.create({
      data: {
        action: "test.history",
        entityType: "Candidate",
        entityId: fx.candidateA.id,
        before: { name: fx.candidateA.name },
        after: { name: "改过的名字" },
      },
    });
    auditId = audit.id;
    const snapshot = await payoutSnapshot(db(), fx.campaign.id);
    const run = await db().payoutRun.create({
      data: {
        campaignId: fx.campaign.id,
        version: 1,
        policy: {},
        inputs: {},
        result: {},
        totalFen: snapshot.result.totalFen,
        signedOffById: fx.users.admin.id,
      },
    });
    runId = run.id;
  });

  afterAll(async () => {
    await app.end();
    await owner.end();
  });

  /** The audit row and the payout run as they were planted: nothing refused may change them. */
  async function history() {
    const audit = await owner.query(`SELECT * FROM "AuditLog" WHERE "id" = $1`, [auditId]);
    const runs = await owner.query(`SELECT * FROM "PayoutRun" WHERE "campaignId" = $1`, [fx.campaign.id]);
    const count = await owner.query(`SELECT count(*)::int AS n FROM "AuditLog"`);
    return { audit: audit.rows, runs: runs.rows, auditRows: count.rows[0].n };
  }

  it("connects as a role that is neither the owner nor a superuser, and owns nothing", async () => {
    const { rows } = await app.query(
      `SELECT current_user AS me, r.rolsuper AS superuser,
              (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relowner = r.oid) AS owned
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ me: TEST_ROLES.app.name, superuser: false, owned: 0 });
    const table = await app.query(
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = '"AuditLog"'::regclass`,
    );
    expect(table.rows[0].owner).toBe(TEST_ROLES.owner.name);
  });

  it.each([
    ["TRUNCATE the audit log", `TRUNCATE "AuditLog"`],
    ["TRUNCATE the payout runs", `TRUNCATE "PayoutRun" CASCADE`],
    [
      "switch the append-only trigger off, then DELETE",
      `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"; DELETE FROM "AuditLog"`,
    ],
    ["replica mode (triggers off), then DELETE", `SET session_replication_role = replica; DELETE FROM "AuditLog"`],
    [
      "set the redaction flag, then blank a row",
      `SELECT set_config('huifang.redacting', 'on', false);
       UPDATE "AuditLog" SET "before" = '{"redacted": true}'::jsonb, "after" = '{"redacted": true}'::jsonb`,
    ],
    ["DELETE from the audit log", `DELETE FROM "AuditLog"`],
    ["UPDATE a signed-off payout run", `UPDATE "PayoutRun" SET "totalFen" = "totalFen" + 100000`],
    ["DELETE a signed-off payout run", `DELETE FROM "PayoutRun"`],
    ["ALTER TABLE", `ALTER TABLE "PayoutRun" ADD COLUMN "note" text`],
    ["DROP TABLE", `DROP TABLE "AuditLog"`],
    ["drop the trigger", `DROP TRIGGER "AuditLog_append_only" ON "AuditLog"`],
    [
      "replace the trigger's function",
      `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS 'BEGIN RETURN NEW; END' LANGUAGE plpgsql`,
    ],
    ["create a table of its own", `CREATE TABLE "Shadow" ("id" text)`],
    ["rewrite the migration history", `DELETE FROM "_prisma_migrations"`],
  ])("refuses: %s", async (_what, sql) => {
    const before = await history();
    await app.query("BEGIN");
    try {
      await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner|must be superuser/);
    } finally {
      await app.query("ROLLBACK");
    }
    expect(await history()).toEqual(before);
  });

  it("keeps the app's normal work: reads, writes, and INSERT into the audit log and payout runs", async () => {
    await app.query("BEGIN");
    try {
      await app.query(`UPDATE "Candidate" SET "school" = 'x' WHERE "id" = $1`, [fx.candidateA.id]);
      await app.query(`INSERT INTO "AuditLog" ("id", "action", "entityType") VALUES ($1, 'test.insert', 'Test')`, [
        `db-roles-${fx.tag}`,
      ]);
      const runs = await app.query(`SELECT "id" FROM "PayoutRun" WHERE "id" = $1`, [runId]);
      expect(runs.rowCount).toBe(1);
    } finally {
      await app.query("ROLLBACK");
    }
  });

  it("gets the same privileges on a table a later migration adds (default privileges)", async () => {
    const table = `LaterMigration_${randomBytes(4).toString("hex")}`;
    await owner.query(`CREATE TABLE "${table}" ("id" serial PRIMARY KEY, "note" text)`);
    try {
      await app.query(`INSERT INTO "${table}" ("note") VALUES ('a')`);
      await app.query(`UPDATE "${table}" SET "note" = 'b'`);
      expect((await app.query(`SELECT "note" FROM "${table}"`)).rows).toEqual([{ note: "b" }]);
      await app.query(`DELETE FROM "${table}"`);
      await expect(app.query(`TRUNCATE "${table}"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DROP TABLE "${table}"`)).rejects.toThrow(/must be owner/);
    } finally {
      await owner.query(`DROP TABLE "${table}"`);
    }
  });
});

describe("redaction through the owner's function", () => {
  it("states the retention due date as lib/retention does", async () => {
    const due = await buildCallsFixture({ openPhase: 4 });
    const long = await buildCallsFixture({ openPhase: 2 });
    await db().campaign.update({ where: { id: long.campaign.id }, data: { retentionDays: 3650 } });
    const bare = await buildCallsFixture({ openPhase: 1 });
    await db().phaseWindow.deleteMany({ where: { campaignId: bare.campaign.id } });
    await makeRetentionDue(due.campaign.id);
    for (const fx of [due, long, bare]) {
      const campaign = await db().campaign.findUniqueOrThrow({
        where: { id: fx.campaign.id },
        include: { phaseWindows: true },
      });
      const [row] = await db().$queryRaw<[{ dueAt: Date | null }]>`
        SELECT retention_due_at(${fx.campaign.id}) AS "dueAt"`;
      expect(row.dueAt).toEqual(retentionDueAt(campaign));
    }
  });

  it("blanks the audit rows of a campaign that is due, and refuses one that is not, changing nothing", async () => {
    const due = await buildCallsFixture({ openPhase: 4 });
    const notDue = await buildCallsFixture({ openPhase: 4 });
    const plant = (fx: CallsFixture) =>
      db().auditLog.create({
        data: {
          action: "test.redact",
          entityType: "Candidate",
          entityId: fx.candidateA.id,
          before: { name: fx.candidateA.name },
          after: { name: "新名字" },
        },
      });
    const dueRow = await plant(due);
    const notDueRow = await plant(notDue);
    await makeRetentionDue(due.campaign.id);

    const [blanked] = await db().$queryRaw<[{ n: number }]>`SELECT audit_redact_campaign(${due.campaign.id}) AS n`;
    expect(blanked.n).toBe(1);
    expect(await db().auditLog.findUniqueOrThrow({ where: { id: dueRow.id } })).toMatchObject({
      before: { redacted: true },
      after: { redacted: true },
    });

    await expect(db().$queryRaw`SELECT audit_redact_campaign(${notDue.campaign.id})`).rejects.toThrow(
      /not due for retention/,
    );
    await expect(anonymiseCampaign(db(), notDue.campaign.id)).rejects.toBeInstanceOf(RetentionNotDueError);
    expect(await db().auditLog.findUniqueOrThrow({ where: { id: notDueRow.id } })).toMatchObject({
      before: { name: notDue.candidateA.name },
    });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: notDue.candidateA.id } })).name).toBe(
      notDue.candidateA.name,
    );
  });
});

describe("npm run db:roles (setUpDatabaseRoles)", () => {
  it("sets up two databases at once with the same new roles, and again without harm", async () => {
    const suffix = randomBytes(4).toString("hex");
    const roles = { owner: { name: `huifang_owner_${suffix}` }, app: { name: `huifang_app_${suffix}` } };
    const databases = [`huifang_roles_${suffix}_a`, `huifang_roles_${suffix}_b`];
    await withAdmin(async (client) => {
      for (const name of databases) await client.query(`CREATE DATABASE "${name}"`);
    });
    const setUp = async (database: string) => {
      const admin = await connect(adminDatabaseUrl(database));
      try {
        await setUpDatabaseRoles(admin, roles);
      } finally {
        await admin.end();
      }
    };
    try {
      await Promise.all(databases.map(setUp));
      await setUp(databases[0] as string);
      await withAdmin(async (client) => {
        const { rows } = await client.query(
          `SELECT datname, pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = ANY($1) ORDER BY datname`,
          [databases],
        );
        expect(rows).toEqual(databases.map((datname) => ({ datname, owner: roles.owner.name })));
      });
    } finally {
      await withAdmin(async (client) => {
        for (const name of databases) await dropDatabase(client, name);
        for (const role of [roles.app.name, roles.owner.name]) await client.query(`DROP ROLE IF EXISTS "${role}"`);
      });
    }
  });
});
