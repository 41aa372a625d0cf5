// A bulk write's statement goes to the pg client its Prisma transaction runs on (lib/db bulkStatements):
// it must be that transaction, seeing its writes and rolled back with it, and where the client cannot be
// found the statement still runs in the transaction, through Prisma.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { bulkStatements, createPrismaClient, PrismaClient } from "@/lib/db/client";

const url = process.env.DATABASE_URL as string;
const tracked = createPrismaClient(url, { poolSize: 3 });
// a pool made elsewhere: its clients are not known, so the statement goes through Prisma
const otherPool = new pg.Pool({ connectionString: url, max: 3 });
const untracked = new PrismaClient({ adapter: new PrismaPg(otherPool) });
afterAll(async () => {
  await tracked.$disconnect();
  await untracked.$disconnect();
  await otherPool.end();
});

// rows of a table the app's role may write, keyed apart from anything else in it
const key = (n: number) => `bulk-statement-test-${process.pid}-${n}`;
const written = (prisma: PrismaClient) =>
  prisma.importProgress.findMany({ where: { fileHash: { startsWith: `bulk-statement-test-${process.pid}-` } } });

describe.each([
  ["on the transaction's own connection", tracked, "direct"],
  ["through Prisma where the connection cannot be told", untracked, "prisma"],
] as const)("a bulk statement %s", (_how, prisma, expected) => {
  it("runs in the transaction: sees its writes, and is rolled back with it", async () => {
    const payload = Buffer.from(JSON.stringify([1, 2].map((n) => ({ fileHash: key(n), stage: "写入中" }))));
    const failed = prisma.$transaction(async (tx) => {
      await tx.importProgress.create({ data: { fileHash: key(0), stage: "checking" } });
      const send = await bulkStatements(tx);
      expect(send.path).toBe(expected);
      const inserted = await send(
        `INSERT INTO "ImportProgress" ("fileHash", stage, "updatedAt")
         SELECT "fileHash", stage, now()
         FROM jsonb_to_recordset(convert_from($1::bytea, 'UTF8')::jsonb) AS v("fileHash" text, stage text)`,
        [payload],
      );
      expect(inserted).toBe(2);
      // the transaction's row and the statement's rows, read back through Prisma in the same transaction
      const rows = await tx.importProgress.findMany({
        where: { fileHash: { startsWith: `bulk-statement-test-${process.pid}-` } },
        orderBy: { fileHash: "asc" },
      });
      expect(rows.map((r) => r.stage)).toEqual(["checking", "写入中", "写入中"]);
      throw new Error("rolled back");
    });
    await expect(failed).rejects.toThrow("rolled back");
    // another session sees nothing of it
    expect(await written(prisma)).toEqual([]);
  });
});

it("finds each of several transactions at once its own connection", async () => {
  const sessions = await Promise.all(
    Array.from({ length: 3 }, () =>
      tracked.$transaction(async (tx) => {
        const send = await bulkStatements(tx);
        const [mine] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        // the statement reports the server process it ran on
        await send("SELECT set_config('huifang.test_pid', pg_backend_pid()::text, true)", []);
        const [seen] = await tx.$queryRaw<{ pid: string }[]>`SELECT current_setting('huifang.test_pid') AS pid`;
        // held until all three have looked, so that they run at once
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { path: send.path, mine: mine?.pid, seen: Number(seen?.pid) };
      }),
    ),
  );
  for (const s of sessions) expect(s).toEqual({ path: "direct", mine: s.mine, seen: s.mine });
  expect(new Set(sessions.map((s) => s.mine)).size).toBe(3);
});
