import "server-only";
import type pg from "pg";
import { serverEnv } from "@/lib/env";
import { createPool, type PrismaClient, prismaOnPool } from "./client";

export type { Prisma } from "./client";

const globalForPrisma = globalThis as unknown as { huifangPrisma?: PrismaClient; huifangPool?: pg.Pool };

/**
 * The app's one Prisma client, created on first use: opening it at import time would make
 * `next build` connect from its worker processes.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.huifangPrisma) {
    const env = serverEnv();
    globalForPrisma.huifangPool = createPool(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
    globalForPrisma.huifangPrisma = prismaOnPool(globalForPrisma.huifangPool);
  }
  return globalForPrisma.huifangPrisma;
}

/**
 * The pool under `db()`, for the one write that bypasses Prisma: the chunks of a large stored file
 * (lib/storage). The same connections, so the embedded database still sees only the app's one.
 */
export function dbPool(): pg.Pool {
  db();
  return globalForPrisma.huifangPool as pg.Pool;
}
