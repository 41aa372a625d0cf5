import { Readable } from "node:stream";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { workableCandidates } from "@/lib/calls/scope";
import { db } from "@/lib/db";
import { databaseStore } from "@/lib/storage";

/**
 * A photo of a signed withdrawal form (it shows ID copies): only the data team and the caller in
 * charge may see it, never from a cache, and every view is audited.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ photoId: string }> }) {
  const user = await getSessionUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  const { photoId } = await params;
  const photo = await db().withdrawalPhoto.findFirst({
    where: {
      id: photoId,
      ...(can(user.roles, "withdrawal.review") ? {} : { request: { candidate: workableCandidates(user) } }),
    },
    select: { id: true, mimeType: true, requestId: true, file: { select: { key: true } } },
  });
  const stored = photo && (await databaseStore(db()).get("WITHDRAWAL_PHOTO", photo.file.key));
  if (!photo || !stored) return new Response("Not found", { status: 404 });
  await db().auditLog.create({
    data: { actorId: user.id, action: "withdrawalPhoto.view", entityType: "WithdrawalPhoto", entityId: photo.id },
  });
  return new Response(Readable.toWeb(stored.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": photo.mimeType,
      "Content-Length": String(stored.info.size),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
