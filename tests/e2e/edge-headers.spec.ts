import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { E2E_PORT } from "./support/addresses";
import { DEMO_HOMES } from "./support/demo";
import { signIn } from "./support/sign-in";

// docs/reliability.md #27 (issue 11, item 12): every response carries the security headers, the app's
// own scripts run under a nonce-only CSP, and no other site can frame the app.

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // served over plain http here: no HSTS, no upgrade of the LAN address to https
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(policy).not.toContain("upgrade-insecure-requests");
}

test("[EDGE]: a page, an API route and a static asset carry the security headers", async ({ request }) => {
  const page = await request.get("/login");
  expectSecurityHeaders(page);
  const html = await page.text();
  const script = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(script, "a script of the page").toBeTruthy();
  expectSecurityHeaders(await request.get(script ?? ""));
  expectSecurityHeaders(await request.get("/api/auth/csrf"));
  expectSecurityHeaders(await request.get("/readme/calls-phone.png"));

  // each response has its own nonce, and the page's scripts carry it
  const nonce = page.headers()["content-security-policy"]?.match(/'nonce-([0-9a-f]+)'/)?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(`nonce-${nonce}`);

  // a client cannot claim https: without a trusted proxy the launcher replaces X-Forwarded-Proto
  // with the connection's protocol (behind a trusted https proxy: edge-two-instances.spec.ts)
  expectSecurityHeaders(await request.get("/login", { headers: { "x-forwarded-proto": "https" } }));
});

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

for (const { login, home, heading } of DEMO_HOMES) {
  test(`[EDGE]: ${login}'s ${home} runs under the CSP without a violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    await signIn(page.context(), login);
    const response = await page.goto(home);
    expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(heading);
    // the app's scripts ran: React has hydrated the header
    await waitForHydration(page, "header button");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
}

test("[EDGE]: the login page runs under the CSP without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/login");
  expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  await waitForHydration(page, "form");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test.describe("framing", () => {
  let foreign: Server;
  let foreignOrigin: string;

  test.beforeAll(async () => {
    // another origin (another port) that frames the login page, as a phishing page would
    foreign = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><title>foreign</title><iframe src="http://localhost:${E2E_PORT}/login"></iframe>`);
    });
    await new Promise<void>((resolve) => foreign.listen(0, "127.0.0.1", resolve));
    foreignOrigin = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => foreign.close(resolve));
  });

  test("[EDGE]: /login in a foreign site's frame does not render", async ({ page }) => {
    // Chromium reports the refusal on the framing page's console
    const refused = page.waitForEvent("console", (message) => /frame-ancestors 'none'/.test(message.text()));
    // control: the foreign page itself loads and holds the frame
    await page.goto(foreignOrigin);
    await expect(page.locator("iframe")).toHaveCount(1);
    await refused;
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "登录" })).toHaveCount(0);
    await expect(page.frameLocator("iframe").locator('input[name="password"]')).toHaveCount(0);
  });
});
