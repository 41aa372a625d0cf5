/**
 * The client's address for the per-address sign-in limit. A client can send any X-Forwarded-For it
 * likes, and each proxy in front of the app appends the address it saw, so only entries added by our
 * own proxies can be trusted: counting `trustedHops` from the right gives the address the outermost
 * trusted proxy saw. Default 1 = one reverse proxy (nginx with $proxy_add_x_forwarded_for).
 */
export function clientAddress(forwardedFor: unknown, trustedHops = 1): string {
  if (typeof forwardedFor !== "string" || trustedHops < 1) return "unknown";
  const entries = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? entries[0] ?? "unknown";
}
