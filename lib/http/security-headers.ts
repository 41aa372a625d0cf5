/**
 * The headers every response carries (proxy.ts sets them). The policy follows Next's CSP guide
 * (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md): scripts run only with
 * this request's nonce, which Next reads from the request's own Content-Security-Policy header and
 * puts on its scripts; 'strict-dynamic' lets those scripts load the chunks they need.
 */
export interface SecurityHeaderOptions {
  /** a fresh random value per request */
  nonce: string;
  /** served over https (the connection's or the trusted proxy's X-Forwarded-Proto) */
  https: boolean;
  /** `next dev` needs eval for its error overlay and a websocket for hot reload */
  dev: boolean;
}

export function contentSecurityPolicy({ nonce, https, dev }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style attributes (recharts' SVG, React's style props
    // rendered on the server) cannot carry one, and cannot run code. `next dev` injects its CSS as
    // <style> elements without a nonce.
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    // photo previews are blob: URLs of the chosen files
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // on plain http (a LAN address) upgrading would send every asset to a port nobody serves
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // for browsers that predate frame-ancestors
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // the app links nowhere that needs to know which page a user came from
    "Referrer-Policy": "same-origin",
    // only over https: on http the header is ignored by browsers, and it would pin a LAN address
    ...(options.https ? { "Strict-Transport-Security": "max-age=31536000" } : {}),
  };
}

/**
 * Whether the browser addressed the app over https. The web server (lib/http/web-server.ts) has
 * already replaced X-Forwarded-Proto unless a trusted proxy sent it, so it can be read as it is.
 */
export function forwardedHttps(headers: Headers): boolean {
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
