// docs/reliability.md #10: the database connection dies in the middle of an apply. The apply is one
// transaction written in multi-row chunks; here its backend is terminated from a second connection
// (pg_terminate_backend) after the first chunk is written, and the campaign must show nothing of it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { type ApplyProgress, applyImport } from "@/lib/import/apply";
import { undoImport } from "@/lib/import/undo";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import {
  generatedCandidate,
  makeTempDir,
  removeTempDir,
  writeCsv,
  writeLargeToudangCsv,
} from "../support/import-fixtures";

const ROWS = 5000; // three chunks of the apply's 2000
// 成都, 绵阳 and 德阳 have a group with a caller; 乐山, 南充 and 宜宾 have none
const ASSIGNED = Array.from({ length: ROWS }, (_, i) => generatedCandidate(i + 1).region).filter((r) =>
  ["成都市", "绵阳市", "德阳市"].includes(r),
).length;

/**
 * The apply that gets killed runs on a client of its own, left to the test database's drop: ending a
 * pool whose connection was terminated under a transaction was seen to wait forever here.
 */
function doomedClient() {
  return createPrismaClient(process.env.DATABASE_URL as string, { poolSize: 2 });
}

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

async function withSecondConnection<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** What a second session sees of the campaign: nothing of an uncommitted apply may show here. */
function visible(campaignId: string) {
  return withSecondConnection(async (client) => {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM "Candidate" WHERE "campaignId" = $1) AS candidates,
              (SELECT count(*) FROM "Candidate" WHERE "campaignId" = $1 AND admitted) AS admitted,
              (SELECT count(*) FROM "ImportBatch" WHERE "campaignId" = $1) AS batches,
              (SELECT count(*) FROM "ImportChange" c JOIN "ImportBatch" b ON b.id = c."batchId"
                WHERE b."campaignId" = $1)
              + (SELECT coalesce(sum(cardinality(c."candidateIds")), 0) FROM "ImportCreated" c
                  JOIN "ImportBatch" b ON b.id = c."batchId" WHERE b."campaignId" = $1) AS "undoRecords",
              (SELECT count(*) FROM "Assignment" a JOIN "Candidate" c ON c.id = a."candidateId"
                WHERE c."campaignId" = $1) AS assignments`,
      [campaignId],
    );
    return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  });
}

/**
 * A progress hook that, after the first chunk, checks that another session sees nothing yet, then
 * kills the applying backend: the one session of this database idle inside a transaction.
 */
function killAfterFirstChunk(campaignId: string, seen: { before?: Record<string, number>; killed?: number }) {
  const hook: ApplyProgress = async ({ written }) => {
    if (seen.killed !== undefined || written === 0) return;
    seen.before = await visible(campaignId);
    seen.killed = await withSecondConnection(async (client) => {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle in transaction'`,
      );
      expect(rows).toHaveLength(1);
      const pid = rows[0]?.pid as number;
      await client.query("SELECT pg_terminate_backend($1)", [pid]);
      return pid;
    });
  };
  return hook;
}

describe("a connection killed in the middle of an apply", () => {
  let campaignId: string;
  let userId: string;
  const nothing = { candidates: 0, admitted: 0, batches: 0, undoRecords: 0, assignments: 0 };

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 3, name: "断线测试" });
    campaignId = campaign.id;
    userId = (await createUser(db(), { login: "kill-data", roles: ["DATA"] })).id;
    for (const [i, region] of ["成都", "绵阳", "德阳"].entries()) {
      const group = await createGroup(db(), { campaignId, name: `第${i + 1}组`, region });
      const caller = await createUser(db(), { login: `kill-caller-${i}`, roles: ["CALLER"] });
      await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });
    }
  });

  it("leaves nothing of a 投档 list visible, and the same file applied again completes", async () => {
    const file = writeLargeToudangCsv(dir, ROWS, "toudang-5000.csv");
    const seen: { before?: Record<string, number>; killed?: number } = {};
    const input = {
      campaignId,
      kind: "toudang" as const,
      path: file,
      fileName: "toudang-5000.csv",
      by: { id: userId },
    };
    await expect(
      applyImport(doomedClient(), { ...input, onProgress: killAfterFirstChunk(campaignId, seen) }),
    ).rejects.toThrow();
    expect(seen.killed).toBeGreaterThan(0);
    // while the first chunk was written, and after the kill, another session saw nothing
    expect(seen.before).toEqual(nothing);
    expect(await visible(campaignId)).toEqual(nothing);

    const progress: number[] = [];
    const again = await applyImport(db(), { ...input, onProgress: ({ written }) => void progress.push(written) });
    expect(again).toMatchObject({ ok: true, created: ROWS, alreadyApplied: false });
    expect(progress).toEqual([2000, 4000, 5000]);
    expect(await visible(campaignId)).toEqual({
      candidates: ROWS,
      admitted: 0,
      batches: 1,
      undoRecords: ROWS,
      assignments: ASSIGNED,
    });
  });

  it("leaves no update of a 录取 list visible, re-runs, and undoes every changed field", async () => {
    const rows = [["考生号", "姓名", "录取专业"]];
    for (let n = 1; n <= ROWS; n++) rows.push([generatedCandidate(n).examNo, generatedCandidate(n).name, "护理"]);
    const file = writeCsv(dir, "luqu-5000.csv", rows, "gb18030");
    const seen: { before?: Record<string, number>; killed?: number } = {};
    const input = { campaignId, kind: "luqu" as const, path: file, fileName: "luqu-5000.csv", by: { id: userId } };
    await expect(
      applyImport(doomedClient(), { ...input, onProgress: killAfterFirstChunk(campaignId, seen) }),
    ).rejects.toThrow();
    expect(seen.killed).toBeGreaterThan(0);
    const before = { candidates: ROWS, admitted: 0, batches: 1, undoRecords: ROWS, assignments: ASSIGNED };
    expect(seen.before).toEqual(before);
    expect(await visible(campaignId)).toEqual(before);

    const applied = await applyImport(db(), input);
    expect(applied).toMatchObject({ ok: true, created: 0, updated: ROWS });
    const admitted = await db().candidate.findMany({
      where: { campaignId },
      select: { admitted: true, major: true, version: true },
    });
    expect(admitted.every((c) => c.admitted && c.major === "护理" && c.version === 1)).toBe(true);

    if (!applied.ok) throw new Error("unreachable");
    expect(await undoImport(db(), { batchId: applied.batchId, by: { id: userId } })).toMatchObject({
      ok: true,
      updated: ROWS,
    });
    const restored = await db().candidate.findMany({
      where: { campaignId },
      select: { admitted: true, major: true, version: true },
    });
    expect(restored.every((c) => !c.admitted && c.major === null && c.version === 2)).toBe(true);
  });
});
