// One log line per HTTP request, written by the web server (scripts/web-server.ts) around Next.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { decode } from "next-auth/jwt";
import { log, REQUEST_ID_HEADER } from "./index";

/** next-auth's session cookie, named with `__Secure-` when it was set over https. */
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * Next's own files (build chunks, images, the dev server's reload socket) and icons: a page pulls
 * dozens; they are logged at debug, the rest at info.
 */
const ASSET_PATH = /^\/(?:_next\/|favicon\.ico$|icon|apple-icon)/;

/** The path alone: a query string can carry what a person typed (a search, a login). */
export function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split(/[?#]/, 1)[0] ?? "/";
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * The user id the request's session cookie names (its `sub`), for the log line only: whether the
 * session still holds is the app's check, on each page and action. Null without a readable cookie.
 */
export async function sessionUserId(cookieHeader: string | undefined, secret: string | undefined) {
  if (!cookieHeader || !secret) return null;
  const cookies = new Map(
    cookieHeader.split(";").map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()] as const;
    }),
  );
  const token = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!token) return null;
  try {
    const claims = await decode({ token: decodeURIComponent(token), secret });
    return typeof claims?.sub === "string" ? claims.sub : null;
  } catch {
    return null;
  }
}

/**
 * Gives every request an id before Next sees it (REQUEST_ID_HEADER, overwriting any a client sent:
 * the id also goes into audit rows), and logs it once its answer is sent or the client went away:
 * method, path, status, duration, the session's user id.
 */
export function logRequests(server: Server, secret: string | undefined) {
  // first in line, so the id is there before the app's own listener hands the request to Next
  server.prependListener("request", (request: IncomingMessage, response: ServerResponse) => {
    const startedAt = performance.now();
    const requestId = randomUUID();
    request.headers[REQUEST_ID_HEADER] = requestId;
    const userId = sessionUserId(request.headers.cookie, secret);
    response.once("close", async () => {
      const durationMs = Math.round(performance.now() - startedAt);
      const path = pathOf(request.url);
      const line = {
        kind: "request",
        requestId,
        userId: await userId,
        method: request.method,
        path,
        status: response.statusCode,
        // the client closed the connection before the whole answer was sent
        ...(response.writableFinished ? {} : { aborted: true }),
        durationMs,
      };
      if (ASSET_PATH.test(path)) log().debug(line, "request");
      else log().info(line, "request");
    });
  });
}
