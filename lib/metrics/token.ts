import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "ALLOWED" | "OFF" | "REFUSED";

/**
 * Whether an `Authorization` header opens /api/metrics. No token configured: the endpoint is off and
 * answers as if it did not exist. The token is compared in constant time, on hashes so that its
 * length does not show either.
 */
export function metricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return "OFF";
  const match = /^Bearer +(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return "REFUSED";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token)) ? "ALLOWED" : "REFUSED";
}
