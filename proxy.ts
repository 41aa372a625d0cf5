import { timingSafeEqual } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { CLIENT_ADDRESS_HEADER, WEB_SERVER_TOKEN_HEADER } from "@/lib/http/forwarded";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every request, and only sets headers: it lets nothing through and turns nothing away,
 * so there is still no access check here to bypass (each page and action checks the session itself).
 *
 * 1. The client address counts only on a request that came through lib/http/web-server.ts, which
 *    stamps each one with its per-start token; on any other (a plain `next start`) a client could
 *    have written it, so it is dropped.
 * 2. The security headers, with a fresh nonce: Next reads it from the request's
 *    Content-Security-Policy header and puts it on its own scripts.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  if (!fromWebServer(headers.get(WEB_SERVER_TOKEN_HEADER))) headers.delete(CLIENT_ADDRESS_HEADER);
  headers.delete(WEB_SERVER_TOKEN_HEADER);

  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const options = {
    nonce: crypto.randomUUID().replaceAll("-", ""),
    https: forwardedProto === "https",
    dev: process.env.NODE_ENV === "development",
  };
  headers.set("Content-Security-Policy", contentSecurityPolicy(options));

  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(securityHeaders(options))) response.headers.set(name, value);
  return response;
}

function fromWebServer(token: string | null): boolean {
  const expected = process.env.HUIFANG_WEB_SERVER_TOKEN;
  if (!token || !expected || token.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(token), Buffer.from(expected));
}
