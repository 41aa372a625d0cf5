import { Readable } from "node:stream";
import { route, routeFailure } from "@/lib/action";
import { withdrawalPhotoFor } from "@/lib/admin/withdrawal-queries";

/**
 * A photo of a signed withdrawal form (it shows ID copies): only the data team and whoever works the
 * candidate (the caller in charge, a strike member who claimed them) may see it, never from a cache,
 * and every view is audited. Anyone else is answered 404, as if there were no such photo.
 */
export const GET = route<{ photoId: string }>(
  { name: "withdrawalPhoto.view", permission: "withdrawal.photo.view", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, params: { photoId }, audit }) => {
    const photo = await withdrawalPhotoFor(user, photoId);
    if (!photo) return routeFailure("NOT_FOUND");
    const { stored } = photo;
    await audit({ entityType: "WithdrawalPhoto", entityId: photo.id });
    return new Response(Readable.toWeb(stored.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": photo.mimeType,
        "Content-Length": String(stored.info.size),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
      },
    });
  },
);
