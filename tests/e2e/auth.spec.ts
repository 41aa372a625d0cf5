import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { DEMO_HOMES, DEMO_PASSWORD, demoHome, pathPattern } from "./support/demo";

// The login spec signs in through the form in every case; the other specs use support/sign-in.ts.

const INVALID = "账号或密码错误。";
const EMPTY = "请输入账号和密码。";
const LOCKED = "登录失败次数过多，请 15 分钟后再试。";

// Callers and group leaders work on their phones: their sign-in also runs in the phone project (the
// screenshot spec opens every role's home page there too).
const PHONE_USERS = ["caller01", "leader01"];

test.describe("sign-in lands each role on its home page", () => {
  for (const { login, home, heading } of DEMO_HOMES) {
    const tag = PHONE_USERS.includes(login) ? ["@phone"] : [];
    test(`[AUTH]: ${login} signs in and lands on ${home} in Simplified Chinese`, { tag }, async ({ page }) => {
      const form = new LoginPage(page);
      await form.goto();
      await expect(form.heading).toHaveText("登录");
      await form.signIn(login, DEMO_PASSWORD);

      await expect(page).toHaveURL(pathPattern(home));
      const shell = new AppShell(page);
      await expect(shell.heading).toHaveText(heading);
      await shell.expectLanguage("zh-CN");
      await expect(shell.nav.locator('a[aria-current="page"]')).toHaveAttribute("href", home);
    });
  }
});

test.describe("sign-in refusals", () => {
  test("[AUTH]: a wrong password gets the generic message and no session", async ({ page }) => {
    const form = new LoginPage(page);
    await form.goto();
    await form.signInExpectingError("caller01", "not-the-password", INVALID);
    await page.goto("/calls");
    await expect(page).toHaveURL(pathPattern("/login"));
  });

  test("[AUTH]: an unknown login gets the same message as a wrong password", async ({ page }) => {
    const form = new LoginPage(page);
    await form.goto();
    await form.signInExpectingError("nobody-here", DEMO_PASSWORD, INVALID);
  });

  test("[AUTH]: empty fields ask for a login and a password", async ({ page }) => {
    const form = new LoginPage(page);
    await form.goto();
    await form.signInExpectingError("", "", EMPTY);
    await form.signInExpectingError("caller01", "", EMPTY);
    await form.signInExpectingError("   ", DEMO_PASSWORD, EMPTY);
  });

  test("[AUTH]: the 11th attempt within 15 minutes is refused even with the right password", async ({ page }) => {
    // inspector03 is used by no other spec: its counter starts at zero on the fresh demo database
    const form = new LoginPage(page);
    await form.goto();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await form.signInExpectingError("inspector03", `wrong-${attempt}`, INVALID);
    }
    await form.signInExpectingError("inspector03", DEMO_PASSWORD, LOCKED);
    await page.goto("/inspection");
    await expect(page).toHaveURL(pathPattern("/login"));
  });
});

test.describe("access", () => {
  // each page's own text, which the 403 page must not show
  const REFUSED = [
    { path: "/admin", pageText: demoHome("admin").heading },
    { path: "/inspection", pageText: "本周回访记录" },
  ];
  for (const { path, pageText } of REFUSED) {
    test(`[AUTH]: a caller who types ${path} gets the 403 "no permission" page`, async ({ page }) => {
      const form = new LoginPage(page);
      await form.goto();
      await form.signIn("caller01", DEMO_PASSWORD);
      await expect(page).toHaveURL(pathPattern("/calls"));

      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page).toHaveURL(pathPattern(path));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("没有权限");
      await expect(page.getByText(pageText)).toHaveCount(0);
    });
  }

  test("[AUTH]: a signed-out visit to /calls goes to the login page", async ({ page }) => {
    await page.goto("/calls");
    await expect(page).toHaveURL(pathPattern("/login"));
    await expect(new LoginPage(page).heading).toHaveText("登录");
    await expect(page.getByText("我的考生")).toHaveCount(0);
  });
});

test.describe("language", () => {
  test("[AUTH]: the login page switches to English and back", { tag: "@phone" }, async ({ page }) => {
    const form = new LoginPage(page);
    await form.goto();
    await expect(form.heading).toHaveText("登录");
    await waitForHydration(page, "select");

    await form.language.selectOption({ label: "English" });
    await expect(form.heading).toHaveText("Sign in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    // the choice is a cookie: it survives a reload
    await page.reload();
    await expect(form.heading).toHaveText("Sign in");

    await waitForHydration(page, "select");
    await form.language.selectOption({ label: "中文" });
    await expect(form.heading).toHaveText("登录");
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  });

  test("[AUTH]: a signed-in caller switches the app to English and back", { tag: "@phone" }, async ({ page }) => {
    const form = new LoginPage(page);
    await form.goto();
    await form.signIn("caller01", DEMO_PASSWORD);
    await expect(page).toHaveURL(pathPattern("/calls"));
    const shell = new AppShell(page);
    await expect(shell.heading).toHaveText("我的考生");

    await shell.switchLanguage("English");
    await expect(shell.heading).toHaveText("My candidates");
    await shell.expectLanguage("en");
    await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();

    await shell.switchLanguage("中文");
    await expect(shell.heading).toHaveText("我的考生");
    await shell.expectLanguage("zh-CN");
    await expect(page.getByRole("button", { name: "退出登录", exact: true })).toBeVisible();
  });
});
