import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { workableCandidates } from "@/lib/calls/scope";
import { db } from "@/lib/db";

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
    select: { id: true, mimeType: true, bytes: true, requestId: true },
  });
  if (!photo) return new Response("Not found", { status: 404 });
  await db().auditLog.create({
    data: { actorId: user.id, action: "withdrawalPhoto.view", entityType: "WithdrawalPhoto", entityId: photo.id },
  });
  return new Response(Buffer.from(photo.bytes), {
    headers: {
      "Content-Type": photo.mimeType,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
