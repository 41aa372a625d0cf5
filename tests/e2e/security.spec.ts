import { expect, test } from "@playwright/test";
import { demoHome, pathPattern } from "./support/demo";

// RELIABILITY.md row 4: the middleware-bypass header (CVE-2025-29927 family) must not open a page.
// The app has no middleware to bypass: the (app) layout and each page check the session themselves.
test("[SECURITY]: x-middleware-subrequest without a cookie does not open /admin", async ({ request }) => {
  const response = await request.get("/admin", {
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    maxRedirects: 0,
  });
  expect(response.status(), "a redirect, not the admin page").toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(new URL(response.headers().location ?? "", "http://x").pathname).toMatch(pathPattern("/login"));
  expect(await response.text()).not.toContain(demoHome("admin").heading);
});

// Next 16 renamed middleware to proxy: probe that spelling too, on a caller page.
test("[SECURITY]: x-middleware-subrequest naming the proxy does not open /calls", async ({ request }) => {
  const response = await request.get("/calls", {
    headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" },
    maxRedirects: 0,
  });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(new URL(response.headers().location ?? "", "http://x").pathname).toMatch(pathPattern("/login"));
  expect(await response.text()).not.toContain(demoHome("caller01").heading);
});
