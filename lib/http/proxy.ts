import { timingSafeEqual } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { CLIENT_ADDRESS_HEADER, WEB_SERVER_TOKEN_HEADER } from "./forwarded";
import { contentSecurityPolicy, forwardedHttps, securityHeaders } from "./security-headers";

/**
 * What the app's proxy (proxy.ts, Next's former middleware) does to every request. It only sets
 * headers: it lets nothing through and turns nothing away, so there is still no access check here to
 * bypass (each page and action checks the session itself).
 *
 * 1. The client address counts only on a request that came through lib/http/web-server.ts, which
 *    stamps each one with its per-start token; on any other (a plain `next start`) a client could
 *    have written it, so it is dropped. The token itself goes no further.
 * 2. The security headers, with a fresh nonce: Next reads it from the request's own
 *    Content-Security-Policy header and puts it on its scripts.
 */
export function proxyRequest(
  request: NextRequest,
  webServerToken: string | undefined = process.env.HUIFANG_WEB_SERVER_TOKEN,
): NextResponse {
  const headers = new Headers(request.headers);
  if (!sameToken(headers.get(WEB_SERVER_TOKEN_HEADER), webServerToken)) headers.delete(CLIENT_ADDRESS_HEADER);
  headers.delete(WEB_SERVER_TOKEN_HEADER);

  const options = {
    nonce: crypto.randomUUID().replaceAll("-", ""),
    https: forwardedHttps(headers),
    dev: process.env.NODE_ENV === "development",
  };
  headers.set("Content-Security-Policy", contentSecurityPolicy(options));

  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(securityHeaders(options))) response.headers.set(name, value);
  return response;
}

function sameToken(sent: string | null, expected: string | undefined): boolean {
  if (!sent || !expected || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
