import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { discardRest } from "@/lib/http/discard-rest";
import { LIST_KINDS, type ListKind, parseMapping } from "@/lib/import/columns";
import { previewResponse } from "@/lib/import/preview";
import { MAX_FILE_BYTES, UnreadableFileError } from "@/lib/import/read";
import { BrokenUploadError, MAX_UPLOAD_BODY_BYTES, receiveList } from "@/lib/import/receive";
import { previewUpload, uploadStore } from "@/lib/import/upload-store";
import { deleteUpload, sweepUploads } from "@/lib/import/uploads";
import { FileTooLargeError } from "@/lib/storage";

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
    const tooLarge = () =>
      routeFailure("TOO_LARGE", t("imports.refusals.tooLarge", { megabytes: MAX_FILE_BYTES / 1024 / 1024 }));

    // refused before a byte of the body is parsed or stored when the browser says how large it is (the
    // answer still waits for the client to stop sending: lib/http/discard-rest.ts); a chunked post (no
    // Content-Length) is counted as it streams in and refused at the same limit
    const declared = Number(request.headers.get("content-length") ?? Number.NaN);
    if (declared > MAX_UPLOAD_BODY_BYTES) {
      if (request.body) await discardRest(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>));
      return tooLarge();
    }

    const store = uploadStore();
    // uploads never applied go after 24 hours, on each upload (and by `cli retention`)
    await sweepUploads(store, new Date());
    const received = await receiveList(request, store, campaign.id).catch((error: unknown) => {
      if (error instanceof FileTooLargeError || error instanceof UnreadableFileError) return error;
      if (error instanceof BrokenUploadError) return error;
      throw error;
    });
    if (received instanceof FileTooLargeError) return tooLarge();
    if (received instanceof UnreadableFileError) return routeFailure("UNREADABLE", render(received.reason));
    if (received instanceof BrokenUploadError) return routeFailure("INVALID_INPUT", t("imports.refusals.brokenUpload"));
    const { file, fields } = received;
    if (!file) return routeFailure("INVALID_INPUT", t("imports.refusals.noFile"));
    const upload = { fileHash: file.stored.sha256, format: file.format };
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
