import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://localhost:3000/api/imports", { method: "POST", headers });

describe("isSameOrigin", () => {
  it.each([
    ["127.0.0.1", { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }],
    ["a LAN address", { origin: "http://192.168.1.20:3000", host: "192.168.1.20:3000" }],
    ["a hostname", { origin: "http://huifang.local:3000", host: "HUIFANG.local:3000" }],
    [
      "a proxy that rewrites Host and forwards the browser's",
      {
        origin: "https://huifang.example.edu.cn",
        host: "127.0.0.1:3000",
        "x-forwarded-host": "huifang.example.edu.cn",
      },
    ],
  ])("accepts the browser's own address: %s", (_, headers) => {
    expect(isSameOrigin(post(headers), undefined)).toBe(true);
  });

  it("accepts the configured public address when a proxy rewrites Host without forwarding it", () => {
    const request = post({ origin: "https://huifang.example.edu.cn", host: "127.0.0.1:3000" });
    expect(isSameOrigin(request, "https://huifang.example.edu.cn")).toBe(true);
    expect(isSameOrigin(request, undefined)).toBe(false);
  });

  it.each([
    ["another site", { origin: "https://evil.example", host: "127.0.0.1:3000" }],
    ["another port", { origin: "http://127.0.0.1:4000", host: "127.0.0.1:3000" }],
    ["an opaque origin", { origin: "null", host: "127.0.0.1:3000" }],
    ["a non-web scheme", { origin: "file://127.0.0.1:3000", host: "127.0.0.1:3000" }],
    ["no Host at all", { origin: "http://127.0.0.1:3000" }],
  ])("refuses %s", (_, headers) => {
    expect(isSameOrigin(post(headers), undefined)).toBe(false);
  });

  it("lets a request without Origin through (not a browser form)", () => {
    expect(isSameOrigin(post({ host: "127.0.0.1:3000" }), undefined)).toBe(true);
  });
});
