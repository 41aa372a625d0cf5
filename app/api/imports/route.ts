import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { LIST_KINDS, type ListKind, parseMapping } from "@/lib/import/columns";
import { previewResponse } from "@/lib/import/preview";
import { MAX_FILE_BYTES, UnreadableFileError } from "@/lib/import/read";
import { MAX_UPLOAD_BODY_BYTES } from "@/lib/import/receive";
import { receiveUploadedList } from "@/lib/import/upload-route";
import { previewUpload } from "@/lib/import/upload-store";
import { deleteUpload } from "@/lib/import/uploads";

/**
 * Receives a list file (multipart: `file`, `kind`, and `mapping`, the header mapping as corrected on
 * the page, JSON) and answers its preview against the campaign with the header mapping it used.
 * Nothing is written to the campaign here; the file waits in the storage module, named by its hash,
 * for the apply action (on any instance). A route handler rather than a server action: files are
 * larger than an action's body limit, and the body is streamed, never read whole.
 *
 * proxy.ts leaves this route out: Next reads and buffers the whole body of every request its proxy
 * sees before the route runs (up to proxyClientMaxBodySize, 10 MB, dropping the rest), so neither the
 * Content-Length refusal nor the streaming would happen in time. The wrapper sets the proxy's headers.
 * Like every route handler that is not a GET, a post from another site is refused before anything else.
 */
export const POST = route(
  { name: "import.preview", permission: "import.run", securityHeaders: true },
  async (request, { t, render }) => {
    const campaign = await currentCampaign();
    if (!campaign) return routeFailure("NOT_FOUND", t("imports.refusals.noCampaign"));
    const received = await receiveUploadedList(
      request,
      campaign.id,
      { maxBodyBytes: MAX_UPLOAD_BODY_BYTES },
      {
        tooLarge: () =>
          routeFailure("TOO_LARGE", t("imports.refusals.tooLarge", { megabytes: MAX_FILE_BYTES / 1024 / 1024 })),
        brokenUpload: t("imports.refusals.brokenUpload"),
        noFile: t("imports.refusals.noFile"),
        render,
      },
    );
    if (received instanceof Response) return received;
    const { store, file, fields, upload } = received;
    const kind = fields.get("kind");
    const mapping = parseMapping(fields.get("mapping") ?? null);
    if (!mapping.ok || typeof kind !== "string" || !LIST_KINDS.includes(kind as ListKind)) {
      await deleteUpload(store, upload);
      return routeFailure("INVALID_INPUT", mapping.ok ? t("imports.refusals.noKind") : render(mapping.error));
    }

    try {
      const preview = await previewUpload(upload, {
        campaignId: campaign.id,
        kind: kind as ListKind,
        mapping: mapping.value,
      });
      if (!preview) return routeFailure("NOT_FOUND", t("imports.refusals.uploadGone"));
      return Response.json(
        previewResponse(preview, {
          fileHash: upload.fileHash,
          fileName: file.name,
          format: upload.format,
          kind: kind as ListKind,
          mappingChosen: Boolean(mapping.value),
        }),
      );
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        await deleteUpload(store, upload);
        return routeFailure("UNREADABLE", render(error.reason));
      }
      throw error;
    }
  },
);
