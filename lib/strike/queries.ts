import "server-only";
import { db } from "@/lib/db";

/** Escalations that reached the strike team and are not resolved yet, oldest first. */
export async function strikeQueue(campaignId: string) {
  return db().escalation.findMany({
    where: { campaignId, toTeam: "STRIKE", status: { in: ["FORWARDED", "CLAIMED"] } },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      reason: true,
      status: true,
      createdAt: true,
      candidate: { select: { name: true, examNo: true, region: true } },
      fromUser: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  });
}
