import "server-only";
import { can, type Viewer } from "@/lib/auth/permissions";
import { workableCandidates } from "@/lib/calls/scope";
import { db } from "@/lib/db";
import { databaseStore } from "@/lib/storage";
import type { WithdrawalKind } from "@/lib/withdrawals/kinds";

/** The data team's review queue (退档 and 放弃录取 together): submitted requests first, then the latest decisions. */
export async function withdrawalQueue(campaignId: string) {
  const select = {
    id: true,
    kind: true,
    reason: true,
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
  return { pending, decided, approved: await approvedCounts(campaignId) };
}

/** How many requests of each kind the data team has approved in the campaign. */
async function approvedCounts(campaignId: string): Promise<Record<WithdrawalKind, number>> {
  const rows = await db().withdrawalRequest.groupBy({
    by: ["kind"],
    where: { campaignId, status: "APPROVED" },
    _count: { _all: true },
  });
  const counts: Record<WithdrawalKind, number> = { WITHDRAW: 0, DECLINE: 0 };
  for (const row of rows) counts[row.kind] = row._count._all;
  return counts;
}

/**
 * A photo of a signed withdrawal form with its stored bytes, for the data team (any photo) or for
 * whoever works its candidate; null for anybody else, as for a photo that does not exist.
 */
export async function withdrawalPhotoFor(viewer: Viewer, photoId: string) {
  const photo = await db().withdrawalPhoto.findFirst({
    where: {
      id: photoId,
      ...(can(viewer.roles, "withdrawal.review") ? {} : { request: { candidate: workableCandidates(viewer) } }),
    },
    select: { id: true, mimeType: true, file: { select: { key: true } } },
  });
  const stored = photo && (await databaseStore(db()).get("WITHDRAWAL_PHOTO", photo.file.key));
  return photo && stored ? { id: photo.id, mimeType: photo.mimeType, stored } : null;
}
