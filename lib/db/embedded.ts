import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * The app's pool size on the embedded database: one connection. PGlite is a single session, and the
 * socket server interleaves the extended-protocol messages (Parse/Bind/Execute) of different
 * connections as soon as one of them is inside a transaction, so with several connections a page's
 * query answered beside an action's transaction fails with `portal "" does not exist` or
 * `unnamed prepared statement does not exist` (electric-sql/pglite#1046, #977; 21 of 60 mixed
 * statements failed with 4 connections here). One connection queues the statements in the pool
 * instead, which costs nothing: PGlite runs one statement at a time anyway.
 */
export const EMBEDDED_POOL_SIZE = 1;

/** Another process (the running app, or a command) has the data folder open. */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(readonly pid: number) {
    super(`the embedded database is in use by process ${pid}`);
  }
}

/**
 * PGlite has no lock of its own: two processes opening one data folder would both write to it. The
 * first to start writes its pid to a lock file beside the data; another start refuses while that
 * process lives. A lock left by a process that died is taken over.
 */
function lockDataFolder(dataDir: string): () => void {
  const lockFile = path.resolve(dataDir, "pgdata.lock");
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx", mode: 0o600 });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lockFile, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new EmbeddedDatabaseInUseError(holder);
      }
      rmSync(lockFile, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves a PGlite data folder over the PostgreSQL wire protocol on a loopback port, so the app, the
 * Prisma CLI and the seed reach it exactly like a PostgreSQL server (one adapter, one code path).
 * PGlite is one session: the app reaches it through EMBEDDED_POOL_SIZE connections; the Prisma CLI,
 * the seed and `psql` may hold the others up to `maxConnections`, one at a time.
 */
export async function startEmbeddedDatabase(
  dataDir: string,
  options: { port?: number; maxConnections?: number } = {},
): Promise<EmbeddedDatabase> {
  const pgdata = path.resolve(dataDir, "pgdata");
  // PGlite needs the parent folder to exist
  mkdirSync(path.dirname(pgdata), { recursive: true });
  const unlock = lockDataFolder(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(pgdata);
  } catch (error) {
    unlock();
    throw error;
  }
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 8,
  });
  let port = options.port ?? 0;
  server.addEventListener("listening", (event) => {
    const detail = (event as CustomEvent<{ port?: number }>).detail;
    if (detail.port) port = detail.port;
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    unlock();
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      unlock();
    },
  };
}
