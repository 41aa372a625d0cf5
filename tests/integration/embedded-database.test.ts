import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "@/lib/db/embedded";
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
    prisma = createPrismaClient(embedded.url, { poolSize: 4 });
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

  it("keeps its data across a restart", async () => {
    await prisma.$disconnect();
    await embedded.stop();
    embedded = await startEmbeddedDatabase(dataDir);
    prisma = createPrismaClient(embedded.url, { poolSize: 4 });
    expect(await prisma.user.count({ where: { login: { in: ["twice", "counter"] } } })).toBe(2);
  }, 60_000);
});
