import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Names of the committed migrations that the database has not finished applying. */
export async function pendingMigrations(databaseUrl: string): Promise<string[]> {
  const local = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const table = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!table.rows[0]?.present) return local;
    const done = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(done.rows.map((row) => row.migration_name));
    return local.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

/**
 * Applies the committed migrations (prisma/migrations) with `prisma migrate deploy`.
 * The engine-path variables point at any existing file: with the JavaScript engines they are never
 * executed, and without them the CLI tries to download binaries this machine cannot reach.
 */
export async function applyMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  // The CLI takes 10-20 s to start its engine; a restart with nothing to apply skips it.
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length === 0) {
    if (!options.quiet) console.log("[huifang] database schema up to date");
    return;
  }
  await runMigrateDeploy(databaseUrl, options);
}

function runMigrateDeploy(databaseUrl: string, options: { quiet?: boolean }): Promise<void> {
  const cwd = ROOT;
  const prismaBin = path.join(cwd, "node_modules", ".bin", "prisma");
  return new Promise((resolve, reject) => {
    const child = spawn(prismaBin, ["migrate", "deploy"], {
      cwd,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: "package.json",
        PRISMA_QUERY_ENGINE_LIBRARY: "package.json",
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        if (!options.quiet) {
          const applied = output.match(/(\d+) migrations? found/)?.[0] ?? "migrations checked";
          console.log(`[huifang] migrations applied (${applied})`);
        }
        resolve();
      } else {
        reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
      }
    });
  });
}
