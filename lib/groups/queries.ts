import "server-only";
import { db } from "@/lib/db";

/** The group's escalations waiting for the leader, oldest first, with the caller's latest attempts. */
export async function groupEscalations(groupId: string) {
  return db().escalation.findMany({
    where: { candidate: { groupId }, status: { in: ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"] } },
    orderBy: [{ status: "asc" }, { createdAt: "asc" }],
    take: 100,
    select: {
      id: true,
      reason: true,
      status: true,
      note: true,
      advice: true,
      version: true,
      createdAt: true,
      fromUser: { select: { name: true } },
      candidate: {
        select: {
          name: true,
          examNo: true,
          contactLogs: {
            orderBy: { startedAt: "desc" },
            take: 3,
            select: { id: true, startedAt: true, outcome: true, channel: true },
          },
        },
      },
    },
  });
}
