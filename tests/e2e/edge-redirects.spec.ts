import { expect, test } from "@playwright/test";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { addressedHosts, E2E_PORT } from "./support/addresses";
import { DEMO_PASSWORD, pathPattern } from "./support/demo";

// Issue 11, item 2: a phone on the campus Wi-Fi that signed out landed on its own localhost, because
// next-auth built its redirects from a NEXTAUTH_URL the launcher defaulted to http://localhost:PORT.
// Every address the browser is sent to must keep the host it typed.

for (const host of addressedHosts()) {
  const origin = `http://${host}:${E2E_PORT}`;

  test(`[EDGE]: signing in and out on ${host} never leaves ${host}`, async ({ page }) => {
    const landed: string[] = [];
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) landed.push(frame.url());
    });

    // next-auth's own pages redirect to the login page: on this host
    await page.goto(`${origin}/api/auth/signin`);
    await expect(page).toHaveURL(pathPattern("/login"));
    await waitForHydration(page, "form");
    await new LoginPage(page).signIn("caller01", DEMO_PASSWORD);
    await expect(page).toHaveURL(`${origin}/calls`);

    await waitForHydration(page, "header button");
    await page.getByRole("banner").getByRole("button", { name: "退出登录", exact: true }).click();
    await expect(page).toHaveURL(`${origin}/login`);
    // signed out: the next page asks for the login again, still here
    await page.goto(`${origin}/calls`);
    await expect(page).toHaveURL(pathPattern("/login"));

    expect(landed.length).toBeGreaterThanOrEqual(4);
    for (const url of landed) expect(new URL(url).host, url).toBe(`${host}:${E2E_PORT}`);
  });

  test(`[EDGE]: next-auth's sign-out and sign-in answers on ${host} name ${host}`, async ({ request }) => {
    const csrf = await request.get(`${origin}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signOut = await request.post(`${origin}/api/auth/signout`, {
      form: { csrfToken, callbackUrl: "/login", json: "true" },
    });
    expect(signOut.ok()).toBe(true);
    expect(((await signOut.json()) as { url: string }).url).toBe(`${origin}/login`);

    // next-auth's sign-in page redirect names where to return after signing in
    const signIn = await request.get(`${origin}/api/auth/signin`, { maxRedirects: 0 });
    const location = new URL(signIn.headers().location ?? "", origin);
    expect(location.pathname).toBe("/login");
    expect(new URL(location.searchParams.get("callbackUrl") ?? "").origin).toBe(origin);
  });
}

test("[EDGE]: a forged X-Forwarded-Host does not move next-auth's redirects", async ({ request }) => {
  const origin = `http://127.0.0.1:${E2E_PORT}`;
  const forged = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example" };
  const csrf = await request.get(`${origin}/api/auth/csrf`, { headers: forged });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signOut = await request.post(`${origin}/api/auth/signout`, {
    headers: forged,
    form: { csrfToken, callbackUrl: "/login", json: "true" },
  });
  expect(((await signOut.json()) as { url: string }).url).toBe(`${origin}/login`);
});
