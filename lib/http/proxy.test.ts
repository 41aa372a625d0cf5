import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, WEB_SERVER_TOKEN_HEADER } from "./forwarded";
import { proxyRequest } from "./proxy";

const TOKEN = "per-start-token-of-the-web-server";

/** The request headers Next hands on to the page or route after the proxy (its override protocol). */
function forwarded(headers: Record<string, string>, token: string | undefined = TOKEN) {
  const response = proxyRequest(new NextRequest("http://192.0.2.2:3000/login", { headers }), token);
  const names = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
  const request = Object.fromEntries(names.map((name) => [name, response.headers.get(`x-middleware-request-${name}`)]));
  return { request, response };
}

describe("proxyRequest", () => {
  it("hands on the client address the web server set, and not its token", () => {
    const { request } = forwarded({ [CLIENT_ADDRESS_HEADER]: "192.0.2.7", [WEB_SERVER_TOKEN_HEADER]: TOKEN });
    expect(request[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.7");
    expect(request).not.toHaveProperty(WEB_SERVER_TOKEN_HEADER);
  });

  it.each([
    { case: "without the web server's token (a plain next start)", sent: undefined, token: TOKEN },
    { case: "with a guessed token", sent: "per-start-token-of-the-web-serveR", token: TOKEN },
    { case: "with a token of another length", sent: "guess", token: TOKEN },
    { case: "when no web server is in front at all", sent: "", token: undefined },
  ])("drops a client address $case", ({ sent, token }) => {
    const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: "6.6.6.6" };
    if (sent !== undefined) headers[WEB_SERVER_TOKEN_HEADER] = sent;
    const { request } = forwarded(headers, token);
    expect(request).not.toHaveProperty(CLIENT_ADDRESS_HEADER);
    expect(request).not.toHaveProperty(WEB_SERVER_TOKEN_HEADER);
  });

  it("gives the page and the browser one policy with a fresh nonce", () => {
    const first = forwarded({});
    const policy = first.response.headers.get("content-security-policy");
    expect(policy).toMatch(/'nonce-[0-9a-f]{32}'/);
    expect(first.request["content-security-policy"]).toBe(policy);
    expect(first.response.headers.get("x-frame-options")).toBe("DENY");
    expect(forwarded({}).response.headers.get("content-security-policy")).not.toBe(policy);
  });

  it.each([
    { proto: "https", hsts: "max-age=31536000" },
    { proto: "https, http", hsts: "max-age=31536000" },
    { proto: "http", hsts: null },
  ])("pins https when the forwarded protocol is $proto", ({ proto, hsts }) => {
    const { response } = forwarded({ "x-forwarded-proto": proto });
    expect(response.headers.get("strict-transport-security")).toBe(hsts);
  });
});
