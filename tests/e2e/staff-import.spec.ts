import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { pathPattern } from "./support/demo";
import { query } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Issue 13: the admin imports the college's staff list (人员名单). A list with a bad row is shown with
// the row's number and cannot be applied; the corrected list is applied, each new person's temporary
// password is shown once with the Excel download and the print view, and a new person signs in with
// it and must choose their own. Logins far from the demo's, one set per project, so runs never meet.

const HEADER = ["工号/学号", "姓名", "手机", "身份", "学院/部门", "来源", "学生干部", "地区"];

async function staffXlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("人员名单");
  sheet.addRow(["2024年招生回访人员名单"]);
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function shoot(page: Page, name: string) {
  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `staff-import-${name}-${info.project.name}.png`),
    fullPage: true,
  });
}

async function upload(page: Page, name: string, rows: string[][]) {
  await page
    .getByTestId("staff-import-file")
    .setInputFiles({ name, mimeType: "application/octet-stream", buffer: await staffXlsx(rows) });
  await page.getByTestId("staff-import-check").click();
}

test("[ADMIN]: imports a staff list, hands out the temporary passwords, and a new person must choose their own @phone", async ({
  browser,
  page,
}) => {
  const prefix = test.info().project.name === "phone" ? "zsp" : "zsd";
  const people = [
    [`${prefix.toUpperCase()}001`, "导入测试甲", "13700000001", "教师", "护理学院", "2023年优秀回访人员", "", "成都"],
    [`${prefix.toUpperCase()}002`, "导入测试乙", "137 0000 0002", "学生", "信息工程学院", "", "是", "宜宾"],
    [`${prefix.toUpperCase()}003`, "导入测试丙", "13700000003", "学生", "信息工程学院", "自愿报名", "否", ""],
  ];
  const withBadRow = people.map((row, i) => (i === 1 ? [...row.slice(0, 2), "028-85551234", ...row.slice(3)] : row));

  await signIn(page.context(), "admin");
  await page.goto("/admin/staff");
  await page.getByTestId("open-staff-import").click();
  await expect(page).toHaveURL(pathPattern("/admin/staff/import"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入人员名单");
  await waitForHydration(page, "[data-testid=staff-import-check]");

  // one bad row: shown with its Excel row (the title row is row 1, the header row 2) and nothing applies
  await upload(page, "人员名单（有错）.xlsx", withBadRow);
  const preview = page.getByTestId("staff-import-preview");
  await expect(page.getByTestId("staff-import-counts")).toContainText("有错误的行 1 行");
  const errors = page.getByTestId("staff-import-errors");
  await expect(errors.getByTestId("staff-import-error")).toHaveText([
    "第 4 行 [手机] “028-85551234”不是手机号：这里需要 11 位的大陆手机号。",
  ]);
  await expect(page.getByTestId("staff-import-blocked")).toBeVisible();
  await expect(page.getByTestId("staff-import-apply")).toHaveCount(0);
  await shoot(page, "errors");

  // the corrected list: three new accounts, the excellent caller straight into the pool
  await upload(page, "人员名单.xlsx", people);
  await expect(page.getByTestId("staff-import-counts")).toContainText("新建账号 3 个");
  await expect(page.getByTestId("staff-import-counts")).toContainText("有错误的行 0 行");
  await expect(page.getByTestId("staff-import-created")).toContainText("直接进入人员库");
  await expect(page.getByTestId("staff-import-created")).toContainText(`${prefix}002`);
  await shoot(page, "preview");
  await preview.getByTestId("staff-import-apply").click();

  const credentials = page.getByTestId("staff-credentials");
  await expect(credentials).toContainText("新账号的临时密码（3 个）");
  await expect(page.getByTestId("staff-import-message")).toHaveText(
    "已导入：新建 3 个账号，0 个已有账号加入本次回访，0 个已有账号已更新。",
  );
  const passwords = await page.getByTestId("staff-credential-password").allTextContents();
  expect(passwords).toHaveLength(3);
  for (const password of passwords) expect(password.trim()).toMatch(/^[a-z2-9]{12}$/);
  await shoot(page, "credentials");

  // 下载 Excel: the sheet the browser posted back, as it was shown
  const downloading = page.waitForEvent("download");
  await page.getByTestId("staff-credentials-download").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("新账号临时密码.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1)).toEqual([
    "账号",
    "姓名",
    "临时密码",
    "首次登录后须修改密码",
  ]);
  expect(((sheet?.getRow(2).values ?? []) as unknown[]).slice(1)).toEqual([
    `${prefix}001`,
    "导入测试甲",
    passwords[0]?.trim(),
    "首次登录后须修改密码",
  ]);

  // 打印: the slips alone on paper, one per person, with the must-change line
  await page.evaluate(() => {
    (window as unknown as { printed: boolean }).printed = false;
    window.print = () => {
      (window as unknown as { printed: boolean }).printed = true;
    };
  });
  await page.getByTestId("staff-credentials-print").click();
  expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  await page.emulateMedia({ media: "print" });
  const slips = page.getByTestId("staff-credential-slips");
  await expect(slips).toBeVisible();
  await expect(credentials).toBeHidden();
  await expect(slips).toContainText(`${prefix}003`);
  await expect(slips).toContainText(passwords[2]?.trim() ?? "-");
  await expect(slips.getByText("首次登录后须修改密码")).toHaveCount(3);
  await shoot(page, "print");
  await page.emulateMedia({ media: "screen" });

  // leaving the page while the passwords are shown asks first; staying keeps them
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("离开本页后将无法再看到");
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "返回人员管理" }).click();
  await expect(page).toHaveURL(pathPattern("/admin/staff/import"));
  await expect(credentials).toBeVisible();

  // a new person signs in with the temporary password and is made to choose their own
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  const loginForm = new LoginPage(theirPage);
  await loginForm.goto();
  await loginForm.signIn(`${prefix}002`, passwords[1]?.trim() ?? "");
  await expect(theirPage).toHaveURL(pathPattern("/account/password"));
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("请先设置新密码");
  await theirs.close();
});

test("[ADMIN]: a disabled account on the list is flagged before the apply, and the list leaves it disabled", async ({
  page,
}) => {
  // a past student's account, disabled when their campaign ended (one per project, so runs never meet)
  const login = test.info().project.name === "phone" ? "zspoff" : "zsdoff";
  await query(
    `INSERT INTO "User" (id, login, name, roles, "passwordHash", active, "updatedAt")
     SELECT 'e2e-' || $1, $1, '停用测试', ARRAY['CALLER']::"Role"[], "passwordHash", false, now()
     FROM "User" WHERE login = 'admin'
     ON CONFLICT (login) DO UPDATE SET active = false`,
    [login],
  );
  await signIn(page.context(), "admin");
  await page.goto("/admin/staff/import");
  await waitForHydration(page, "[data-testid=staff-import-check]");
  await upload(page, "人员名单（含停用）.xlsx", [[login, "停用测试", "13700000009", "学生", "", "", "", ""]]);
  await expect(page.getByTestId("staff-import-counts")).toContainText("其中已停用 1 个");
  await expect(page.getByTestId("staff-import-disabled")).toContainText("1 个已有账号已停用");
  await expect(page.getByTestId("staff-import-existing")).toContainText("账号已停用");
  await shoot(page, "disabled");
  await page.getByTestId("staff-import-apply").click();
  await expect(page.getByTestId("staff-import-message")).toContainText("1 个已有账号加入本次回访");
  const [account] = await query<{ active: boolean }>(`SELECT active FROM "User" WHERE login = $1`, [login]);
  expect(account?.active).toBe(false);
});
