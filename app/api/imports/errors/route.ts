import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkListFile } from "@/lib/import/check-file";
import { LIST_KINDS, LIST_NAMES, type ListKind, parseMapping } from "@/lib/import/columns";
import { errorReportWorkbook } from "@/lib/import/error-report";
import { UnreadableFileError } from "@/lib/import/read";
import { withUploadedList } from "@/lib/import/uploads";
import { databaseStore } from "@/lib/storage";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/**
 * The row-error report of an uploaded list as xlsx (GET ?fileHash=&format=&kind=&mapping=): the file
 * is checked again, with the mapping the preview used, so the report lists every error, not only the
 * first ones the preview shows. Nothing about the campaign is read or written.
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return text("登录已失效，请重新登录。", 401);
  if (!can(user.roles, "import.run")) return text("你没有导入名单的权限。", 403);
  const params = new URL(request.url).searchParams;
  const fileHash = params.get("fileHash") ?? "";
  const format = params.get("format");
  const kind = params.get("kind") as ListKind;
  const mapping = parseMapping(params.get("mapping"));
  if (!/^[0-9a-f]{64}$/.test(fileHash) || (format !== "xlsx" && format !== "csv") || !LIST_KINDS.includes(kind))
    return text("链接不完整，请回到导入页面重新下载。", 400);
  if (!mapping.ok) return text(mapping.error, 400);
  try {
    const report = await withUploadedList(databaseStore(db()), { fileHash, format }, (path) =>
      checkListFile(path, kind, undefined, { mapping: mapping.value }),
    );
    if (!report) return text("上传的文件已不在服务器上，请重新上传后再下载错误报告。", 404);
    const file = await errorReportWorkbook(report);
    const name = `${LIST_NAMES[kind]}错误报告.xlsx`;
    return new Response(new Uint8Array(file), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="errors.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof UnreadableFileError) return text(error.message, 422);
    throw error;
  }
}
