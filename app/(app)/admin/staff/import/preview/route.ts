import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { discardRest } from "@/lib/http/discard-rest";
import { UnreadableFileError } from "@/lib/import/read";
import { BrokenUploadError, receiveList } from "@/lib/import/receive";
import { uploadStore } from "@/lib/import/upload-store";
import { deleteUpload, sweepUploads } from "@/lib/import/uploads";
import { readStaffList, STAFF_PREVIEW_ROWS } from "@/lib/staff/import";
import type { StaffPreviewResponse } from "@/lib/staff/import-plan";
import { previewStaffUpload } from "@/lib/staff/import-queries";
import { FileTooLargeError } from "@/lib/storage";

/**
 * A staff list is a few hundred rows (tens of KB). Next's proxy reads a body whole before a route sees
 * it (proxy.ts, up to 10 MB), so this route stays well below that and refuses a larger declared body
 * before reading it; a chunked one cut by the proxy ends as a broken upload.
 */
const MAX_STAFF_LIST_BYTES = 5 * 1024 * 1024;

/**
 * Receives a staff list (multipart `file`) through the same receiver and storage module as the
 * admission lists (lib/import/receive, lib/storage: never kept on local disk), and answers its preview
 * against the accounts and the current campaign. Nothing is written but the stored upload, which waits
 * (named by its hash) for the apply action and goes after 24 hours if never applied.
 */
export const POST = route({ name: "staff.importPreview", permission: "staff.manage" }, async (request, ctx) => {
  const { t, render } = ctx;
  const campaign = await currentCampaign();
  if (!campaign) return routeFailure("NOT_FOUND", t("staffImport.refusals.noCampaign"));
  const tooLarge = () =>
    routeFailure("TOO_LARGE", t("staffImport.refusals.tooLarge", { megabytes: MAX_STAFF_LIST_BYTES / 1024 / 1024 }));
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_STAFF_LIST_BYTES) {
    if (request.body) await discardRest(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>));
    return tooLarge();
  }

  const store = uploadStore();
  await sweepUploads(store, new Date());
  const received = await receiveList(request, store, campaign.id).catch((error: unknown) => {
    if (error instanceof FileTooLargeError || error instanceof UnreadableFileError) return error;
    if (error instanceof BrokenUploadError) return error;
    throw error;
  });
  if (received instanceof FileTooLargeError) return tooLarge();
  if (received instanceof UnreadableFileError) return routeFailure("UNREADABLE", render(received.reason));
  if (received instanceof BrokenUploadError)
    return routeFailure("INVALID_INPUT", t("staffImport.refusals.brokenUpload"));
  const { file } = received;
  if (!file) return routeFailure("INVALID_INPUT", t("staffImport.refusals.noFile"));
  const upload = { fileHash: file.stored.sha256, format: file.format };
  if (file.stored.size > MAX_STAFF_LIST_BYTES) {
    await deleteUpload(store, upload);
    return tooLarge();
  }

  try {
    const list = await readStaffList(store, upload);
    if (!list) return routeFailure("NOT_FOUND", t("staffImport.refusals.uploadGone"));
    const preview = await previewStaffUpload(campaign.id, list);
    const first = <T>(items: readonly T[]) => items.slice(0, STAFF_PREVIEW_ROWS);
    return Response.json(
      {
        fileHash: upload.fileHash,
        format: upload.format,
        fileName: file.name,
        rows: preview.rows,
        valid: preview.valid,
        counts: preview.counts,
        applicable: preview.applicable,
        created: first(preview.plan.create),
        existing: first(preview.plan.existing).map(({ userId: _userId, ...person }) => person),
        errors: first(preview.report.errors).map((e) => ({ ...e, message: render(e.message) })),
        errorCount: preview.report.errors.length,
        duplicates: first(preview.report.duplicates),
      } satisfies StaffPreviewResponse,
      { headers: { "cache-control": "no-store" } },
    );
  } catch (error) {
    if (error instanceof UnreadableFileError) {
      await deleteUpload(store, upload);
      return routeFailure("UNREADABLE", render(error.reason));
    }
    throw error;
  }
});
