import { checkHealth } from "@/lib/health";

// answered on every request, never prerendered at build or cached: the check is the answer
export const dynamic = "force-dynamic";

/**
 * GET /api/health, for a load balancer or a monitor (README "Health check"): 200 when the database
 * answers and has every committed migration, 503 otherwise, with `{ status, version }` only. It needs no
 * session and reads nothing of the campaign, so it is the one route outside the route wrapper (its
 * session and permission check would turn the load balancer away).
 */
export async function GET(): Promise<Response> {
  const { httpStatus, body } = await checkHealth();
  return Response.json(body, { status: httpStatus, headers: { "cache-control": "no-store" } });
}
