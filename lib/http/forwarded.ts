import { isIP } from "node:net";

/** The TCP peer's address as the web server (lib/http/web-server.ts) put it, for the sign-in limits. */
export const CLIENT_ADDRESS_HEADER = "x-huifang-client-address";

/**
 * Carries the web server's per-start token to proxy.ts, which trusts CLIENT_ADDRESS_HEADER only next
 * to it: a plain `next start`, or anything else that reaches Next without the web server, cannot
 * forge the address.
 */
export const WEB_SERVER_TOKEN_HEADER = "x-huifang-web-server";

/** Every header by which a client could claim another address, host or protocol. */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  CLIENT_ADDRESS_HEADER,
  WEB_SERVER_TOKEN_HEADER,
] as const;

export type IncomingHeaders = Record<string, string | string[] | undefined>;

export interface Connection {
  /** the TCP peer, as Node reports it (`::ffff:127.0.0.1` on a dual-stack socket) */
  remoteAddress: string | undefined;
  /** true on a TLS socket */
  encrypted: boolean;
}

/**
 * What the app may believe about one request: the new value of every forwarding header (undefined:
 * removed). With no trusted proxy, nothing the client sent survives: the client is the TCP peer, the
 * host is the Host it addressed, the protocol is the connection's. With `trustedProxies` = N, the peer
 * is the last of N proxies that each appended the address they saw to X-Forwarded-For, so the client is
 * the Nth entry from the right (entries further left were written by the client), and the host and
 * protocol are the ones the proxies forwarded.
 */
export function forwardedHeaders(
  headers: IncomingHeaders,
  connection: Connection,
  trustedProxies: number,
): Record<(typeof FORWARDING_HEADERS)[number], string | undefined> {
  const peer = normaliseAddress(connection.remoteAddress);
  const host = single(headers.host);
  const protocol = connection.encrypted ? "https" : "http";
  if (trustedProxies < 1) {
    return {
      forwarded: undefined,
      "x-forwarded-for": peer,
      "x-forwarded-host": host,
      "x-forwarded-proto": protocol,
      "x-forwarded-port": undefined,
      [CLIENT_ADDRESS_HEADER]: peer ?? "unknown",
      [WEB_SERVER_TOKEN_HEADER]: undefined,
    };
  }
  const forwardedFor = list(headers["x-forwarded-for"]);
  return {
    forwarded: single(headers.forwarded),
    "x-forwarded-for": forwardedFor.length > 0 ? forwardedFor.join(", ") : peer,
    "x-forwarded-host": single(headers["x-forwarded-host"]) ?? host,
    "x-forwarded-proto": single(headers["x-forwarded-proto"]) ?? protocol,
    "x-forwarded-port": single(headers["x-forwarded-port"]),
    [CLIENT_ADDRESS_HEADER]: clientAddress(forwardedFor, trustedProxies) ?? peer ?? "unknown",
    [WEB_SERVER_TOKEN_HEADER]: undefined,
  };
}

/**
 * The address the outermost trusted proxy saw. A chain shorter than the proxy count holds only
 * addresses our proxies wrote (the outermost one set it rather than appending), so its first entry is
 * the client. An entry that is not an address (a misconfigured proxy) counts as none.
 */
function clientAddress(forwardedFor: string[], trustedProxies: number): string | undefined {
  const entry = forwardedFor[forwardedFor.length - trustedProxies] ?? forwardedFor[0];
  return normaliseAddress(entry);
}

/** `::ffff:192.0.2.7` → `192.0.2.7`, so one client has one address whichever socket family it came in on. */
export function normaliseAddress(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed)?.[1];
  const plain = mapped ?? trimmed.toLowerCase();
  return isIP(plain) ? plain : undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim() : undefined;
}

function list(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(",") : (value ?? "");
  return joined
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}
