// What backup and restore ask of a database, on a server or the embedded one alike (node-postgres).
import pg from "pg";

export const MIGRATION_HISTORY = "_prisma_migrations";

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The tables of the app's schema, the migration history aside, by name. */
export async function appTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '${MIGRATION_HISTORY}'
     ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

/** Rows per table, in the client's snapshot. */
export async function rowCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await appTables(client)) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

/** The migrations the database has applied, by name (none when it has no history). */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows: present } = await client.query<{ present: boolean }>(
    `SELECT to_regclass('${MIGRATION_HISTORY}') IS NOT NULL AS present`,
  );
  if (!present[0]?.present) return [];
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM ${MIGRATION_HISTORY}
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((row) => row.name);
}

/** The tables that hold rows, with how many: an empty (or only migrated) database has none. */
export async function filledTables(client: pg.ClientBase): Promise<{ tables: number; rows: number }> {
  const counts = Object.values(await rowCounts(client)).filter((n) => n > 0);
  return { tables: counts.length, rows: counts.reduce((sum, n) => sum + n, 0) };
}

/**
 * Stored files whose bytes are in the object store (lib/storage): a backup holds their rows but not
 * their bytes. None on a database migrated before the object store existed.
 */
export async function objectStoreFiles(client: pg.ClientBase): Promise<number> {
  const { rows: present } = await client.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name = 'StoredFile' AND column_name = 'objectKey') AS present`,
  );
  if (!present[0]?.present) return 0;
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM "StoredFile" WHERE "objectKey" IS NOT NULL`,
  );
  return Number(rows[0]?.n ?? 0);
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * The current campaign's retention period in days (lib/retention), picked in CURRENT_CAMPAIGN_FIRST's
 * order (lib/campaign/latest.ts); null without a campaign.
 */
export async function currentRetentionDays(client: pg.ClientBase): Promise<number | null> {
  const { rows } = await client.query<{ days: number }>(
    `SELECT "retentionDays" AS days FROM "Campaign" ORDER BY "isCurrent" DESC, year DESC, "createdAt" DESC LIMIT 1`,
  );
  return rows[0]?.days ?? null;
}
