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
  return pool;
}
