import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { demoHome, pathPattern } from "./support/demo";
import { signIn } from "./support/sign-in";

// Full-page screenshots of each role's home page and the login page, for the README and for review:
// test-results/screenshots/<name>-<phone|desktop>.png (one per project). Each page must also fit the
// viewport's width: on a phone nothing may scroll sideways (callers work on their phones).

const SHOTS = ["caller01", "leader01", "lead", "admin", "inspector", "strike"] as const;

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "page width vs viewport width").toBeLessThanOrEqual(innerWidth);
}

async function shoot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const info = test.info();
  const file = path.join(info.project.outputDir, "screenshots", `${name}-${info.project.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

for (const login of SHOTS) {
  const { home, heading } = demoHome(login);
  test(`[SCREENSHOT]: ${login}'s home page ${home} fits the screen`, { tag: "@phone" }, async ({ page }) => {
    await signIn(page.context(), login);
    await page.goto(home);
    await expect(page).toHaveURL(pathPattern(home));
    await expect(new AppShell(page).heading).toHaveText(heading);
    await expectNoSidewaysScroll(page);
    await shoot(page, login);
  });
}

test("[SCREENSHOT]: the login page fits the screen", { tag: "@phone" }, async ({ page }) => {
  const form = new LoginPage(page);
  await form.goto();
  await expect(form.heading).toHaveText("登录");
  await expectNoSidewaysScroll(page);
  await shoot(page, "login");
});
