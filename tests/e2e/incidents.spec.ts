import { type Browser, expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { query } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// The inspection team's register and patrols, on a phone: inspector02 (the demo's inspector no other spec
// signs in as) opens a 较大 parent's complaint naming a candidate, which the admin's and the callback lead's
// homes list until it is closed; and records an on-site patrol with a finding raised from it. The admin only reads.
// Both projects run these tests on one database: every title and place carries the run's own tag. The
// finding names caller33, whom no other spec uses (a 诋毁他人 finding at the default 0% costs them nothing).

const PHONE = { tag: "@phone" };

async function as(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await signIn(context, login);
  return context.newPage();
}

const tag = () => `${test.info().project.name}-${Date.now().toString(36)}`;

test(
  "[INSPECTOR]: opens a 较大 parent's complaint, the admin's home lists it; actions, handling and closing take it off",
  PHONE,
  async ({ page, browser }) => {
    const [candidate] = await query<{ examNo: string; name: string }>(
      `SELECT "examNo", name FROM "Candidate" WHERE admitted ORDER BY "examNo" LIMIT 1`,
    );
    if (!candidate) throw new Error("no admitted candidate in the demo");
    const title = `家长投诉回访时间过晚 ${tag()}`;

    await signIn(page.context(), "inspector02");
    await page.goto("/inspection/incidents");
    await waitForHydration(page, '[data-testid="save-incident"]');
    const form = page.getByTestId("incident-form");
    await form.getByTestId("incident-kind").selectOption({ label: "家长投诉" });
    await form.getByTestId("incident-severity").selectOption({ label: "较大" });
    await form.getByTestId("incident-reported-by").fill("考生家长");
    await form.getByTestId("incident-title").fill(title);
    await form.getByTestId("incident-description").fill("家长来电反映晚上十点后仍接到回访电话，情绪激动");
    await form.getByTestId("incident-exam-nos").fill(candidate.examNo);
    await form.getByTestId("save-incident").click();
    await expect(page.getByTestId("incident-message")).toHaveText("已登记。");
    await shootBothSizes(page, "incidents-register");

    await page.getByTestId("incidents").getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("incident-badges")).toContainText("较大");
    await expect(page.getByTestId("incident-badges")).toContainText("待处置");
    await expect(page.getByText(`${candidate.name}（${candidate.examNo}）`)).toBeVisible();

    // the admin's home lists it while it is open
    const admin = await as(browser, "admin");
    await admin.goto("/admin");
    await expect(admin.getByTestId("leadership-incidents")).toContainText(`${title}（待处置）`);
    await shootBothSizes(admin, "incidents-admin-home", { phoneFullPage: false });
    // and so does the callback lead's, who answers to the leadership for the campaign
    const lead = await as(browser, "lead");
    await lead.goto("/groups");
    await expect(lead.getByTestId("leadership-incidents")).toContainText(`${title}（待处置）`);
    await lead.getByTestId("leadership-incidents").getByRole("link", { name: title }).click();
    await expect(lead.getByRole("heading", { level: 1 })).toHaveText(title);
    await lead.context().close();

    // an action taken, then handling, then closed with its summary
    await waitForHydration(page, '[data-testid="add-incident-action"]');
    await page.getByTestId("incident-note").fill("已致电家长致歉，并提醒该组回访人员晚上九点后不再拨打");
    await page.getByTestId("add-incident-action").click();
    await expect(page.getByTestId("incident-action-message")).toHaveText("已记录。");
    await expect(page.getByTestId("incident-timeline")).toContainText("已致电家长致歉");

    await waitForHydration(page, '[data-testid="change-incident-status"]');
    await page.getByTestId("incident-status").selectOption({ label: "处置中" });
    await page.getByTestId("incident-status-note").fill("由督查组跟进");
    await page.getByTestId("change-incident-status").click();
    await expect(page.getByTestId("incident-badges")).toContainText("处置中");
    await admin.reload();
    await expect(admin.getByTestId("leadership-incidents")).toContainText(`${title}（处置中）`);
    await shootBothSizes(page, "incident-handling");

    await waitForHydration(page, '[data-testid="change-incident-status"]');
    await page.getByTestId("incident-status").selectOption({ label: "已结案" });
    // closing without the summary is refused
    await page.getByTestId("change-incident-status").click();
    await expect(page.getByTestId("incident-status-message")).not.toBeEmpty();
    await expect(page.getByTestId("incident-badges")).toContainText("处置中");
    await page.getByTestId("incident-status-note").fill("家长表示理解，已书面提醒全组，结案");
    await page.getByTestId("change-incident-status").click();
    await expect(page.getByTestId("incident-badges")).toContainText("已结案");
    await expect(page.getByTestId("incident-closing")).toHaveText("家长表示理解，已书面提醒全组，结案");
    await shootBothSizes(page, "incident-closed");

    await admin.reload();
    await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(admin.getByText(title)).toHaveCount(0);
    await admin.context().close();
  },
);

test(
  "[INSPECTOR]: records an on-site patrol and raises a finding from it, listed with its patrol",
  PHONE,
  async ({ page }) => {
    const place = `行政楼三楼回访室 ${tag()}`;
    await signIn(page.context(), "inspector02");
    await page.goto("/inspection/patrols");
    await expect(page.getByRole("link", { name: "现场巡查" })).toBeVisible();
    await waitForHydration(page, '[data-testid="save-patrol"]');
    const form = page.getByTestId("patrol-form");
    // nothing typed: refused, field by field, in Chinese
    await form.getByTestId("save-patrol").click();
    await expect(form).toContainText("请填写巡查地点。");
    await form.getByTestId("patrol-place").fill(place);
    await form.getByTestId("patrol-present").fill("第一组回访人员五名、组长一名");
    await form.getByTestId("patrol-observations").fill("一名回访人员在通话中贬低其他院校");
    await form.getByTestId("save-patrol").click();
    await expect(page.getByTestId("patrol-message")).toHaveText("巡查已记录。");

    const patrol = page.getByTestId("patrol").filter({ hasText: place });
    await expect(patrol).toContainText("本次巡查没有记录问题。");
    await patrol.getByTestId("patrol-raise").locator("summary").click();
    const finding = patrol.getByTestId("finding-form");
    await waitForHydration(page, `[id="${await patrol.getAttribute("id")}"] [data-testid="save-finding"]`);
    const [caller33] = await query<{ id: string; name: string }>(
      `SELECT id, name FROM "User" WHERE login = 'caller33'`,
    );
    if (!caller33) throw new Error("no caller33 in the demo");
    await finding.getByTestId("finding-caller").selectOption(caller33.id);
    await finding.getByTestId("finding-kind").selectOption({ label: "诋毁他人" });
    await expect(finding).toContainText("方案目前不扣补贴");
    await finding.getByTestId("finding-description").fill("巡查时听到其在电话中贬低其他院校");
    await finding.getByTestId("save-finding").click();
    await expect(finding.getByTestId("finding-message")).toHaveText("问题已记录，补贴预测已更新。");
    await expect(patrol.getByTestId("patrol-finding")).toHaveText(`${caller33.name} · 诋毁他人`);
    await shootBothSizes(page, "patrols");

    await patrol.getByTestId("patrol-finding").click();
    await expect(page).toHaveURL(/\/inspection\/findings#finding-/);
    const listed = page.getByTestId("finding").filter({ hasText: place });
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText("诋毁他人");
    await expect(listed).toContainText("不扣补贴");
    await expect(listed.getByTestId("finding-patrol")).toContainText(place);
    await shootBothSizes(page, "patrol-finding", { phoneFullPage: false });
  },
);
