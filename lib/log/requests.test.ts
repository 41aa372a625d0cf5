import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { logTo, REQUEST_ID_HEADER } from "./index";
import { logRequests, pathOf } from "./requests";

const SECRET = "request-log-test-secret-0123456789abcdef";

describe("pathOf", () => {
  it.each([
    ["/calls?q=13800001111", "/calls"],
    ["/login#top", "/login"],
    ["/", "/"],
    [undefined, "/"],
  ])("%s -> %s", (url, path) => {
    expect(pathOf(url)).toBe(path);
  });
});

describe("logRequests", () => {
  let server: Server;
  let base: string;
  let written: string;
  let restore: () => void;
  const lines = () =>
    written
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeEach(async () => {
    written = "";
    restore = logTo(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      }),
      "debug",
    );
    server = createServer();
    // the app's own listener, as lib/http/web-server.ts adds it: it answers with the id it was given
    server.on("request", (request, response) => {
      response.writeHead(request.url?.startsWith("/missing") ? 404 : 200).end(request.headers[REQUEST_ID_HEADER]);
    });
    logRequests(server, SECRET);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    restore();
    await new Promise((resolve) => server.close(resolve));
  });

  /** The line is written when the response closes, a moment after the client has read it. */
  const lineFor = async (requestId: string) => {
    await expect.poll(() => lines().some((line) => line.requestId === requestId)).toBe(true);
    return lines().find((line) => line.requestId === requestId);
  };

  it("gives the request an id the app sees, and logs method, path without the query, status and duration", async () => {
    const response = await fetch(`${base}/calls?q=13800001111&name=${encodeURIComponent("欧阳晓明")}`, {
      headers: { [REQUEST_ID_HEADER]: "0f8fad5b-d9cb-469f-a165-70867728950e" },
    });
    const requestId = await response.text();
    // a client's own id is replaced: the id goes into audit rows
    expect(requestId).not.toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(await lineFor(requestId)).toMatchObject({
      level: "info",
      kind: "request",
      userId: null,
      method: "GET",
      path: "/calls",
      status: 200,
      durationMs: expect.any(Number),
      msg: "request",
    });
    expect(written).not.toMatch(/13800001111|q=|%E6%AC/);
  });

  it("names the user of a valid session cookie, and nobody for a forged one", async () => {
    const token = await encode({ token: { sub: "user-1", name: "欧阳晓明" }, secret: SECRET });
    const signedIn = await (
      await fetch(`${base}/missing`, { headers: { cookie: `a=b; next-auth.session-token=${token}` } })
    ).text();
    expect(await lineFor(signedIn)).toMatchObject({ userId: "user-1", status: 404 });
    const forged = await encode({ token: { sub: "user-2" }, secret: `${SECRET}-other` });
    const other = await (await fetch(`${base}/`, { headers: { cookie: `next-auth.session-token=${forged}` } })).text();
    expect(await lineFor(other)).toMatchObject({ userId: null });
    expect(written).not.toContain("欧阳晓明");
  });

  it("logs Next's build files at debug, so the info level keeps to pages, actions and routes", async () => {
    const requestId = await (await fetch(`${base}/_next/static/chunks/app.js`)).text();
    expect(await lineFor(requestId)).toMatchObject({ level: "debug", path: "/_next/static/chunks/app.js" });
  });
});
