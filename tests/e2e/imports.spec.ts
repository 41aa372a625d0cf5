import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

// A small 投档 list as Excel on a Chinese Windows machine would save it (here UTF-8 with a BOM), with
// a title row above the header. Exam numbers far from the demo's, so the demo data is untouched.
const LIST = `\uFEFF2024年单招投档名单（补充）,,,\r\n考生号,姓名,联系电话,地区\r\n24519900000001,测试甲,138 0000 9001,成都市\r\n24519900000002,测试乙,+86 13800009002,绵阳\r\n`;

test("[DATA]: uploads a list, previews it, imports it as one batch and undoes it", async ({ page }) => {
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入名单");
  // React must own the form before it is used
  await page.waitForLoadState("networkidle");

  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "补充投档名单.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("读取 2 行，有效 2 行，错误 0 处，重复考生号 0 个。");
  await expect(preview).toContainText("新增 2");
  await page.screenshot({ path: "test-results/screenshots/imports-preview-desktop.png", fullPage: true });

  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 2，修改 0，未能分配回访人员 0。");
  const history = page.getByRole("table");
  await expect(history.getByRole("row").nth(1)).toContainText("补充投档名单.csv");
  await expect(history.getByRole("row").nth(1)).toContainText("已导入");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "撤销本批" }).click();
  await expect(history.getByRole("row").nth(1)).toContainText("已撤销");
});

test("[DATA]: a file with errors is previewed with its row numbers and cannot be imported", async ({ page }) => {
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  const bad = "考生号,姓名,联系电话,地区\n2.45E+13,坏,12345,成都\n";
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "有错误.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("第 2 行 [考生号]");
  await expect(preview).toContainText("第 2 行 [联系电话]");
  await expect(page.getByTestId("import-apply")).toBeDisabled();
});

// 学号 and 片区 are names the checker does not know: the header is not found until the data team says
// which column is the exam number and which the region.
const UNKNOWN_HEADER = `\uFEFF学号,姓名,联系电话,片区,备注\r\n24519900000011,测试丙,13800009011,成都市,补录\r\n24519900000012,测试丁,13800009012,绵阳,\r\n`;

async function uploadUnknownHeader(page: import("@playwright/test").Page) {
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "补录名单.csv", mimeType: "text/csv", buffer: Buffer.from(UNKNOWN_HEADER) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("在前 20 行中找不到表头");
  return preview;
}

test("[DATA]: fixes the column mapping, previews again, imports with it and undoes", async ({ page }) => {
  const preview = await uploadUnknownHeader(page);
  await expect(page.getByTestId("import-apply")).toBeDisabled();

  // the row errors download as xlsx
  const download = page.waitForEvent("download");
  await page.getByTestId("import-error-report").click();
  expect((await download).suggestedFilename()).toBe("投档名单错误报告.xlsx");

  const mapping = page.getByTestId("import-mapping");
  await expect(mapping).toContainText("列的对应关系（表头在第 1 行）");
  await mapping.getByLabel("“学号”导入为").selectOption({ label: "考生号" });
  await mapping.getByLabel("“片区”导入为").selectOption({ label: "地区" });
  await page.getByRole("button", { name: "按此对应重新预览" }).click();
  await expect(preview).toContainText("读取 2 行，有效 2 行，错误 0 处，重复考生号 0 个。");
  await expect(preview).toContainText("新增 2");
  await expect(mapping).toContainText("当前预览使用的是你指定的对应关系");
  await page.screenshot({ path: "test-results/screenshots/imports-mapping-desktop.png", fullPage: true });

  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 2，修改 0，未能分配回访人员 0。");
  const history = page.getByRole("table");
  await expect(history.getByRole("row").nth(1)).toContainText("补录名单.csv");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "撤销本批" }).click();
  await expect(history.getByRole("row").nth(1)).toContainText("已撤销");
});

test("[DATA]: the import page with a mapping to correct fits a phone @phone", async ({ page }, testInfo) => {
  await uploadUnknownHeader(page);
  await page.screenshot({
    path: `test-results/screenshots/imports-mapping-${testInfo.project.name}.png`,
    fullPage: true,
  });
  // nothing scrolls sideways
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );
});

test("[DATA]: a longer list shows the apply's progress until it is imported", async ({ page }) => {
  test.setTimeout(120_000);
  const rows = Array.from(
    { length: 5_000 },
    (_, i) => `2451980${String(i).padStart(7, "0")},进度${i},138${String(70_000_000 + i)},成都`,
  );
  const list = `考生号,姓名,联系电话,地区\r\n${rows.join("\r\n")}\r\n`;
  await signIn(page.context(), "data");
  await page.goto("/admin/imports");
  await page.waitForLoadState("networkidle");
  await page
    .getByTestId("import-file")
    .setInputFiles({ name: "进度.csv", mimeType: "text/csv", buffer: Buffer.from(list) });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("import-preview")).toContainText("新增 5000");

  await page.getByTestId("import-apply").click();
  await expect(page.getByTestId("import-applying")).toBeVisible();
  await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 5000，修改 0，未能分配回访人员 0。", {
    timeout: 90_000,
  });
  await expect(page.getByTestId("import-applying")).toHaveCount(0);

  // leave the demo as it was for the specs after this one
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "撤销本批" }).click();
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText("已撤销", { timeout: 60_000 });
});
