// Backup and restore of a PostgreSQL server with its own tools: pg_dump's custom format, restored by
// pg_restore in one transaction, so a restore that fails changes nothing.
import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { appliedMigrations, currentRetentionDays, rowCounts, withClient } from "./database";
import { type BackupManifest, manifestLine } from "./payload";
import type { PgTools } from "./pg-tools";

/**
 * The URL without its password, for the tools' command line (which any user of the machine can read in
 * the process list), and the password for their environment.
 */
function forTools(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGCONNECT_TIMEOUT: "10" },
  };
}

/** The server's `server_version_num`. */
export async function serverVersion(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return rows[0]?.v ?? "0";
  });
}

/** A tool's first line of complaint, for the one line the command prints. */
function firstLine(stderr: string): string {
  return (
    stderr
      .split("\n")
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ""
  );
}

export class ToolFailedError extends Error {
  constructor(
    readonly tool: string,
    readonly detail: string,
  ) {
    super(`${tool}: ${detail}`);
  }
}

/**
 * The manifest's line, then pg_dump's archive, as one stream. The rows are counted and pg_dump reads in
 * one snapshot (exported by a repeatable-read transaction held open until pg_dump is done), so the
 * counts are exactly what the archive holds while the app goes on writing.
 */
export function dumpServer(url: string, tools: PgTools, onManifest: (manifest: BackupManifest) => void): Readable {
  return Readable.from(
    (async function* () {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const { rows } = await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id");
        const manifest: BackupManifest = {
          format: "pg_dump",
          migrations: await appliedMigrations(client),
          tables: await rowCounts(client),
          retentionDays: await currentRetentionDays(client),
        };
        onManifest(manifest);
        yield manifestLine(manifest);
        const { dbname, env } = forTools(url);
        const child = spawn(tools.pgDump, ["--format=custom", `--snapshot=${rows[0]?.id}`, "--no-password", dbname], {
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
          stderr += chunk;
        });
        const exited = new Promise<number | null>((resolve, reject) => {
          child.on("error", reject);
          child.on("close", resolve);
        });
        let readToEnd = false;
        try {
          for await (const chunk of child.stdout) yield chunk as Buffer;
          readToEnd = true;
        } finally {
          // the consumer stopped early (the file could not be written): pg_dump is not left running
          if (!readToEnd) child.kill();
        }
        const code = await exited;
        if (code !== 0) throw new ToolFailedError("pg_dump", firstLine(stderr) || `exit ${code}`);
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    })(),
  );
}

/**
 * Restores pg_dump's archive into the database at `ownerUrl`, as its owner, in one transaction: what the
 * archive holds replaces the objects of the same names (--clean), and any error rolls all of it back.
 * The owner restoring owns everything (--no-owner); the grants are the archive's, with
 * restrict_history_privileges() run again after, so the app's role keeps exactly the privileges the
 * migrations gave it (the audit log and signed-off payouts append-only, README "Database"). The roles must have the names they had where the backup was taken, as
 * `npm run db:roles` with the same URLs gives them; otherwise pg_restore names the missing role and
 * nothing is changed.
 */
export async function restoreServer(ownerUrl: string, archive: Readable, tools: PgTools): Promise<void> {
  const { dbname, env } = forTools(ownerUrl);
  const child = spawn(
    tools.pgRestore,
    ["--single-transaction", "--clean", "--if-exists", "--no-owner", "--no-password", "--dbname", dbname],
    { env, stdio: ["pipe", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  // pg_restore reads the custom format from its standard input in order, as pg_dump wrote it
  const fed = pipeline(archive, child.stdin).catch((error: unknown) => {
    // pg_restore stopped reading (it failed): its own complaint is the one that says why
    if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
  });
  const [code] = await Promise.all([exited, fed]);
  if (code !== 0) throw new ToolFailedError("pg_restore", firstLine(stderr) || `exit ${code}`);
  // The tables were created anew, so the owner's default privileges (npm run db:roles) gave the app's role
  // UPDATE and DELETE on them all again; the archive's grants only add. The migrations' own function takes
  // the exceptions back, as after a migration: the audit log and signed-off payouts stay append-only.
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ present: boolean }>(
      "SELECT to_regprocedure('restrict_history_privileges()') IS NOT NULL AS present",
    );
    if (rows[0]?.present) await client.query('SELECT "restrict_history_privileges"()');
  });
}

/** Rows per table now, to compare with the manifest after a restore. */
export function countRows(url: string): Promise<Record<string, number>> {
  return withClient(url, (client) => rowCounts(client));
}
