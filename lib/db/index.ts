import "server-only";
import { serverEnv } from "@/lib/env";
import { createPrismaClient, type PrismaClient } from "./client";

export type { Prisma } from "./client";

const globalForPrisma = globalThis as unknown as { huifangPrisma?: PrismaClient };

/**
 * The app's one Prisma client, created on first use: opening it at import time would make
 * `next build` connect from its worker processes.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.huifangPrisma) {
    const env = serverEnv();
    globalForPrisma.huifangPrisma = createPrismaClient(env.DATABASE_URL, { poolSize: env.DATABASE_POOL_SIZE });
  }
  return globalForPrisma.huifangPrisma;
}
