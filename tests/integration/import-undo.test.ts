import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { undoUpload } from "@/app/(app)/admin/imports/actions";
import { logContact } from "@/app/(app)/calls/actions";
import { action } from "@/lib/action";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { buildCallsFixture } from "../support/calls-fixtures";
import { makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";
import { signInAs } from "../support/session";

// Undo of a batch is set-based SQL: a batch of any size is a few statements joined on its undo records
// (ImportCreated, ImportChange), never its candidates' ids as query parameters (PostgreSQL takes at most 32,767 per statement:
// a 50,000-candidate batch failed with P2029). And it locks the batch's candidates before it looks
// for contacts, so a contact logged meanwhile is never lost with its candidate.

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

describe("undoing a 投档 batch", () => {
  it("undoes a batch of 70,000 new candidates through the page's action", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    const NEW = 70_000;
    const batchId = `big-${fx.tag}`;
    // the batch as an apply leaves it, built in a few statements (an apply of 70,000 rows takes minutes)
    await db().importBatch.create({
      data: {
        id: batchId,
        campaignId: fx.campaign.id,
        kind: "TOUDANG",
        fileName: "七万人.csv",
        fileHash: `hash-${fx.tag}`,
        status: "APPLIED",
        rowsNew: NEW,
        createdById: fx.users.data.id,
        appliedAt: new Date(),
      },
    });
    await db().$executeRaw`
      INSERT INTO "Candidate" (id, "campaignId", "examNo", name, phones, region, "groupId", "assignedCallerId", "updatedAt")
      SELECT ${fx.tag} || '-' || n, ${fx.campaign.id}, '2499' || lpad(n::text, 10, '0'), '考生' || n,
             ARRAY['138' || lpad(n::text, 8, '0')], '成都', ${fx.groupA.id}, ${fx.users.callerA.id}, now()
      FROM generate_series(1, ${NEW}) AS n`;
    await db().$executeRaw`
      INSERT INTO "ImportCreated" (id, "batchId", "candidateIds")
      SELECT 'created-' || ${fx.tag} || '-' || chunk, ${batchId},
             ARRAY(SELECT ${fx.tag} || '-' || n FROM generate_series(chunk * 2000 + 1, least(chunk * 2000 + 2000, ${NEW})) AS n)
      FROM generate_series(0, (${NEW} - 1) / 2000) AS chunk`;

    signInAs(fx.users.data);
    const result = await undoUpload({ batchId });
    expect(result).toEqual({ ok: true, data: { batchId } });
    expect(await db().candidate.count({ where: { campaignId: fx.campaign.id } })).toBe(2); // the fixture's own two
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "UNDONE" });
  }, 300_000);

  it("never fails and loses nothing when a contact is logged while the batch is undone", async () => {
    // the 投档 phase: new candidates are being called, and CONSULTED may be logged
    const fx = await buildCallsFixture({ openPhase: 2 });
    const callers = new Map([fx.users.leaderA, fx.users.callerA].map((u) => [u.id, u]));
    const outcomes = { undone: 0, refusedInUse: 0 };
    for (let round = 0; round < 8; round += 1) {
      const file = writeCsv(
        dir,
        `race-${round}.csv`,
        [
          ["考生号", "姓名", "联系电话", "地区"],
          ...Array.from({ length: 300 }, (_, i) => [
            `24${String(round).padStart(2, "0")}${String(i).padStart(10, "0")}`,
            `竞速${round}-${i}`,
            `139${String(round * 1000 + i).padStart(8, "0")}`,
            "成都市",
          ]),
        ],
        "utf-8",
      );
      const applied = await applyImport(db(), {
        campaignId: fx.campaign.id,
        kind: "toudang",
        path: file,
        fileName: `race-${round}.csv`,
        by: { id: fx.users.data.id },
      });
      if (!applied.ok) throw new Error(applied.message);
      // a candidate the batch created, logged by the caller it was given to
      const candidate = await db().candidate.findFirstOrThrow({
        where: { campaignId: fx.campaign.id, examNo: `24${String(round).padStart(2, "0")}${"0".repeat(7)}150` },
      });
      const caller = callers.get(candidate.assignedCallerId ?? "");
      if (!caller) throw new Error("the candidate went to nobody");

      signInAs(caller);
      const logging = logContact({
        candidateId: candidate.id,
        idempotencyKey: randomUUID(),
        channel: "PHONE",
        durationSeconds: "120",
        outcome: "CONSULTED",
      });
      signInAs(fx.users.data);
      const undoing = undoUpload({ batchId: applied.batchId });
      const [logged, undone] = await Promise.all([logging, undoing]);

      const logs = await db().contactLog.count({ where: { candidateId: candidate.id } });
      const stillThere = await db().candidate.count({ where: { id: candidate.id } });
      if (logged.ok) {
        // the contact came first: it is kept, with its candidate, and the undo is refused in Chinese
        expect(undone).toMatchObject({ ok: false, code: "INVALID_INPUT" });
        expect(undone.ok ? "" : undone.error).not.toMatch(/prisma|deadlock|violat/i);
        expect([logs, stillThere]).toEqual([1, 1]);
        outcomes.refusedInUse += 1;
      } else {
        // the undo came first: the candidate is gone and the contact was refused, not half written
        expect(logged).toMatchObject({ ok: false, code: "NOT_FOUND" });
        expect(undone).toEqual({ ok: true, data: { batchId: applied.batchId } });
        expect([logs, stillThere]).toEqual([0, 0]);
        outcomes.undone += 1;
      }
      // the next round's batch must be the latest: a refused one is undone now that nothing races it
      if (logged.ok) {
        await db().contactLog.deleteMany({ where: { candidateId: candidate.id } });
        signInAs(fx.users.data);
        expect(await undoUpload({ batchId: applied.batchId })).toMatchObject({ ok: true });
      }
    }
    expect(outcomes.undone + outcomes.refusedInUse).toBe(8);
  }, 120_000);
});

describe("a deadlock in an action", () => {
  it("is retried like a serialization failure, not answered with a 500", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    const rows = [`a-${fx.tag}`, `b-${fx.tag}`];
    await db().importProgress.createMany({ data: rows.map((fileHash) => ({ fileHash, stage: "checking" })) });
    // both transactions hold their first row before either asks for its second: PostgreSQL must
    // break the circle by failing one of them (40P01), which the wrapper then runs again
    let arrived = 0;
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => {
      bothHoldOne = resolve;
    });
    const attempts: string[] = [];
    const crosswise = action(
      {
        name: "test.crosswise",
        permission: "import.run",
        schema: z.object({ first: z.string(), second: z.string() }).strict(),
      },
      async ({ first, second }, { tx, unchanged }) => {
        attempts.push(first);
        await tx.$executeRaw`UPDATE "ImportProgress" SET written = written + 1 WHERE "fileHash" = ${first}`;
        arrived += 1;
        if (arrived === 2) bothHoldOne();
        await barrier;
        await tx.$executeRaw`UPDATE "ImportProgress" SET written = written + 1 WHERE "fileHash" = ${second}`;
        unchanged();
        return first;
      },
    );
    signInAs(fx.users.data);
    const [one, other] = await Promise.all([
      crosswise({ first: rows[0], second: rows[1] }),
      crosswise({ first: rows[1], second: rows[0] }),
    ]);
    expect([one, other]).toEqual([
      { ok: true, data: rows[0] },
      { ok: true, data: rows[1] },
    ]);
    // one of the two ran again; it may run a third time when its retry met the winner's commit as a
    // serialization failure, which the wrapper retries too, so count at least one rerun, not exactly one
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(new Set(attempts)).toEqual(new Set(rows));
    const written = await db().importProgress.findMany({
      where: { fileHash: { in: rows } },
      orderBy: { fileHash: "asc" },
    });
    expect(written.map((row) => row.written)).toEqual([2, 2]);
    await db().importProgress.deleteMany({ where: { fileHash: { in: rows } } });
  });
});
