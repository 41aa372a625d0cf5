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
