import "server-only";
import { can, type Viewer } from "@/lib/auth/permissions";
import { workableCandidates } from "@/lib/calls/scope";
import { db } from "@/lib/db";
import { databaseStore } from "@/lib/storage";

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
