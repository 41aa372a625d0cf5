import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves a PGlite data folder over the PostgreSQL wire protocol on a loopback port, so the app, the
 * Prisma CLI and the seed reach it exactly like a PostgreSQL server (one adapter, one code path).
 * PGlite is one session: the socket server queues statements and keeps a transaction on the
 * connection that opened it, so the app's pool must stay below `maxConnections`.
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
