import "server-only";
// Reads for the imports page.
import { db } from "@/lib/db";

/** The campaign's 50 latest list imports, newest first. */
export function recentImports(campaignId: string) {
  return db().importBatch.findMany({
    where: { campaignId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      kind: true,
      fileName: true,
      status: true,
      rowsRead: true,
      rowsNew: true,
      rowsChanged: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
