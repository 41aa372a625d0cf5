import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { AppShell } from "./pages/app-shell";
import { waitForHydration } from "./pages/login-page";
import { CJK, shownTexts } from "./support/page-text";
import { signIn } from "./support/sign-in";

// What the finance office gets from a signed-off payout: the xlsx of the version (one row per person, a
// totals row) and the printable statements, one A4 page each, without the app's shell on paper.
// The spec signs a version off when none exists yet (it runs before payouts.spec.ts), so it stands alone;
// a second version signed later by another spec changes nothing it reads.

/** The newest signed version's page, signing one off first when there is none. */
async function openSignedVersion(page: Page): Promise<string> {
  await page.goto("/payouts");
  await expect(new AppShell(page).heading).toHaveText("补贴核算");
  const versions = page.getByRole("link", { name: /^第 \d+ 版$/ });
  if ((await versions.count()) === 0) {
    await waitForHydration(page, '[data-testid="sign-off"]');
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByTestId("sign-off").click();
    await expect(page.getByText(/已签发第 \d+ 版。/)).toBeVisible();
  }
  await versions.first().click();
  await expect(page).toHaveURL(/\/payouts\/\d+$/);
  return new URL(page.url()).pathname;
}

/** The page as a screenshot: whole, or (`fullPage` false) what the first screen shows. */
function shot(page: Page, name: string, fullPage = true) {
  const info = test.info();
  return page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `${name}-${info.project.name}.png`),
    fullPage,
  });
}

/** "1,064.00 元" -> 106400 */
const fenOf = (shown: string) => Math.round(Number(shown.replace(/[^\d.]/g, "")) * 100);

test("[ADMIN]: downloads the finance xlsx of a signed-off version and prints each person's statement", {
  tag: "@phone",
}, async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page.context(), "admin");
  const versionPath = await openSignedVersion(page);
  const runTotal = fenOf((await page.getByTestId("payout-total").textContent()) ?? "");
  expect(runTotal).toBeGreaterThan(0);
  await expect(page.getByRole("link", { name: "打印确认单" })).toBeVisible();
  await shot(page, "payout-version", false);

  // the xlsx: Chinese headers, amounts as numbers, a totals row equal to the version's total
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出财务表" }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  expect(rows[0]).toEqual([
    "姓名",
    "工号/账号",
    "小组",
    "录取",
    "报到",
    "报到率",
    "电话补贴（元）",
    "加班补贴（元）",
    "生源报备积分（元）",
    "组长专项补贴（元）",
    "扣减（元，已从各项扣除）",
    "合计（元）",
    "说明",
  ]);
  // the total's column, found by its heading
  const totalColumn = rows[0]?.indexOf("合计（元）") ?? -1;
  const people = rows.slice(1, -1);
  const totals = rows.at(-1) ?? [];
  expect(totals[0]).toBe(`合计（${people.length} 人）`);
  expect(Math.round((totals[totalColumn] as number) * 100)).toBe(runTotal);

  // the statements: one per person of the xlsx, each total the xlsx's figure for that person
  await page.getByRole("link", { name: "打印确认单" }).click();
  await expect(page).toHaveURL(new RegExp(`${versionPath}/statements$`));
  const statements = page.getByTestId("statement");
  await expect(statements).toHaveCount(people.length);
  const first = statements.first();
  const name = (await first.getByTestId("statement-name").textContent()) ?? "";
  const shownTotal = fenOf((await first.getByTestId("statement-total").textContent()) ?? "");
  const row = people.find((r) => r[0] === name);
  expect(row, `xlsx row of ${name}`).toBeDefined();
  expect(Math.round((row?.[totalColumn] as number) * 100)).toBe(shownTotal);
  await expect(first.getByText(/本人签字/)).toBeVisible();
  await expect(page.getByTestId("print")).toBeVisible();
  await shot(page, "payout-statements", false);

  // one person alone, then as printed: no navigation, no buttons, one A4 page
  await first.getByRole("link", { name: "只打印此人" }).click();
  await expect(page).toHaveURL(/\/statements\?user=/);
  await expect(statements).toHaveCount(1);
  await expect(statements.getByTestId("statement-name")).toHaveText(name);
  await shot(page, "payout-statement-one");
  await page.emulateMedia({ media: "print" });
  await expect(new AppShell(page).nav).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByTestId("print")).toBeHidden();
  await expect(statements.getByTestId("statement-name")).toBeVisible();
  await shot(page, "payout-statement-print");
  if (test.info().project.name === "phone") return; // the paper is the same from either browser

  const pageCount = async () => {
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    return (pdf.match(/\/Type\s*\/Page\b/g) ?? []).length;
  };
  expect(await pageCount()).toBe(1);
  await page.emulateMedia({ media: "screen" });
  await page.goto(`${versionPath}/statements`);
  await expect(statements).toHaveCount(people.length);
  await page.emulateMedia({ media: "print" });
  expect(await pageCount()).toBe(people.length);
});

test("[LEAD]: the callback lead prints the statements too; a caller gets no export", async ({ browser }) => {
  const lead = await browser.newContext();
  await signIn(lead, "lead");
  const leadPage = await lead.newPage();
  await leadPage.goto("/payouts");
  // the admin's test above signed a version if there was none
  await leadPage
    .getByRole("link", { name: /^第 \d+ 版$/ })
    .first()
    .click();
  await expect(leadPage).toHaveURL(/\/payouts\/\d+$/);
  const versionPath = new URL(leadPage.url()).pathname;
  await leadPage.getByRole("link", { name: "打印确认单" }).click();
  await expect(leadPage.getByTestId("statement").first()).toBeVisible();
  // in English the page's own words are English; names and the frozen lines stay Chinese, marked as such
  await lead.addCookies([{ name: "NEXT_LOCALE", value: "en", url: test.info().project.use.baseURL }]);
  await leadPage.goto(`${versionPath}/statements`);
  await expect(leadPage.getByRole("button", { name: "Print" })).toBeVisible();
  await expect(leadPage.getByTestId("statement").first().getByText("Signature")).toBeVisible();
  const unmarked = (await shownTexts(leadPage)).filter((t) => !t.zh && CJK.test(t.text));
  expect(unmarked).toEqual([]);
  await shot(leadPage, "payout-statements-en", false);
  await lead.close();

  const caller = await browser.newContext();
  await signIn(caller, "caller01");
  const callerPage = await caller.newPage();
  expect((await callerPage.request.get(`${versionPath}/export`)).status()).toBe(404);
  expect((await callerPage.goto(`${versionPath}/statements`))?.status()).toBe(403);
  await caller.close();
});
