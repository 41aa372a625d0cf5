/**
 * CSRF check for route handlers (server actions get Next's own). A request is same-origin when the
 * browser's `Origin` names the host the browser addressed: the `X-Forwarded-Host` a trusted proxy
 * set, else the `Host` header, exactly as Next compares them for server actions. The launcher's web
 * server (lib/http/web-server.ts) replaces forwarded headers that no trusted proxy set, so neither can
 * be forged.
 * The configured public address (NEXTAUTH_URL) is accepted too, for proxies that rewrite Host.
 *
 * Not `new URL(request.url).origin`: Next builds that from the address it listens on
 * (http://localhost:PORT), which no browser on a real hostname ever sends.
 */
export function isSameOrigin(request: Request, publicUrl: string | undefined = process.env.NEXTAUTH_URL): boolean {
  const origin = request.headers.get("origin");
  // browsers send Origin on every cross-site POST; a request without one is not a browser form
  if (origin === null) return true;
  const originHost = hostOf(origin);
  if (!originHost) return false;
  const addressed = firstEntry(request.headers.get("x-forwarded-host")) ?? request.headers.get("host");
  if (addressed && originHost === addressed.toLowerCase()) return true;
  return publicUrl ? originHost === hostOf(publicUrl) : false;
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

function firstEntry(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}
