import { expect, test } from "@playwright/test";

// Issue 14: a load balancer's check against the app as the browser suite runs it, on the embedded
// database (the integration tests check the server database): 200 with the version, nothing else, no
// session, never cached. Without a configured token there are no metrics to read.

test("the health check answers without a session: up, migrated, with the version only", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
});

test("the metrics endpoint is not there when no token is configured", async ({ request }) => {
  // the browser suite's server has no HUIFANG_METRICS_TOKEN: the figures are not served at all
  const response = await request.get("/api/metrics");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("huifang_");
});
