// GET /api/health against the real database: 200 with every migration applied, 503 once one is missing,
// with nothing but the status and the version in the answer, and no session needed.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import packageJson from "@/package.json";
import { signInAs } from "../support/session";

// the owner's connection: the app's role may only read the migration history
const owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });

describe("GET /api/health", () => {
  beforeAll(async () => {
    await owner.connect();
    signInAs(null);
  });
  afterAll(() => owner.end());

  it("answers 200 with the status and the app's version, uncached, without a session", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", version: packageJson.version });
  });

  it("answers 503 while a committed migration is missing from the database, and 200 again once it is back", async () => {
    const { rows } = await owner.query(
      "DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations) RETURNING *",
    );
    expect(rows).toHaveLength(1);
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "migrations_pending", version: packageJson.version });
    } finally {
      const row = rows[0] as Record<string, unknown>;
      const columns = Object.keys(row);
      await owner.query(
        `INSERT INTO _prisma_migrations (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(row),
      );
    }
    expect((await GET()).status).toBe(200);
  });
});
