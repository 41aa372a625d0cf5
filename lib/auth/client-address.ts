import { CLIENT_ADDRESS_HEADER, normaliseAddress } from "@/lib/http/forwarded";

/**
 * Stands for "no address known". The sign-in limits never count it as an address: as one shared
 * bucket it would let anybody lock everybody out.
 */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address for the per-address sign-in limit, from next-auth's plain-object `req.headers`.
 * The web server sets CLIENT_ADDRESS_HEADER on every request (the TCP peer, or the address the
 * outermost trusted proxy saw) and drops any copy the client sent; X-Forwarded-For is never read
 * here, because a client can write anything there.
 */
export function clientAddress(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return (typeof value === "string" ? normaliseAddress(value) : undefined) ?? UNKNOWN_ADDRESS;
}
