import { clientAddress } from "@/lib/auth/client-address";
import { isSameOrigin } from "@/lib/http/same-origin";
import { errorFields, log, REQUEST_ID_HEADER, requestIdOr } from "@/lib/log";
import { publicCheck } from "@/lib/verify/queries";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

/**
 * POST /api/verify, the public check of a number or a code (防诈骗核验, README "Call verification"). A
 * family has no session, so this is the one route besides the health check outside the route wrapper;
 * it is a 404 while the college's setting is off. It takes `{ kind: "NUMBER" | "CODE", value }` from the
 * page's own origin only, counts the client address the web server stamped (never X-Forwarded-For), and
 * answers the status and, for a match, the team's name and the person's surname. The number is never
 * logged: a failure is logged with the request id alone.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return Response.json({ status: "FORBIDDEN" }, { status: 403, headers: NO_STORE });
  const requestId = requestIdOr(request.headers.get(REQUEST_ID_HEADER));
  try {
    const body: unknown = await request.json().catch(() => null);
    const input = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
    const answer = await publicCheck({
      kind: input.kind,
      value: input.value,
      address: clientAddress(Object.fromEntries(request.headers)),
    });
    const status = { OFF: 404, INVALID: 400, LIMITED: 429, MATCH: 200, NO_MATCH: 200 }[answer.status];
    return Response.json(answer, { status, headers: NO_STORE });
  } catch (error) {
    log().error({ kind: "request", requestId, error: errorFields(error) }, "verify failed");
    return Response.json({ status: "UNAVAILABLE" }, { status: 503, headers: NO_STORE });
  }
}
