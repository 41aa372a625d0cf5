import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionClaims } from "@/lib/auth/sessions";
import { onEmbeddedDatabase, progressStore } from "@/lib/import/apply-progress";
import { type ApplyStage, processProgress } from "@/lib/import/progress";

/**
 * How far the apply of one upload has got (GET ?fileHash=), polled by the import page while it runs.
 * Any instance answers for an apply running on any other (lib/import/progress).
 */
export async function GET(request: Request) {
  const fileHash = new URL(request.url).searchParams.get("fileHash") ?? "";
  if (onEmbeddedDatabase()) return embeddedAnswer(fileHash);
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "登录已失效，请重新登录。" }, { status: 401 });
  if (!can(user.roles, "import.run")) return Response.json({ error: "你没有导入名单的权限。" }, { status: 403 });
  if (!isSha256(fileHash)) return Response.json({ error: "链接不完整。" }, { status: 400 });
  return answer(await progressStore().read(fileHash));
}

/**
 * Under the embedded database every query waits for the running apply's transaction, the session
 * check's included, so the page would see nothing until the apply is over. The answer comes from the
 * process-wide store instead, only to the user who started that apply (the apply action checked their
 * session and permission), identified by the signed session cookie without a query.
 */
async function embeddedAnswer(fileHash: string) {
  const claims = (await getServerSession(authOptions)) as SessionClaims | null;
  if (!claims?.userId) return Response.json({ error: "登录已失效，请重新登录。" }, { status: 401 });
  if (!isSha256(fileHash)) return Response.json({ error: "链接不完整。" }, { status: 400 });
  return answer(await processProgress().readFor(fileHash, claims.userId));
}

const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);

const answer = (stage: ApplyStage) => Response.json(stage, { headers: { "cache-control": "no-store" } });
