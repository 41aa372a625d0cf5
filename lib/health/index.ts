import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";
import packageJson from "@/package.json";
import { type HealthAnswer, type HealthFinding, healthAnswer, pendingMigrations } from "./answer";

export { type HealthAnswer, healthAnswer } from "./answer";

/** Longer than any query of a healthy database takes; a load balancer's own check waits about as long. */
const CHECK_TIMEOUT_MS = 5_000;

let committedMigrations: Promise<string[]> | undefined;

/**
 * The migrations committed with this build (prisma/migrations, as lib/db/migrate.ts finds them). The app
 * runs from the repository's folder (npm start, npm run serve), and the folder does not change while it
 * runs, so it is read once.
 */
function committed(): Promise<string[]> {
  committedMigrations ??= readdir(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true }).then(
    (entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
  );
  return committedMigrations;
}

/**
 * Reads the migration history through the app's own pool, not a connection of its own: the embedded
 * database must see the app's one connection only (lib/db/embedded.ts, EMBEDDED_POOL_SIZE).
 */
async function find(): Promise<HealthFinding> {
  const names = await committed();
  try {
    const [table] = await db().$queryRaw<{ present: boolean }[]>`
      SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`;
    if (!table?.present) return { reachable: true, pending: names };
    const applied = await db().$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return {
      reachable: true,
      pending: pendingMigrations(
        names,
        applied.map((row) => row.name),
      ),
    };
  } catch {
    return { reachable: false };
  }
}

/** Whether this instance can serve: its database answers within the timeout and has every migration. */
export async function checkHealth(): Promise<HealthAnswer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthFinding>((resolve) => {
    timer = setTimeout(() => resolve({ reachable: false }), CHECK_TIMEOUT_MS);
  });
  try {
    return healthAnswer(await Promise.race([find(), timeout]), packageJson.version);
  } finally {
    clearTimeout(timer);
  }
}
