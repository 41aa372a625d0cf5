import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { waitForHydration } from "./pages/login-page";
import { withDb } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 13 (plan 八): an admin enters one caller's overtime pay with its reason, then imports a file for
// others: a file with a wrong row is previewed with the row's problem and cannot be applied; the corrected
// file is applied. caller18 and caller19 are used by no other spec.

async function overtimeFile(name: string, rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("加班补贴");
  sheet.addRow(["工号/学号", "姓名", "加班补贴(元)", "事由"]);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(test.info().outputDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await workbook.xlsx.writeFile(file);
  return file;
}

test("[ADMIN]: enters one caller's overtime, then imports a file after fixing the row the preview refused", async ({
  page,
}) => {
  const [name18, name19] = await withDb(async (db) => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT name FROM "User" WHERE login IN ('caller18', 'caller19') ORDER BY login`,
    );
    return rows.map((r) => r.name);
  });
  await signIn(page.context(), "admin");
  await page.goto("/staff-pool");
  await page.getByTestId("person-caller18").click();
  await waitForHydration(page, '[data-testid="overtime-form"]');
  const form = page.getByTestId("overtime-form");
  await form.getByTestId("overtime-amount").fill("12.345");
  await form.getByTestId("overtime-reason").fill("报到日现场引导");
  await form.getByTestId("save-overtime").click();
  await expect(form.getByTestId("overtime-error-amount")).toHaveText("金额格式不对：请填写元，最多两位小数");
  await form.getByTestId("overtime-amount").fill("150.50");
  await form.getByTestId("save-overtime").click();
  await expect(form.getByTestId("overtime-message")).toHaveText(/已保存：[\d,.]+ 元 → 150\.50 元。/);
  await expect(page.getByTestId("record-overtime")).toContainText("当前：150.50 元");
  await expect(page.getByTestId("record-overtime")).toContainText("报到日现场引导");
  await shootBothSizes(page, "overtime-person", { phoneFullPage: false });

  await page.goto("/staff-pool/overtime");
  await expect(page.getByTestId("overtime-frozen-note")).toContainText("签发之后录入或修改的加班补贴只计入下一次核算");
  await waitForHydration(page, '[data-testid="overtime-import-form"]');
  const bad = await overtimeFile("bad.xlsx", [
    ["caller18", name18, 200, "周末值守咨询热线"],
    ["caller19", "不是这个人", 80.5, "报到日现场引导"],
  ]);
  await page.getByTestId("overtime-import-file").setInputFiles(bad);
  await page.getByTestId("overtime-import-preview").click();
  await expect(page.getByTestId("overtime-import-row-errors")).toContainText(
    `第 3 行：姓名与账号不符：caller19 是 ${name19}`,
  );
  await expect(page.getByTestId("overtime-import-apply")).toHaveCount(0);
  await shootBothSizes(page, "overtime-import-errors", { phoneFullPage: false });

  const good = await overtimeFile("good.xlsx", [
    ["caller18", name18, 200, "周末值守咨询热线"],
    ["caller19", name19, 80.5, "报到日现场引导"],
  ]);
  await page.getByTestId("overtime-import-file").setInputFiles(good);
  await page.getByTestId("overtime-import-preview").click();
  await expect(page.getByTestId("overtime-import-preview-result")).toContainText("2 行均可导入");
  await expect(page.getByTestId("overtime-import-preview-result")).toContainText("150.50");
  await shootBothSizes(page, "overtime-import-preview", { phoneFullPage: false });
  await page.getByTestId("overtime-import-apply").click();
  await expect(page.getByTestId("overtime-import-message")).toHaveText("已导入 2 人的加班补贴。");

  await page.goto("/staff-pool");
  await expect(page.getByRole("row").filter({ has: page.getByTestId("person-caller18") })).toContainText("200.00 元");
  await expect(page.getByRole("row").filter({ has: page.getByTestId("person-caller19") })).toContainText("80.50 元");
});
