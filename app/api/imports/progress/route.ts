import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import { progressStore } from "@/lib/import/apply-progress";

/**
 * How far the apply of one upload has got (GET ?fileHash=), polled by the import page while it runs.
 * Any instance answers for an apply running on any other (lib/import/progress).
 */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "登录已失效，请重新登录。" }, { status: 401 });
  if (!can(user.roles, "import.run")) return Response.json({ error: "你没有导入名单的权限。" }, { status: 403 });
  const fileHash = new URL(request.url).searchParams.get("fileHash") ?? "";
  if (!/^[0-9a-f]{64}$/.test(fileHash)) return Response.json({ error: "链接不完整。" }, { status: 400 });
  return Response.json(await progressStore().read(fileHash), { headers: { "cache-control": "no-store" } });
}
