import { type Browser, expect, type Page, test } from "@playwright/test";
import { phaseCalendar } from "@/lib/workflow/calendar";
import { waitForHydration } from "./pages/login-page";
import { query } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Phase 1 (志愿填报指导) from a phone: a caller logs an inbound WeChat consultation, the data team's 投档 list
// later names that prospect and links them, and the candidate's page shows who answered; the phase calendar
// on a caller's home; a 生源报备 and its points on the registrar's progress. The accounts are this spec's
// own (caller16, caller17, caller21); the 投档 row is an exam number far from the demo's and the other
// specs' lists, and its batch is undone at the end, so every caller's candidates are as the demo made them.

const PHONE_ONLY = "phase 1 is worked from a phone: the journey runs once, at phone size";

const PROSPECT = {
  name: "林晓雨",
  phone: "138 0000 9301",
  examNo: "24519900000301",
  region: "成都",
  question: "护理专业单招考哪些科目？",
  answer: "文化素质加职业技能测试，护理专业另有面试。",
};

// the 投档 list as Excel on a Chinese Windows machine would save it as CSV (UTF-8 with a BOM)
const LIST = `\uFEFF考生号,姓名,联系电话,地区\r\n${PROSPECT.examNo},${PROSPECT.name},13800009301,成都市\r\n`;

async function pageAs(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, login);
  return context.newPage();
}

async function nameOf(login: string): Promise<string> {
  const [user] = await query<{ name: string }>(`SELECT name FROM "User" WHERE login = $1`, [login]);
  if (!user) throw new Error(`no demo account ${login}`);
  return user.name;
}

/** Logs one consultation through the form on /consultations, reached from the main navigation. */
async function logConsultation(page: Page, fields: typeof PROSPECT, channel: string) {
  await page.goto("/calls");
  await page.getByRole("navigation", { name: "main" }).getByRole("link", { name: "咨询与报备" }).click();
  await expect(page).toHaveURL(/\/consultations$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("咨询与生源报备");
  await waitForHydration(page, '[data-testid="consultation-form"]');
  await page.getByTestId("consultation-phone").fill(fields.phone);
  await page.getByTestId("consultation-name").fill(fields.name);
  await page.getByTestId("consultation-examNo").fill(fields.examNo);
  await page.getByTestId("consultation-region").fill(fields.region);
  await page.getByTestId("consultation-channel").selectOption({ label: channel });
  await page.getByTestId("consultation-question").fill(fields.question);
  await page.getByTestId("consultation-answer").fill(fields.answer);
  await page.getByTestId("save-consultation").click();
  await expect(page.getByTestId("consultation-form-message")).toHaveText("已保存。新的意向考生已建立。");
}

test("[CALLER]: logs a WeChat consultation; the 投档 list links the prospect and the candidate's page shows who answered @phone", async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", PHONE_ONLY);
  test.setTimeout(90_000);
  const consultantName = await nameOf("caller16");

  const caller = await pageAs(browser, "caller16");
  await test.step("the caller logs the consultation and sees it in their list", async () => {
    await logConsultation(caller, PROSPECT, "微信");
    const row = caller.getByTestId("my-consultations").getByTestId("consultation-row").first();
    await expect(row).toContainText(PROSPECT.name);
    await expect(row).toContainText("微信");
    await expect(row).toContainText(PROSPECT.examNo);
    await expect(row).toContainText(PROSPECT.question);
    await expect(row).toContainText(PROSPECT.answer);
    await shootBothSizes(caller, "phase-one-consultations");
  });

  const data = await pageAs(browser, "data");
  await test.step("the data team's 投档 list names the prospect: the preview shows them matched", async () => {
    await data.goto("/admin/imports");
    await waitForHydration(data, '[data-testid="import-file"]');
    await data
      .getByTestId("import-file")
      .setInputFiles({ name: "第一阶段对应测试.csv", mimeType: "text/csv", buffer: Buffer.from(LIST) });
    await data.getByRole("button", { name: "上传并预览" }).click();
    await expect(data.getByTestId("import-preview")).toContainText("读取 1 行，有效 1 行，错误 0 处");
    await expect(data.getByTestId("import-prospects-matched")).toHaveText("已对应 1 人");
    await expect(data.getByTestId("import-prospects-ambiguous")).toHaveText("无法确定 0 人");
    await data.getByTestId("import-prospects").getByText("已对应的意向考生").click();
    await expect(data.getByTestId("import-prospects")).toContainText(`${PROSPECT.name} · 第 2 行`);
    await shootBothSizes(data, "phase-one-import-preview");
    await data.getByTestId("import-apply").click();
    await expect(data.getByTestId("import-message")).toHaveText("已导入：新增 1，修改 0，未能分配回访人员 0。");
  });

  await test.step("the candidate's page shows the consultation and who answered it", async () => {
    const [candidate] = await query<{ id: string; login: string }>(
      `SELECT c.id, u.login FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
       JOIN "Prospect" p ON p."candidateId" = c.id
       WHERE c."examNo" = $1`,
      [PROSPECT.examNo],
    );
    if (!candidate) throw new Error("the imported candidate is not linked to the prospect");
    // the candidate went to a caller of the 成都 group by region; their page is the candidate's page
    const assigned = await pageAs(browser, candidate.login);
    await assigned.goto(`/calls/${candidate.id}`);
    const consultation = assigned.getByTestId("candidate-phase-one").getByTestId("candidate-consultation");
    await expect(consultation).toHaveCount(1);
    await expect(consultation).toContainText(consultantName);
    await expect(consultation).toContainText("微信");
    await expect(consultation).toContainText(PROSPECT.question);
    await expect(consultation).toContainText(PROSPECT.answer);
    await consultation.scrollIntoViewIfNeeded();
    await shootBothSizes(assigned, "phase-one-candidate");
    await assigned.context().close();

    // the consultant's own list now says the prospect is on the 投档 list
    await caller.reload();
    await expect(caller.getByTestId("consultation-row").first()).toContainText("已与投档名单中的考生对应");
  });

  await test.step("the list is undone, so the demo's candidates stay as they were", async () => {
    await data.goto("/admin/imports");
    await waitForHydration(data, '[data-testid="import-file"]');
    const history = data.getByRole("table");
    await expect(history.getByRole("row").nth(1)).toContainText("第一阶段对应测试.csv");
    data.once("dialog", (dialog) => dialog.accept());
    await data.getByRole("button", { name: "撤销本批" }).click();
    await expect(history.getByRole("row").nth(1)).toContainText("已撤销");
  });
  await caller.context().close();
  await data.context().close();
});

test("[CALLER]: the phase calendar on the home page shows today's phase and the days left in it @phone", async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "phone", PHONE_ONLY);
  // the demo opens its phases around the day it was seeded: what the page should say is what the
  // calendar computes from the campaign's stored windows, today
  const windows = await query<{ phase: number; opensAt: Date; closesAt: Date }>(
    `SELECT w.phase, w."opensAt", w."closesAt" FROM "PhaseWindow" w
     JOIN "Campaign" c ON c.id = w."campaignId" WHERE c."isCurrent"`,
  );
  const expected = phaseCalendar(windows, new Date());
  if (expected.today === null || expected.daysLeft === null) throw new Error("the demo has no phase open today");
  const names = { 1: "志愿填报指导", 2: "投档", 3: "录取后", 4: "报到" } as const;

  const page = await pageAs(browser, "caller17");
  await page.goto("/calls");
  const today = page.getByTestId("phase-calendar-today");
  await expect(today).toContainText(`今天：第${expected.today}阶段 · ${names[expected.today]}`);
  await expect(today).toContainText(`还剩 ${expected.daysLeft} 天`);
  await expect(page.getByTestId(`phase-window-${expected.today}`)).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId(`phase-window-${expected.today}`)).toContainText("进行中");
  await page.getByTestId("phase-calendar").scrollIntoViewIfNeeded();
  await shootBothSizes(page, "phase-one-calendar", { phoneFullPage: false });
  await page.context().close();
});

test("[CALLER]: records a 生源报备 and sees its points on their progress @phone", async ({ browser }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", PHONE_ONLY);
  const page = await pageAs(browser, "caller21");
  await page.goto("/calls");
  await expect(page.getByTestId("phase-one-points")).toHaveText("0");

  await logConsultation(
    page,
    {
      name: "周子涵",
      phone: "139 0000 9302",
      examNo: "",
      region: "绵阳",
      question: "被单招录取后还能参加普通高考吗？",
      answer: "单招录取后不能再参加普通高考，请慎重填报。",
    },
    "办公电话",
  );
  const row = page.getByTestId("consultation-row").first();
  await row.getByTestId("registration").getByText("生源报备").click();
  await waitForHydration(page, '[data-testid="registration-number"]');
  await row.getByTestId("registration-number").fill("BB-2024-PHASE1-0001");
  await row.getByTestId("save-registration").click();
  await expect(row.getByTestId("registration-done")).toContainText("BB-2024-PHASE1-0001");
  await expect(page.getByTestId("phase-one-points")).toHaveText("1");
  await shootBothSizes(page, "phase-one-registration");

  // the registrar's progress on their home page: one registration, one point, no money by default
  await page.goto("/calls");
  const record = page.getByTestId("phase-one-record");
  await expect(page.getByTestId("phase-one-points")).toHaveText("1");
  await expect(record).toContainText("每次报备 1 积分");
  await expect(page.getByTestId("phase-one-money")).toHaveText(
    "积分已记录，按学校全员招生方案另行奖励，不计入本补贴。",
  );
  await record.scrollIntoViewIfNeeded();
  await shootBothSizes(page, "phase-one-progress");
  await page.context().close();
});
