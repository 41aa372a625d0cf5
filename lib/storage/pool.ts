import "server-only";
import pg from "pg";
import { serverEnv } from "@/lib/env";

const processWide = globalThis as unknown as { huifangStoragePool?: pg.Pool };

/**
 * Two connections of this process for writing large files' chunks outside Prisma (see databaseStore),
 * created on first use like the app's client. Within the embedded database's connection limit: the
 * app's pool there has 4 of its 8.
 */
export function storagePool(): pg.Pool {
  if (!processWide.huifangStoragePool) {
    const pool = new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 2, connectionTimeoutMillis: 10_000 });
    // an idle connection the server closed (a restart) is dropped by the pool and replaced on next use;
    // unhandled, the event would end the process
    pool.on("error", () => undefined);
    processWide.huifangStoragePool = pool;
  }
  return processWide.huifangStoragePool;
}
