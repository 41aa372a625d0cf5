import { spawn } from "node:child_process";
import path from "node:path";

/**
 * Applies the committed migrations (prisma/migrations) with `prisma migrate deploy`.
 * The engine-path variables point at any existing file: with the JavaScript engines they are never
 * executed, and without them the CLI tries to download binaries this machine cannot reach.
 */
export function applyMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const cwd = path.resolve(import.meta.dirname, "..", "..");
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
          console.log(`[huifang] database schema up to date (${applied})`);
        }
        resolve();
      } else {
        reject(new Error(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`));
      }
    });
  });
}
