import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { db } from "@/lib/db";
import { isSameOrigin } from "@/lib/http/same-origin";
import { previewImport } from "@/lib/import/apply";
import { LIST_KINDS, type ListKind, parseMapping } from "@/lib/import/columns";
import { fileFormat, MAX_FILE_BYTES, UnreadableFileError } from "@/lib/import/read";
import { uploadPath } from "@/lib/import/uploads";

const json = (body: unknown, status = 200) => Response.json(body, { status });

/**
 * Receives a list file (multipart: `file`, `kind`, and `mapping`, the header mapping as corrected on
 * the page, JSON) and answers its preview against the campaign with the header mapping it used.
 * Nothing is written to the campaign here; the file waits, named by its hash, for the apply action.
 * A route handler rather than a server action: files are larger than an action's body limit.
 */
export async function POST(request: Request) {
  // route handlers get no automatic CSRF protection: a form posted from another site is refused
  if (!isSameOrigin(request)) return json({ error: "跨站请求已拒绝。" }, 403);
  const user = await getSessionUser();
  if (!user) return json({ error: "登录已失效，请重新登录。" }, 401);
  if (!can(user.roles, "import.run")) return json({ error: "你没有导入名单的权限。" }, 403);
  const campaign = await currentCampaign();
  if (!campaign) return json({ error: "还没有回访工作计划。" }, 404);

  const form = await request.formData().catch(() => null);
  const file = form?.get("file");
  const kind = form?.get("kind");
  if (!(file instanceof File) || file.size === 0) return json({ error: "请选择要导入的文件。" }, 400);
  if (typeof kind !== "string" || !LIST_KINDS.includes(kind as ListKind))
    return json({ error: "请选择名单类型。" }, 400);
  const mapping = parseMapping(form?.get("mapping"));
  if (!mapping.ok) return json({ error: mapping.error }, 400);
  if (file.size > MAX_FILE_BYTES)
    return json({ error: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后再导入。` }, 413);

  try {
    const format = fileFormat(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const fileHash = createHash("sha256").update(bytes).digest("hex");
    const stored = uploadPath(fileHash, format);
    await writeFile(stored, bytes);
    const preview = await previewImport(db(), {
      campaignId: campaign.id,
      kind: kind as ListKind,
      path: stored,
      mapping: mapping.value,
    });
    const { report, plan } = preview;
    return json({
      fileHash,
      fileName: file.name,
      format,
      kind,
      alreadyApplied: preview.alreadyApplied,
      header: preview.header,
      mappingChosen: Boolean(mapping.value),
      rows: report.rows,
      valid: report.valid,
      encoding: report.encoding ?? null,
      errors: report.errors.slice(0, 200),
      errorCount: report.errors.length,
      duplicates: report.duplicates.slice(0, 100),
      plan: plan && {
        create: plan.create.length,
        update: plan.update.length,
        unchanged: plan.unchanged,
        missing: plan.missing.slice(0, 100),
        missingCount: plan.missing.length,
        unknown: plan.unknown.slice(0, 100),
        unknownCount: plan.unknown.length,
        changes: plan.update.slice(0, 50),
      },
    });
  } catch (error) {
    if (error instanceof UnreadableFileError) return json({ error: error.message }, 422);
    throw error;
  }
}
