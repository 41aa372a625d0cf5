import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPool, createPrismaClient, type PrismaClient } from "@/lib/db/client";
import {
  EMBEDDED_POOL_SIZE,
  type EmbeddedDatabase,
  EmbeddedDatabaseInUseError,
  startEmbeddedDatabase,
} from "@/lib/db/embedded";
import { applyMigrations, pendingMigrations } from "@/lib/db/migrate";
import { createUser } from "@/prisma/seed/factories";

// The same code paths `npm start` takes without DATABASE_URL: PGlite in a folder, served on a port.
describe("the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "huifang-embedded-"));
  let embedded: EmbeddedDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    embedded = await startEmbeddedDatabase(dataDir);
    await applyMigrations(embedded.url, { quiet: true });
    prisma = createPrismaClient(embedded.url, { poolSize: EMBEDDED_POOL_SIZE });
  }, 120_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("has every migration applied", async () => {
    expect(await pendingMigrations(embedded.url)).toEqual([]);
  });

  it("reports a unique violation as P2002, as the server does", async () => {
    await createUser(prisma, { login: "twice", roles: ["CALLER"] });
    await expect(createUser(prisma, { login: "twice", roles: ["CALLER"] })).rejects.toMatchObject({ code: "P2002" });
  });

  it("keeps concurrent transactions apart on one PGlite session", async () => {
    const user = await createUser(prisma, { login: "counter", roles: ["CALLER"] });
    // ten interleaved read-modify-write transactions: the socket server must not mix their statements
    await Promise.all(
      Array.from({ length: 10 }, () =>
        prisma.$transaction(async (tx) => {
          const row = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
          await tx.user.update({ where: { id: user.id }, data: { sessionVersion: row.sessionVersion + 1 } });
        }),
      ),
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(10);
  });

  it("answers pages' queries beside actions' transactions, all at once, on the app's pool", async () => {
    // A page's reads arriving while actions hold transactions, at the wire level (Prisma batches and
    // paces its queries, which only makes the mix rarer). With several connections the socket server
    // mixed their Parse/Bind/Execute messages (electric-sql/pglite#1046): about a third failed.
    const pool = createPool(embedded.url, { poolSize: EMBEDDED_POOL_SIZE });
    const poolErrors: string[] = [];
    pool.on("error", (error) => poolErrors.push(error.message));
    await pool.query("CREATE TABLE mixed (id serial PRIMARY KEY, n int NOT NULL)");
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 60 }, async (_, i) => {
          if (i % 2 === 1) return (await pool.query("SELECT $1::int + 1 AS n", [i])).rows[0]?.n;
          const client = await pool.connect();
          try {
            await client.query("BEGIN");
            await client.query("INSERT INTO mixed (n) VALUES ($1)", [i]);
            const { rows } = await client.query("SELECT count(*)::int AS n FROM mixed WHERE n = $1", [i]);
            await client.query("COMMIT");
            return rows[0]?.n === 1 ? i + 1 : -1;
          } catch (error) {
            await client.query("ROLLBACK").catch(() => undefined);
            throw error;
          } finally {
            client.release();
          }
        }),
      );
      expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
      expect(outcomes.map((o) => (o.status === "fulfilled" ? o.value : null))).toEqual(
        Array.from({ length: 60 }, (_, i) => i + 1),
      );
      expect(poolErrors).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it("keeps its data across a restart", async () => {
    await prisma.$disconnect();
    await embedded.stop();
    embedded = await startEmbeddedDatabase(dataDir);
    prisma = createPrismaClient(embedded.url, { poolSize: EMBEDDED_POOL_SIZE });
    expect(await prisma.user.count({ where: { login: { in: ["twice", "counter"] } } })).toBe(2);
  }, 60_000);
});

describe("the embedded database's folder", () => {
  it("is opened by one process at a time, and free again once that one stops", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "huifang-embedded-lock-"));
    try {
      const first = await startEmbeddedDatabase(dataDir);
      await expect(startEmbeddedDatabase(dataDir)).rejects.toBeInstanceOf(EmbeddedDatabaseInUseError);
      await first.stop();
      const again = await startEmbeddedDatabase(dataDir);
      await again.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("takes over a lock left by a process that died", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "huifang-embedded-stale-"));
    try {
      // a pid far above any live process: the lock of a crashed start
      writeFileSync(path.join(dataDir, "pgdata.lock"), "4194303");
      const embedded = await startEmbeddedDatabase(dataDir);
      await embedded.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
