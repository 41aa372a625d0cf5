// What the backup tests share: the command line with an environment of its own, and a table-by-table
// fingerprint of a database to compare a restore with its source.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { Run } from "../support/cli";

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

export const PASSPHRASE = "备份口令 for the tests, long enough";

/**
 * `npm run cli -- <args>` with `env` over this process's environment (a variable given as undefined is
 * removed: the embedded database's commands run without DATABASE_URL).
 */
export function cliWith(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const merged: NodeJS.ProcessEnv = { ...process.env, HUIFANG_BACKUP_PASSPHRASE: PASSPHRASE };
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ["scripts/cli.ts", ...args], { cwd: root, env: merged, timeout: 240_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

export interface TableFingerprint {
  rows: number;
  /** md5 over the table's rows as JSON, in a fixed order */
  digest: string;
}

/** Every table of the app's schema (the migration history aside): its row count and a digest of its rows. */
export async function fingerprint(url: string): Promise<Record<string, TableFingerprint>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, TableFingerprint> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ rows: string; digest: string | null }>(
        `SELECT count(*) AS rows, md5(string_agg(j, E'\\n' ORDER BY j)) AS digest
         FROM (SELECT row_to_json(t)::text AS j FROM "${name}" t) r`,
      );
      result[name] = { rows: Number(rows[0]?.rows), digest: rows[0]?.digest ?? "" };
    }
    return result;
  } finally {
    await client.end();
  }
}

/** A copy of `file` with one byte of its ciphertext changed. */
export function tampered(file: string): string {
  const bytes = readFileSync(file);
  const at = bytes.length - 100;
  bytes[at] = (bytes[at] ?? 0) ^ 0x10;
  const copy = `${file}.tampered`;
  writeFileSync(copy, bytes, { mode: 0o600 });
  return copy;
}

/** The database's one line of `query`, as the given role. */
export async function queryOne<T extends pg.QueryResultRow>(url: string, query: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(query, values)).rows[0];
  } finally {
    await client.end();
  }
}

/** The error `query` fails with, as the given role, or null when it succeeds. */
export async function refusal(url: string, query: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end();
  }
}
