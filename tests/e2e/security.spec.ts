import { type APIResponse, expect, test } from "@playwright/test";
import { demoHome, pathPattern } from "./support/demo";
import { signIn } from "./support/sign-in";

// docs/reliability.md #4: the middleware-bypass header (CVE-2025-29927 family) must not open a page.
// The app has no middleware to bypass: the (app) layout and each page check the session themselves,
// so a request that carries the header and no session cookie is still sent to the login page.

const PROBE = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
// a masked phone number (138****0000) or an exam number (14 digits): candidate data on a page
const CANDIDATE_DATA = /1\d{2}\*{4}\d{4}|\b\d{14}\b/;

async function expectSentToLogin(response: APIResponse) {
  expect(response.status(), "a redirect, not the page").toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(new URL(response.headers().location ?? "", "http://probe").pathname).toMatch(pathPattern("/login"));
}

test("[SECURITY]: x-middleware-subrequest without a cookie does not open /admin", async ({ request }) => {
  const response = await request.get("/admin", { headers: PROBE, maxRedirects: 0 });
  await expectSentToLogin(response);
  // the campaign name is the admin page's heading and appears in no translation
  expect(await response.text()).not.toContain(demoHome("admin").heading);
});

test("[SECURITY]: x-middleware-subrequest without a cookie does not open /calls", async ({ request, context }) => {
  // control: signed in, the same page does show candidate data, so the pattern below can match
  await signIn(context, "caller01");
  const signedIn = await context.request.get("/calls", { headers: PROBE, maxRedirects: 0 });
  expect(signedIn.status()).toBe(200);
  expect(await signedIn.text()).toMatch(CANDIDATE_DATA);

  // Next 16 renamed middleware to proxy: probe that spelling too
  for (const headers of [PROBE, { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" }]) {
    const response = await request.get("/calls", { headers, maxRedirects: 0 });
    await expectSentToLogin(response);
    expect(await response.text()).not.toMatch(CANDIDATE_DATA);
  }
});
