import { type Browser, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { CandidatePage } from "./pages/candidate-page";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { E2E_PORT } from "./support/addresses";
import { EmptyDeployment } from "./support/empty-deployment";
import { shootBothSizes } from "./support/screenshots";

// Issue 13, done when: a college's own campaign, from an empty database to a caller's first contact, through
// the browser alone once the first admin exists. The admin creates the campaign, imports the staff list,
// reviews the applicants (as an inspector too), records a training session and an assessment that one
// applicant fails, forms two groups with leaders and their members, files both rosters and imports the 投档
// list; a caller of the new campaign logs a contact, takes leave (their candidate goes to their leader) and
// comes back. Every new person signs in first with the temporary password the import handed out.

const PORT = E2E_PORT + 40;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN_PASSWORD = "mianyang-wenli-2026";
const DAY_MS = 86_400_000;

/** A Beijing day `days` from today, as a date input takes it. */
function beijingDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
}

/** The staff list as the personnel office sends it: title row, header, one person per row. */
const STAFF = [
  ["T26001", "王建国", "13800260001", "教师", "招生就业处", "2023年优秀回访人员", "", "成都"],
  ["T26002", "李秀英", "13800260002", "教师", "护理学院", "2023年优秀回访人员", "", "绵阳"],
  ["S26001", "张晓雨", "13800260003", "学生", "信息工程学院", "自愿报名", "是", "成都"],
  ["S26002", "赵子涵", "13800260004", "学生", "护理学院", "推荐", "否", "绵阳"],
  ["S26003", "钱多多", "13800260005", "学生", "信息工程学院", "自愿报名", "否", "成都"],
];

/** The 投档 list: two candidates for each of the two groups' regions. */
const TOUDANG = `考生号,姓名,联系电话,地区\r\n26510100000001,周一鸣,13900260001,成都市\r\n26510100000002,吴二妹,13900260002,成都市\r\n26510700000003,郑三川,13900260003,绵阳市\r\n26510700000004,孙四海,13900260004,绵阳市\r\n`;

async function staffXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("人员名单");
  sheet.addRow(["2026年招生回访人员名单"]);
  sheet.addRow(["工号/学号", "姓名", "手机", "身份", "学院/部门", "来源", "学生干部", "地区"]);
  for (const row of STAFF) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function signInWithForm(page: Page, login: string, password: string) {
  await page.goto(`${ORIGIN}/login`);
  await waitForHydration(page, "form");
  await new LoginPage(page).signIn(login, password);
}

/** A new person's first sign-in: the temporary password opens only the page that sets their own. */
async function firstSignIn(browser: Browser, login: string, temporary: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN });
  const page = await context.newPage();
  await signInWithForm(page, login, temporary);
  await expect(page).toHaveURL(`${ORIGIN}/account/password`);
  await waitForHydration(page, "form");
  // their own: at least 10 characters, letters and digits, not containing the login
  const chosen = `huifang-mine-${temporary.slice(0, 4)}-2026`;
  await page.getByLabel("临时密码").fill(temporary);
  await page.getByLabel("新密码", { exact: true }).fill(chosen);
  await page.getByLabel("再输入一次新密码").fill(chosen);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}/login`));
  await signInWithForm(page, login, chosen);
  await expect(page).not.toHaveURL(new RegExp(`^${ORIGIN}/(login|account/password)`));
  return page;
}

async function open(page: Page, pathname: string) {
  await page.goto(`${ORIGIN}${pathname}`);
  await page.waitForLoadState("networkidle");
}

test.describe("[ADMIN]: a college's own campaign, from an empty database", () => {
  const deployment = new EmptyDeployment("real-campaign", PORT);

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const created = deployment.createAdmin({ login: "wangls", name: "王老师", password: ADMIN_PASSWORD });
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    await deployment.start();
  });

  test.afterAll(async () => {
    await deployment.remove();
  });

  test("sets up the campaign's people and groups; a caller logs a contact, takes leave and comes back", async ({
    page,
    browser,
  }) => {
    test.setTimeout(480_000);
    // the admin confirms what the pages ask (filing a roster; leaving the shown-once passwords)
    page.on("dialog", (dialog) => void dialog.accept());
    await signInWithForm(page, "wangls", ADMIN_PASSWORD);
    await expect(page).toHaveURL(`${ORIGIN}/admin`);

    await test.step("the campaign, its 投档 phase open today", async () => {
      await open(page, "/admin/campaigns");
      const form = page.getByTestId("new-campaign");
      await waitForHydration(page, '[data-testid="create-campaign"]');
      await form.getByTestId("campaign-name").fill("2026年单招录取回访");
      await form.getByTestId("campaign-plan-size").fill("4");
      const windows = [
        [-60, -31],
        [-30, 30],
        [31, 60],
        [61, 90],
      ] as const;
      for (const [index, [opens, closes]] of windows.entries()) {
        await form.getByTestId(`campaign-phase-${index + 1}-opensAt`).fill(`${beijingDay(opens)}T08:00`);
        await form.getByTestId(`campaign-phase-${index + 1}-closesAt`).fill(`${beijingDay(closes)}T22:00`);
      }
      await form.getByTestId("create-campaign").click();
      await expect(form.getByTestId("campaign-message")).toHaveText("已新建“2026年单招录取回访”，并设为当前计划。");
    });

    const temporary = new Map<string, string>();
    await test.step("the staff list: five accounts, each with a temporary password", async () => {
      await open(page, "/admin/staff");
      await page.getByTestId("open-staff-import").click();
      await waitForHydration(page, "[data-testid=staff-import-check]");
      await page.getByTestId("staff-import-file").setInputFiles({
        name: "2026年回访人员名单.xlsx",
        mimeType: "application/octet-stream",
        buffer: await staffXlsx(),
      });
      await page.getByTestId("staff-import-check").click();
      await expect(page.getByTestId("staff-import-counts")).toContainText("新建账号 5 个");
      await page.getByTestId("staff-import-preview").getByTestId("staff-import-apply").click();
      await expect(page.getByTestId("staff-credentials")).toContainText("新账号的临时密码（5 个）");
      const passwords = await page.getByTestId("staff-credential-password").allTextContents();
      expect(passwords).toHaveLength(STAFF.length);
      for (const [index, [login]] of STAFF.entries())
        temporary.set(String(login).toLowerCase(), passwords[index]?.trim() ?? "");
      await shootBothSizes(page, "real-campaign-credentials");
    });

    await test.step("the admin also inspects: a role added on their own page, then signed in again", async () => {
      await open(page, "/admin/staff");
      await page.getByTestId("person-wangls").click();
      await waitForHydration(page, '[data-testid="edit-account"]');
      await page.getByTestId("edit-role-INSPECTOR").check();
      await page.getByTestId("save-account").click();
      await expect(page.getByTestId("edit-account-message")).toHaveText("已保存。你的角色有变动，请重新登录后继续。");
      // a change of roles ends the sessions, one's own too
      await page.goto(`${ORIGIN}/admin`);
      await expect(page).toHaveURL(new RegExp(`^${ORIGIN}/login`));
      await signInWithForm(page, "wangls", ADMIN_PASSWORD);
      await expect(page).toHaveURL(`${ORIGIN}/admin`);
    });

    await test.step("the qualification review: 2023's excellent teachers are in; the three students are approved", async () => {
      await open(page, "/inspection/staff");
      await waitForHydration(page, "[data-testid=approve-s26001]");
      for (const login of ["s26001", "s26002", "s26003"]) {
        await page.getByTestId(`approve-${login}`).click();
        await expect(page.getByTestId(`approve-${login}`)).toHaveCount(0);
      }
    });

    await test.step("a training session for everyone, and an assessment that one student fails", async () => {
      await open(page, "/staff-pool");
      await waitForHydration(page, '[data-testid="training-form"]');
      const form = page.getByTestId("training-form");
      await form.getByTestId("training-topic").selectOption("POLICY");
      await form.getByTestId("training-note").fill("2026年单招政策解读");
      for (const [login] of STAFF) await form.getByTestId(`attend-${String(login).toLowerCase()}`).check();
      await form.getByTestId("save-training").click();
      await expect(form.getByTestId("training-message")).toHaveText("已记录，5 人出勤。");

      await page.getByTestId("person-s26003").click();
      await waitForHydration(page, '[data-testid="assessment-form"]');
      const assessment = page.getByTestId("assessment-form");
      await assessment.getByTestId("assessment-kind").selectOption("EXAM");
      await assessment.getByTestId("assessment-failed").check();
      await assessment.getByTestId("assessment-score").fill("52");
      await assessment.getByTestId("save-assessment").click();
      await expect(page.getByTestId("record-pool")).toHaveText("已退出");
    });

    await test.step("two groups with their leaders; members picked from the pool; both rosters filed", async () => {
      await open(page, "/admin/groups");
      const form = page.getByTestId("new-group");
      for (const [name, region, leader] of [
        ["第一组（成都片区）", "成都", "t26001"],
        ["第二组（绵阳片区）", "绵阳", "t26002"],
      ] as const) {
        await form.getByTestId("group-name").fill(name);
        await form.getByTestId("group-region").selectOption(region);
        await form.getByTestId("group-leader").fill(leader);
        await form.getByTestId("create-group").click();
        await expect(form.getByTestId("group-form-message")).toHaveText("已新建小组。");
      }
      const groups = page.getByTestId("admin-groups");
      for (const [group, member, name] of [
        ["第一组（成都片区）", "张晓雨", "s26001"],
        ["第二组（绵阳片区）", "赵子涵", "s26002"],
      ] as const) {
        await open(page, "/admin/groups");
        await groups.getByRole("row").filter({ hasText: group }).getByTestId("admin-group-link").click();
        await page.waitForLoadState("networkidle");
        const pool = page.getByTestId("available-pool");
        // the student who failed the assessment is not offered
        await expect(pool).not.toContainText("钱多多");
        await pool.getByRole("row").filter({ hasText: member }).getByTestId("pick-member").click();
        await expect(page.getByTestId("group-members")).toContainText(member);
        await expect(page.getByTestId("group-members")).toContainText(name);
      }
      await open(page, "/admin/groups");
      for (const group of ["第一组（成都片区）", "第二组（绵阳片区）"]) {
        const row = groups.getByRole("row").filter({ hasText: group });
        await row.getByTestId("approve-roster").click();
        await expect(row).toContainText("已备案");
      }
      await shootBothSizes(page, "real-campaign-groups");
    });

    await test.step("the 投档 list: each candidate goes to a caller of their region's group", async () => {
      await open(page, "/admin/imports");
      await page
        .getByTestId("import-file")
        .setInputFiles({ name: "2026年投档名单.csv", mimeType: "text/csv", buffer: Buffer.from(TOUDANG) });
      await page.getByRole("button", { name: "上传并预览" }).click();
      await expect(page.getByTestId("import-preview")).toContainText("读取 4 行，有效 4 行");
      await page.getByTestId("import-apply").click();
      await expect(page.getByTestId("import-message")).toHaveText("已导入：新增 4，修改 0，未能分配回访人员 0。");
    });

    const caller = await firstSignIn(browser, "s26001", temporary.get("s26001") ?? "");
    await test.step("the caller logs a contact with their candidate", async () => {
      await expect(caller).toHaveURL(`${ORIGIN}/calls`);
      const candidates = caller.getByTestId("candidate-list").getByRole("link");
      await expect(candidates).toHaveCount(1);
      await candidates.first().click();
      const workspace = new CandidatePage(caller);
      await waitForHydration(caller, '[data-testid="log-submit"]');
      await workspace.fillContact({ channel: "微信", outcome: "答疑咨询", minutes: "4", seconds: "0" });
      await workspace.submit.click();
      await expect(workspace.message).toHaveText("已记录，台账已更新。");
      await shootBothSizes(caller, "real-campaign-first-contact");
    });

    const leader = await firstSignIn(browser, "t26001", temporary.get("t26001") ?? "");
    await test.step("the caller takes leave; the leader approves, the candidate moves, and the leave ends", async () => {
      await open(caller, "/calls/leave");
      const request = caller.getByTestId("leave-request");
      await request.getByTestId("leave-starts").fill(beijingDay(0));
      await request.getByTestId("leave-ends").fill(beijingDay(2));
      await request.getByTestId("leave-reason").fill("参加学院技能竞赛");
      await request.getByTestId("send-leave").click();
      await expect(request.getByTestId("leave-form-message")).toHaveText("已提交，等待组长审批。");

      await open(leader, "/groups");
      const leave = leader.getByTestId("group-leaves").getByRole("listitem").filter({ hasText: "张晓雨" });
      await leave.getByTestId("approve-leave").click();
      await expect(leave).toContainText("请假中");
      // the leader, the group's other caller, now holds both of 成都's candidates
      await open(leader, "/calls");
      await expect(leader.getByTestId("candidate-list").getByRole("link")).toHaveCount(2);
      await shootBothSizes(leader, "real-campaign-leader-calls");

      await open(leader, "/groups");
      leader.once("dialog", (dialog) => dialog.accept());
      const ending = leader.getByTestId("group-leaves").getByRole("listitem").filter({ hasText: "张晓雨" });
      await ending.getByTestId("end-leave").click();
      await expect(ending).toHaveCount(0);
      await open(caller, "/calls/leave");
      await expect(caller.getByTestId("on-leave-now")).toHaveCount(0);
      // back: the leader can give her candidates again (the moved one stays with the leader)
      await leader.getByRole("link", { name: "调整分配" }).first().click();
      await expect(leader).toHaveURL(/\/groups\/[^/]+\/assignments$/);
      // (an assertion that waits: the page may still be streaming its lists in)
      const moveTo = leader.getByLabel(/^把考生 \d+ 调给$/).first();
      await expect(moveTo.locator("option", { hasText: "张晓雨" })).toHaveCount(1);
    });
    await caller.context().close();
    await leader.context().close();
  });
});
