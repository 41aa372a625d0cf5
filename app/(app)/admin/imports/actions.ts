"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionContext, ActionError, action } from "@/lib/action";
import { CURRENT_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import { text } from "@/lib/i18n/text";
import { APPLY_LIST, applyInAction } from "@/lib/import/apply";
import { applyProgress } from "@/lib/import/apply-progress";
import { LIST_KINDS, mappingChoiceSchema } from "@/lib/import/columns";
import { UnreadableFileError } from "@/lib/import/read";
import { UNDO_LIST, undoInAction } from "@/lib/import/undo";
import { deleteUpload, withUploadedList } from "@/lib/import/uploads";
import { databaseStore } from "@/lib/storage";

const applyInput = z
  .object({
    fileHash: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(["xlsx", "csv"]),
    kind: z.enum(LIST_KINDS),
    fileName: z.string().trim().min(1).max(200),
    /** the header mapping the preview used, when the data team corrected it */
    mapping: mappingChoiceSchema.optional(),
    /** the valid rows the preview counted: the total the progress shows, trusted for nothing else */
    expectedRows: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict();

/** Applies a previewed upload (identified by its hash) to the campaign as one batch. */
export const applyUpload = action(
  // a 100,000-row list is written in one transaction (all or nothing): minutes, not seconds
  { ...APPLY_LIST, schema: applyInput },
  async (input, context) => {
    // the page polls /api/imports/progress while this runs
    const progress = applyProgress(input.fileHash, context.user.id);
    try {
      return await applyChecked(input, context, progress.report);
    } finally {
      await progress.end();
    }
  },
);

async function applyChecked(
  input: z.infer<typeof applyInput>,
  context: ActionContext,
  report: ReturnType<typeof applyProgress>["report"],
) {
  report({ stage: "checking" });
  // everything through `tx`: a second connection would wait on this transaction under PGlite
  const { tx } = context;
  const campaign = await tx.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST });
  if (!campaign) throw new ActionError("NOT_FOUND");
  // the upload may have been previewed on another instance: it is read from the storage module
  const store = databaseStore(tx);
  const applied = await withUploadedList(store, input, (path, stored) => {
    // the file read must be the one posted, byte for byte: never apply another (or a cut) copy
    if (stored.sha256 !== input.fileHash) return Promise.resolve(null);
    return applyInAction(context, { campaignId: campaign.id, ...input, path, fileHash: stored.sha256 }, (done) =>
      report({ stage: "writing", ...done }),
    );
  }).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new ActionError("INVALID_INPUT", { fileHash: [error.reason] });
    throw error;
  });
  if (!applied) throw new ActionError("INVALID_INPUT", { fileHash: [text("imports.applyErrors.uploadGone")] });
  // applied: the list's personal data leaves the store with this transaction
  await deleteUpload(store, input);
  revalidatePath("/admin/imports");
  return applied;
}

/** Undoes a batch as a whole (see lib/import/undo undoBatch for when it is allowed). */
export const undoUpload = action(
  { ...UNDO_LIST, schema: z.object({ batchId: z.string().min(1).max(64) }).strict() },
  async ({ batchId }, context) => {
    await undoInAction(context, batchId);
    revalidatePath("/admin/imports");
    return { batchId };
  },
);
