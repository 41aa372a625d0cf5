import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { waitForHydration } from "./pages/login-page";
import { pathPattern } from "./support/demo";
import { signIn } from "./support/sign-in";

// Issue 11, item 8 (docs/reliability.md #26): a session cookie kept from before sign-out opened the app for up
// to 12 hours. Sign-out ends the session on the server; 退出所有设备 ends every session of the account.

test("[AUTH]: a cookie kept from before sign-out opens nothing", async ({ page, browser }) => {
  await signIn(page.context(), "caller05");
  await page.goto("/calls");
  await expect(new AppShell(page).heading).toHaveText("我的考生");
  const kept = (await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token"));
  expect(kept).toHaveLength(1);

  await waitForHydration(page, "header button");
  await page.getByRole("banner").getByRole("button", { name: "退出登录", exact: true }).click();
  await expect(page).toHaveURL(pathPattern("/login"));

  // another browser replays the kept cookie
  const replay = await browser.newContext();
  try {
    await replay.addCookies(kept);
    const response = await replay.request.get("/calls", { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(new URL(response.headers().location ?? "", "http://x").pathname).toBe("/login");
    const replayed = await replay.newPage();
    await replayed.goto("/calls");
    await expect(replayed).toHaveURL(pathPattern("/login"));
    await expect(replayed.getByText("我的考生")).toHaveCount(0);
  } finally {
    await replay.close();
  }
});

test("[AUTH]: 退出所有设备 ends the session of the account's other browser", async ({ page, browser }) => {
  const phone = await browser.newContext();
  try {
    await signIn(phone, "caller06");
    const phonePage = await phone.newPage();
    await phonePage.goto("/calls");
    await expect(new AppShell(phonePage).heading).toHaveText("我的考生");

    await signIn(page.context(), "caller06");
    await page.goto("/calls");
    await waitForHydration(page, "header button");
    const banner = page.getByRole("banner");
    await banner.getByText("账号", { exact: true }).click();
    const menu = page.getByTestId("account-menu");
    await expect(menu).toContainText("每台设备上的登录都将失效");
    await menu.getByRole("button", { name: "退出所有设备" }).click();
    await expect(page).toHaveURL(pathPattern("/login"));

    // the phone's next page is the login page, with a word on why
    await phonePage.goto("/calls");
    await expect(phonePage).toHaveURL(pathPattern("/login"));
    await expect(phonePage.getByTestId("form-error")).toHaveText("登录已失效，请重新登录。");
  } finally {
    await phone.close();
  }
});
