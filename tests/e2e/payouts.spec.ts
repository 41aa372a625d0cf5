import path from "node:path";
import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { waitForHydration } from "./pages/login-page";
import { signIn } from "./support/sign-in";

// The money journey: the admin reads the projected payout, opens one caller's explanation, signs it off
// as a frozen version and reads that version back; the callback lead may read but not sign.

test("[ADMIN]: explains a caller's payout, signs it off and reads the frozen version", { tag: "@phone" }, async ({
  page,
}) => {
  await signIn(page.context(), "admin");
  await page.goto("/payouts");
  await expect(new AppShell(page).heading).toHaveText("补贴核算");
  const total = (await page.getByTestId("payout-total").textContent()) ?? "";
  expect(total).toMatch(/^[\d,]+\.\d{2} 元$/);

  // the first caller's explanation unfolds to the lines lib/subsidy wrote, ending in their subsidy
  const explanation = page.locator('[data-testid^="explain-"]').first();
  await explanation.locator("summary").click();
  await expect(explanation.locator("li").first()).toBeVisible();
  expect(await explanation.locator("li").count()).toBeGreaterThan(1);

  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `payouts-${info.project.name}.png`),
    fullPage: true,
  });
  if (info.project.name === "phone") return; // one sign-off per run: the desktop project signs

  await waitForHydration(page, '[data-testid="sign-off"]');
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId("sign-off").click();
  await expect(page.getByText(/已签发第 \d+ 版。/)).toBeVisible();
  const versionLink = page.getByRole("link", { name: /第 \d+ 版/ }).first();
  await versionLink.click();
  await expect(page).toHaveURL(/\/payouts\/\d+$/);
  await expect(new AppShell(page).heading).toContainText("已签发的补贴核算");
  await expect(page.getByTestId("payout-total")).toHaveText(total);
});

test("[LEAD]: the callback lead reads payouts but cannot sign; a caller cannot open them", async ({ browser }) => {
  const lead = await browser.newContext();
  await signIn(lead, "lead");
  const leadPage = await lead.newPage();
  await leadPage.goto("/payouts");
  await expect(leadPage.getByTestId("payout-total")).toBeVisible();
  await expect(leadPage.getByTestId("sign-off")).toHaveCount(0);
  await expect(leadPage.getByText("只有招生工作领导小组（管理员）可以签发。")).toBeVisible();
  await lead.close();

  const caller = await browser.newContext();
  await signIn(caller, "caller01");
  const callerPage = await caller.newPage();
  const response = await callerPage.goto("/payouts");
  expect(response?.status()).toBe(403);
  await caller.close();
});
