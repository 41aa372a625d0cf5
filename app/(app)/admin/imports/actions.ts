"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { type ActionContext, ActionError, action } from "@/lib/action";
import { LATEST_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import { applyAuditAfter, applyPlan } from "@/lib/import/apply";
import { applyProgress } from "@/lib/import/apply-progress";
import { LIST_KINDS, mappingChoiceSchema } from "@/lib/import/columns";
import { previewImport } from "@/lib/import/preview";
import { UnreadableFileError } from "@/lib/import/read";
import { undoBatch } from "@/lib/import/undo";
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
  })
  .strict();

/** Applies a previewed upload (identified by its hash) to the campaign as one batch. */
export const applyUpload = action(
  {
    name: "import.apply",
    permission: "import.run",
    // a 100,000-row list is written in one transaction (all or nothing): minutes, not seconds
    timeoutMs: 600_000,
    schema: applyInput,
  },
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
  { tx, user, audit }: ActionContext,
  report: ReturnType<typeof applyProgress>["report"],
) {
  report({ stage: "checking" });
  // everything through `tx`: a second connection would wait on this transaction under PGlite
  const campaign = await tx.campaign.findFirst({ orderBy: LATEST_CAMPAIGN_FIRST });
  if (!campaign) throw new ActionError("NOT_FOUND");
  // the upload may have been previewed on another instance: it is read from the storage module
  const store = databaseStore(tx);
  const preview = await withUploadedList(store, input, (path) =>
    previewImport(tx, { campaignId: campaign.id, kind: input.kind, path, mapping: input.mapping }),
  ).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new ActionError("INVALID_INPUT", { fileHash: [error.message] });
    throw error;
  });
  if (!preview) throw new ActionError("INVALID_INPUT", { fileHash: ["找不到上传的文件，请重新上传。"] });
  if (!preview.plan) throw new ActionError("INVALID_INPUT", { fileHash: ["文件有错误，请改正后重新上传。"] });
  if (preview.alreadyApplied) throw new ActionError("CONFLICT");
  if (preview.plan.unknown.length > 0) {
    throw new ActionError("INVALID_INPUT", {
      fileHash: [`${preview.plan.unknown.length} 个考生号不在投档名单中，请先导入投档名单。`],
    });
  }
  const applied = await applyPlan(
    tx,
    { campaignId: campaign.id, kind: input.kind, fileName: input.fileName, userId: user.id },
    preview,
    preview.plan,
    (done) => report({ stage: "writing", ...done }),
  );
  // applied: the list's personal data leaves the store with this transaction
  await deleteUpload(store, input);
  audit({
    entityType: "ImportBatch",
    entityId: applied.batchId,
    after: applyAuditAfter(input, applied),
  });
  revalidatePath("/admin/imports");
  return {
    batchId: applied.batchId,
    created: applied.created,
    updated: applied.updated,
    unassigned: applied.unassigned,
  };
}

/** Undoes a batch as a whole (see lib/import/undo undoBatch for when it is allowed). */
export const undoUpload = action(
  {
    name: "import.undo",
    permission: "import.run",
    timeoutMs: 600_000,
    schema: z.object({ batchId: z.string().min(1).max(64) }).strict(),
  },
  async ({ batchId }, { tx, audit }) => {
    const result = await undoBatch(tx, batchId);
    if (!result.ok) {
      if (result.refusal === "NOT_FOUND") throw new ActionError("NOT_FOUND");
      throw new ActionError("INVALID_INPUT", { batchId: [result.message] });
    }
    audit({ entityType: "ImportBatch", entityId: batchId, after: { status: "UNDONE" } });
    revalidatePath("/admin/imports");
    return { batchId };
  },
);
