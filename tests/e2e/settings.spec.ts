import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { waitForHydration } from "./pages/login-page";
import { signIn } from "./support/sign-in";

// The admin's settings journey. The browser specs share one demo database, so whatever this spec
// changes it types back at the end: later specs (payouts, screenshots) read the demo's own rules.

async function payoutTotal(page: Page): Promise<string> {
  await page.goto("/payouts");
  return (await page.getByTestId("payout-total").textContent()) ?? "";
}

async function openSettings(page: Page) {
  await page.goto("/admin/settings");
  await expect(new AppShell(page).heading).toHaveText("回访工作设置");
  await waitForHydration(page, '[data-testid="save-subsidy"]');
}

test("[ADMIN]: changes a tier's amount and the workload standard, sees the payout move, then restores them", {
  tag: "@phone",
}, async ({ page }) => {
  await signIn(page.context(), "admin");
  const totalBefore = await payoutTotal(page);

  await openSettings(page);
  await expect(page.getByTestId("frozen-note")).toContainText("不会改变已签发的补贴核算");
  const subsidy = page.getByTestId("section-subsidy");
  const tierYuan = subsidy.getByTestId("tier-0-yuan");
  const contacts = subsidy.getByTestId("field-workload.contactsPerAssigned");
  const originalYuan = await tierYuan.inputValue();
  const originalContacts = await contacts.inputValue();
  await expect(subsidy.getByText("默认 4 次/生")).toBeVisible();

  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `settings-${info.project.name}.png`),
    fullPage: true,
  });

  // a bad amount: the Chinese message beside the field, the typed text kept, nothing saved
  await tierYuan.fill("一百");
  await subsidy.getByTestId("save-subsidy").click();
  await expect(subsidy.getByTestId("tier-0")).toContainText("请填写数字。");
  await expect(subsidy.getByTestId("message-subsidy")).toHaveText("未保存，请修改标红的项。");
  await expect(tierYuan).toHaveValue("一百");
  await expect(tierYuan).toBeFocused();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `settings-error-${info.project.name}.png`),
  });

  await tierYuan.fill("150");
  await contacts.fill("6");
  await subsidy.getByTestId("save-subsidy").click();
  await expect(subsidy.getByTestId("message-subsidy")).toHaveText("已保存。");
  // another section saved on the same page, without a reload, follows the version the first save made
  // (it was once refused as changed by someone else)
  const workflow = page.getByTestId("section-workflow");
  const editWindow = workflow.getByTestId("field-editWindowHours");
  const originalWindow = await editWindow.inputValue();
  await editWindow.fill(String(Number(originalWindow) + 1));
  await workflow.getByTestId("save-workflow").click();
  await expect(workflow.getByTestId("message-workflow")).toHaveText("已保存。");

  const totalChanged = await payoutTotal(page);
  expect(totalChanged).not.toBe(totalBefore);

  // restore the demo's values
  await openSettings(page);
  await expect(tierYuan).toHaveValue("150");
  await tierYuan.fill(originalYuan);
  await contacts.fill(originalContacts);
  await subsidy.getByTestId("save-subsidy").click();
  await expect(subsidy.getByTestId("message-subsidy")).toHaveText("已保存。");
  await expect(editWindow).toHaveValue(String(Number(originalWindow) + 1));
  await editWindow.fill(originalWindow);
  await workflow.getByTestId("save-workflow").click();
  await expect(workflow.getByTestId("message-workflow")).toHaveText("已保存。");
  await openSettings(page);
  await expect(editWindow).toHaveValue(originalWindow);
  await expect(tierYuan).toHaveValue(originalYuan);
  expect(await payoutTotal(page)).toBe(totalBefore);
});

test("[DATA]: the data team opens the admin area but not the campaign settings", async ({ page }) => {
  await signIn(page.context(), "data");
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: "修改回访工作设置" })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(403);
});
