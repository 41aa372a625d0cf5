import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const http = { nonce: "abc123", https: false, dev: false };

describe("securityHeaders", () => {
  it("sends the framing, sniffing and referrer headers on every response", () => {
    const headers = securityHeaders(http);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
    expect(headers["Content-Security-Policy"]).toBe(contentSecurityPolicy(http));
  });

  it.each([
    { https: false, hsts: undefined },
    { https: true, hsts: "max-age=31536000" },
  ])("pins https only when served over https ($https)", ({ https, hsts }) => {
    expect(securityHeaders({ ...http, https })["Strict-Transport-Security"]).toBe(hsts);
  });
});

describe("contentSecurityPolicy", () => {
  const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d]));

  it("runs only scripts that carry this request's nonce, and nothing in a frame", () => {
    const policy = directives(contentSecurityPolicy(http));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("img-src")).toContain("blob:");
    expect(contentSecurityPolicy(http)).not.toContain("unsafe-eval");
  });

  it.each([
    { https: false, upgrade: false },
    { https: true, upgrade: true },
  ])("upgrades insecure requests only over https ($https)", ({ https, upgrade }) => {
    expect(directives(contentSecurityPolicy({ ...http, https })).has("upgrade-insecure-requests")).toBe(upgrade);
  });

  it("allows eval and inline styles only for next dev's overlay and injected CSS", () => {
    const dev = directives(contentSecurityPolicy({ ...http, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });
});
