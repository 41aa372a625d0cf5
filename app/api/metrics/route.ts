import { observabilityEnv } from "@/lib/env";
import { exposition } from "@/lib/metrics";
import { metricsAccess } from "@/lib/metrics/token";

// answered on every request, never prerendered at build or cached
export const dynamic = "force-dynamic";

/**
 * GET /api/metrics, for Prometheus (README "Logs and metrics"): this instance's figures in the text
 * format, to whoever sends `Authorization: Bearer <HUIFANG_METRICS_TOKEN>`. A scraper has no session,
 * so this route stays outside the route wrapper; the token is its check. Without a configured token
 * the endpoint does not exist (404); a missing or wrong token is 401.
 */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request.headers.get("authorization"), observabilityEnv().HUIFANG_METRICS_TOKEN);
  if (access === "OFF") return new Response(null, { status: 404, headers: { "cache-control": "no-store" } });
  if (access === "REFUSED") {
    return new Response(null, {
      status: 401,
      headers: { "cache-control": "no-store", "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { body, contentType } = await exposition();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
