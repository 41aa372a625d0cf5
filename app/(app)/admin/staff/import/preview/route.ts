import { route, routeFailure } from "@/lib/action";
import { currentCampaign } from "@/lib/campaign/queries";
import { UnreadableFileError } from "@/lib/import/read";
import { receiveUploadedList } from "@/lib/import/upload-route";
import { deleteUpload } from "@/lib/import/uploads";
import { readStaffList, STAFF_PREVIEW_ROWS } from "@/lib/staff/import";
import type { StaffPreviewResponse } from "@/lib/staff/import-plan";
import { previewStaffUpload } from "@/lib/staff/import-queries";

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
  const received = await receiveUploadedList(
    request,
    campaign.id,
    { maxBodyBytes: MAX_STAFF_LIST_BYTES, maxFileBytes: MAX_STAFF_LIST_BYTES },
    {
      tooLarge: () =>
        routeFailure(
          "TOO_LARGE",
          t("staffImport.refusals.tooLarge", { megabytes: MAX_STAFF_LIST_BYTES / 1024 / 1024 }),
        ),
      brokenUpload: t("staffImport.refusals.brokenUpload"),
      noFile: t("staffImport.refusals.noFile"),
      render,
    },
  );
  if (received instanceof Response) return received;
  const { store, file, upload } = received;

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
