import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, forwardedHeaders, normaliseAddress, WEB_SERVER_TOKEN_HEADER } from "./forwarded";

const plain = { remoteAddress: "::ffff:192.0.2.7", encrypted: false };
const forged = {
  host: "192.0.2.2:3000",
  forwarded: "for=6.6.6.6;host=evil.example;proto=https",
  "x-forwarded-for": "6.6.6.6",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
  "x-forwarded-port": "443",
  [CLIENT_ADDRESS_HEADER]: "6.6.6.6",
  [WEB_SERVER_TOKEN_HEADER]: "guessed",
};

describe("forwardedHeaders without a trusted proxy", () => {
  it("replaces everything a client sent with the connection's own facts", () => {
    expect(forwardedHeaders(forged, plain, 0)).toEqual({
      forwarded: undefined,
      "x-forwarded-for": "192.0.2.7",
      "x-forwarded-host": "192.0.2.2:3000",
      "x-forwarded-proto": "http",
      "x-forwarded-port": undefined,
      [CLIENT_ADDRESS_HEADER]: "192.0.2.7",
      [WEB_SERVER_TOKEN_HEADER]: undefined,
    });
  });

  it.each([
    { remoteAddress: "::ffff:127.0.0.1", expected: "127.0.0.1" },
    { remoteAddress: "::1", expected: "::1" },
    { remoteAddress: "FD00::2", expected: "fd00::2" },
    { remoteAddress: "203.0.113.9", expected: "203.0.113.9" },
    { remoteAddress: undefined, expected: "unknown" },
  ])("counts the peer $remoteAddress as $expected", ({ remoteAddress, expected }) => {
    const headers = forwardedHeaders({ host: "localhost:3000" }, { remoteAddress, encrypted: false }, 0);
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe(expected);
  });

  it("says https on a TLS socket and leaves out a host the request did not name", () => {
    const headers = forwardedHeaders({}, { remoteAddress: "192.0.2.7", encrypted: true }, 0);
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers["x-forwarded-host"]).toBeUndefined();
  });
});

describe("forwardedHeaders behind trusted proxies", () => {
  const proxy = { remoteAddress: "::ffff:10.0.0.2", encrypted: false };

  it.each([
    // nginx with $proxy_add_x_forwarded_for appends the address it saw to what the client sent
    { forwardedFor: "203.0.113.9", proxies: 1, expected: "203.0.113.9" },
    { forwardedFor: "6.6.6.6, 203.0.113.9", proxies: 1, expected: "203.0.113.9" },
    { forwardedFor: "6.6.6.6,203.0.113.9", proxies: 1, expected: "203.0.113.9" },
    { forwardedFor: "6.6.6.6, 198.51.100.1, 10.0.0.3", proxies: 2, expected: "198.51.100.1" },
    // a chain shorter than the proxy count was written by our proxies alone
    { forwardedFor: "203.0.113.9", proxies: 3, expected: "203.0.113.9" },
    { forwardedFor: ["6.6.6.6", "203.0.113.9"], proxies: 1, expected: "203.0.113.9" },
    { forwardedFor: "::ffff:203.0.113.9", proxies: 1, expected: "203.0.113.9" },
    // no header, or nonsense from a misconfigured proxy: the proxy itself is the client
    { forwardedFor: undefined, proxies: 1, expected: "10.0.0.2" },
    { forwardedFor: "unknown", proxies: 1, expected: "10.0.0.2" },
  ])(
    "takes $expected from X-Forwarded-For $forwardedFor through $proxies proxies",
    ({ forwardedFor, proxies, expected }) => {
      const headers = forwardedHeaders({ host: "app:3000", "x-forwarded-for": forwardedFor }, proxy, proxies);
      expect(headers[CLIENT_ADDRESS_HEADER]).toBe(expected);
    },
  );

  it("keeps the host and protocol the proxy forwarded, and drops a token nobody may send", () => {
    const headers = forwardedHeaders(
      {
        host: "127.0.0.1:3000",
        "x-forwarded-host": "huifang.example.edu.cn",
        "x-forwarded-proto": "https",
        [CLIENT_ADDRESS_HEADER]: "6.6.6.6",
        [WEB_SERVER_TOKEN_HEADER]: "guessed",
      },
      proxy,
      1,
    );
    expect(headers["x-forwarded-host"]).toBe("huifang.example.edu.cn");
    expect(headers["x-forwarded-proto"]).toBe("https");
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("10.0.0.2");
    expect(headers[WEB_SERVER_TOKEN_HEADER]).toBeUndefined();
  });

  it("falls back to the Host and the connection when the proxy forwarded neither", () => {
    const headers = forwardedHeaders({ host: "app.internal:3000" }, proxy, 1);
    expect(headers["x-forwarded-host"]).toBe("app.internal:3000");
    expect(headers["x-forwarded-proto"]).toBe("http");
  });
});

describe("normaliseAddress", () => {
  it.each([
    ["::ffff:192.0.2.7", "192.0.2.7"],
    ["::FFFF:192.0.2.7", "192.0.2.7"],
    [" 192.0.2.7 ", "192.0.2.7"],
    ["2001:DB8::1", "2001:db8::1"],
    ["192.0.2.7:5555", undefined],
    ["evil.example", undefined],
    ["", undefined],
    [undefined, undefined],
  ])("%s → %s", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});
