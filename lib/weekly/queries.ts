import "server-only";
// Reads for the weekly summary pages.
import { db, type Prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";

export { weekFigures } from "./figures";

type Reader = PrismaClient | Prisma.TransactionClient;

/** A group's summaries, newest week first. */
export function groupReports(groupId: string, reader: Reader = db()) {
  return reader.weeklyReport.findMany({
    where: { groupId },
    orderBy: { weekStart: "desc" },
    select: {
      id: true,
      weekStart: true,
      body: true,
      status: true,
      submittedAt: true,
      updatedAt: true,
      submittedBy: { select: { name: true } },
    },
  });
}
