import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import next from "next";
import { forwardedHeaders, WEB_SERVER_TOKEN_HEADER } from "./forwarded";

export interface WebServerOptions {
  dev: boolean;
  port: number;
  /** reverse proxies in front that append to X-Forwarded-For (HUIFANG_TRUSTED_PROXIES) */
  trustedProxies: number;
}

/**
 * Next behind a Node HTTP server of our own, because `next start` hands the app neither the TCP peer
 * nor a Host a client cannot override: a client-sent X-Forwarded-For/-Host/-Proto reaches the app as is.
 * Here every request is rewritten by lib/http/forwarded.ts before Next sees it, then stamped with a
 * token made at each start, which proxy.ts requires before the app may read the client address.
 * Next serves everything else exactly as `next start` does (Next's custom-server guide:
 * node_modules/next/dist/docs/01-app/02-guides/custom-server.md).
 */
export async function startWebServer({ dev, port, trustedProxies }: WebServerOptions) {
  const token = randomBytes(32).toString("base64url");
  // it never leaves this process; proxy.ts takes the header off before a page or route sees it (all
  // but the list upload, which proxy.ts leaves out so the body streams, and which reads no address)
  process.env.HUIFANG_WEB_SERVER_TOKEN = token;

  const server = createServer();
  // httpServer: `next dev` attaches its hot-reload websocket to it
  const app = next({ dev, dir: process.cwd(), port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();

  server.on("request", (request: IncomingMessage, response) => {
    const connection = {
      remoteAddress: request.socket.remoteAddress,
      encrypted: (request.socket as TLSSocket).encrypted === true,
    };
    for (const [name, value] of Object.entries(forwardedHeaders(request.headers, connection, trustedProxies))) {
      if (value === undefined) delete request.headers[name];
      else request.headers[name] = value;
    }
    request.headers[WEB_SERVER_TOKEN_HEADER] = token;
    handle(request, response).catch((error: unknown) => {
      console.error("[huifang] request failed:", error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}
