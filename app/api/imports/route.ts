import { randomUUID } from "node:crypto";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { db, dbPool } from "@/lib/db";
import { isSameOrigin } from "@/lib/http/same-origin";
import { securityHeaders } from "@/lib/http/security-headers";
import { previewImport } from "@/lib/import/apply";
import { LIST_KINDS, type ListKind, parseMapping } from "@/lib/import/columns";
import { MAX_FILE_BYTES, UnreadableFileError } from "@/lib/import/read";
import { BrokenUploadError, MAX_UPLOAD_BODY_BYTES, receiveList } from "@/lib/import/receive";
import { deleteUpload, sweepUploads, withUploadedList } from "@/lib/import/uploads";
import { databaseStore, FileTooLargeError } from "@/lib/storage";

const json = (body: unknown, status = 200) => Response.json(body, { status });

/**
 * Receives a list file (multipart: `file`, `kind`, and `mapping`, the header mapping as corrected on
 * the page, JSON) and answers its preview against the campaign with the header mapping it used.
 * Nothing is written to the campaign here; the file waits in the storage module, named by its hash,
 * for the apply action (on any instance). A route handler rather than a server action: files are
 * larger than an action's body limit, and the body is streamed, never read whole.
 *
 * proxy.ts leaves this route out: Next reads and buffers the whole body of every request its proxy
 * sees before the route runs (up to proxyClientMaxBodySize, 10 MB, dropping the rest), so neither the
 * Content-Length refusal nor the streaming would happen in time. The route sets the proxy's headers.
 */
export async function POST(request: Request) {
  const response = await receiveUpload(request);
  const https = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const headers = securityHeaders({ nonce: randomUUID().replaceAll("-", ""), https, dev: false });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function receiveUpload(request: Request): Promise<Response> {
  // route handlers get no automatic CSRF protection: a form posted from another site is refused
  if (!isSameOrigin(request)) return json({ error: "跨站请求已拒绝。" }, 403);
  const user = await getSessionUser();
  if (!user) return json({ error: "登录已失效，请重新登录。" }, 401);
  if (!can(user.roles, "import.run")) return json({ error: "你没有导入名单的权限。" }, 403);
  const campaign = await currentCampaign();
  if (!campaign) return json({ error: "还没有回访工作计划。" }, 404);

  // refused before a byte of the body is read when the browser says how large it is; a chunked post
  // (no Content-Length) is counted as it streams in and refused at the same limit
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_UPLOAD_BODY_BYTES) return tooLarge();

  const store = databaseStore(db(), { chunkPool: dbPool() });
  // uploads never applied go after 24 hours, on each upload (and by `cli retention`)
  await sweepUploads(store, new Date());
  const received = await receiveList(request, store, campaign.id).catch((error: unknown) => {
    if (error instanceof FileTooLargeError || error instanceof UnreadableFileError) return error;
    if (error instanceof BrokenUploadError) return error;
    throw error;
  });
  if (received instanceof FileTooLargeError) return tooLarge();
  if (received instanceof UnreadableFileError) return json({ error: received.message }, 422);
  if (received instanceof BrokenUploadError) return json({ error: "上传没有完成，请重新上传。" }, 400);
  const { file, fields } = received;
  if (!file) return json({ error: "请选择要导入的文件。" }, 400);
  const upload = { fileHash: file.stored.sha256, format: file.format };
  const kind = fields.get("kind");
  const mapping = parseMapping(fields.get("mapping") ?? null);
  if (!mapping.ok || typeof kind !== "string" || !LIST_KINDS.includes(kind as ListKind)) {
    await deleteUpload(store, upload);
    return json({ error: mapping.ok ? "请选择名单类型。" : mapping.error }, 400);
  }

  try {
    const preview = await withUploadedList(store, upload, (path) =>
      previewImport(db(), { campaignId: campaign.id, kind: kind as ListKind, path, mapping: mapping.value }),
    );
    if (!preview) return json({ error: "上传的文件已不在服务器上，请重新上传。" }, 404);
    const { report, plan } = preview;
    return json({
      fileHash: upload.fileHash,
      fileName: file.name,
      format: upload.format,
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
      warnings: preview.warnings.slice(0, 200),
      warningCount: preview.warnings.length,
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
    if (error instanceof UnreadableFileError) {
      await deleteUpload(store, upload);
      return json({ error: error.message }, 422);
    }
    throw error;
  }
}

function tooLarge() {
  return json({ error: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，请拆分后再导入。` }, 413);
}
