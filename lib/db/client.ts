import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { type Prisma, PrismaClient } from "@/generated/prisma/client";
import { watchPool } from "@/lib/metrics";

export type { Prisma } from "@/generated/prisma/client";
export { PrismaClient };

/** What a query reads through: the app's client, or the transaction an action's body (or a script) holds. */
export type Reader = PrismaClient | Prisma.TransactionClient;

/**
 * Builds a Prisma client on a PostgreSQL URL. The embedded database (PGlite served on a local port by
 * scripts/serve.ts) and a real PostgreSQL server are both reached this way, so the app has one adapter,
 * one error vocabulary (P2002 for unique violations) and one code path.
 */
export function createPrismaClient(url: string, options: { poolSize?: number } = {}) {
  return prismaOnPool(createPool(url, options));
}

/** A Prisma client on a pool the caller also uses directly (lib/db's `dbPool`). */
export function prismaOnPool(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

/** The connection pool under the app's Prisma client. */
export function createPool(url: string, options: { poolSize?: number } = {}) {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // a request waiting longer than this for a connection fails instead of hanging
    connectionTimeoutMillis: 10_000,
  });
  // /api/metrics reports its connections in use and the queries waiting for one
  watchPool(pool);
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_error, client) => checkedOut.delete(client));
  return pool;
}

/**
 * Every client of the pools above that someone holds right now: the transactions among them. Kept on
 * `globalThis`: Next.js gives each server bundle its own copy of this module, and the pool is made by
 * whichever bundle asked first (lib/db).
 */
const processWide = globalThis as { huifangCheckedOut?: Set<pg.PoolClient> };
processWide.huifangCheckedOut ??= new Set();
const checkedOut = processWide.huifangCheckedOut;

/** A statement sent as is, with its parameters `$1`, `$2`, ...; returns the rows it wrote. */
export type BulkStatement = ((sql: string, values: unknown[]) => Promise<number>) & {
  /** on the transaction's own pg client, or through Prisma */
  path: "direct" | "prisma";
};

/**
 * How a bulk write sends one large parameter (a list import's chunk of 2,000 rows as one JSON text, about
 * a megabyte) inside a Prisma interactive transaction. Prisma's raw queries pass every parameter through
 * its query compiler, serialised and copied several times: about 5 MB of large strings per chunk, which
 * only a full garbage collection frees, so a 100,000-row import's heap grew by some 150 MB
 * (bench:import). The statement goes instead to the pg client the transaction runs on, found by its
 * server process and confirmed by a setting only this transaction holds: the same connection and the
 * same transaction, so it commits or rolls back with everything else. Where the client cannot be told
 * apart (the embedded database answers one process id for every connection), the statement goes
 * through Prisma as before. Run nothing else on the transaction while a statement is on its way.
 */
export async function bulkStatements(tx: Prisma.TransactionClient): Promise<BulkStatement> {
  const marker = randomUUID();
  const [session] = await tx.$queryRaw<{ pid: number }[]>`
    SELECT pg_backend_pid() AS pid, set_config('huifang.bulk_transaction', ${marker}, true)`;
  const same = [...checkedOut].filter((client) => (client as { processID?: number }).processID === session?.pid);
  const client = same.length === 1 ? same[0] : undefined;
  if (client) {
    const { rows } = await client.query<{ marker: string | null }>(
      "SELECT current_setting('huifang.bulk_transaction', true) AS marker",
    );
    if (rows[0]?.marker === marker) {
      return Object.assign(async (sql: string, values: unknown[]) => (await client.query(sql, values)).rowCount ?? 0, {
        path: "direct" as const,
      });
    }
  }
  return Object.assign((sql: string, values: unknown[]) => tx.$executeRawUnsafe(sql, ...values), {
    path: "prisma" as const,
  });
}
