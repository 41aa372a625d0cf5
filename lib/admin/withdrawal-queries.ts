import "server-only";
import { db } from "@/lib/db";

/** The data team's review queue: submitted withdrawals first, then the latest decisions. */
export async function withdrawalQueue(campaignId: string) {
  const select = {
    id: true,
    status: true,
    checklist: true,
    version: true,
    submittedAt: true,
    reviewedAt: true,
    reviewReason: true,
    caller: { select: { name: true } },
    reviewer: { select: { name: true } },
    candidate: { select: { name: true, examNo: true, region: true } },
    photos: { select: { id: true }, orderBy: { createdAt: "asc" as const } },
  };
  const [pending, decided] = await Promise.all([
    db().withdrawalRequest.findMany({
      where: { campaignId, status: "SUBMITTED" },
      orderBy: { submittedAt: "asc" },
      select,
    }),
    db().withdrawalRequest.findMany({
      where: { campaignId, status: { in: ["APPROVED", "SENT_BACK"] }, reviewedAt: { not: null } },
      orderBy: { reviewedAt: "desc" },
      take: 20,
      select,
    }),
  ]);
  return { pending, decided };
}
