import { mkdirSync } from "node:fs";
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
  const db = await PGlite.create(pgdata);
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
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
