import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { GroupsPage, WeeklyPage } from "./pages/groups-page";
import { pathPattern } from "./support/demo";
import { signIn } from "./support/sign-in";

// The dashboards on the demo campaign: a group leader reads their group, opens a caller's subsidy
// explanation and submits the weekly summary; the callback lead sees it arrive. The screenshots of every
// dashboard page go to test-results/.../screenshots/dashboard-<page>-<phone|desktop>.png.

async function shoot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  // recharts draws after hydration
  await page.waitForTimeout(400);
  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `dashboard-${name}-${info.project.name}.png`),
    fullPage: true,
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "page width vs viewport width").toBeLessThanOrEqual(innerWidth);
}

const NOTE = `本周重点：甲组长跟进犹豫考生家长（${Date.now().toString(36)}）`;

test.describe
  .serial("dashboards", () => {
    test("[LEADER]: reads the group's table, opens a caller's subsidy explanation, submits the weekly summary", async ({
      page,
    }) => {
      await signIn(page.context(), "leader01");
      const groups = new GroupsPage(page);
      await groups.goto();
      await expect(new AppShell(page).heading).toHaveText("第一组（成都片区）");
      await expect(page.getByTestId("group-figures")).toContainText("报到率");
      // six callers (the leader is one of them), each with a projected subsidy
      await expect(groups.callerRows).toHaveCount(6);
      await expect(groups.callerTable.getByText("组长", { exact: true })).toHaveCount(1);
      await groups.sortBy("rate");
      await groups.explainSubsidy(0);
      await expect(groups.explanation).toContainText("报到率 = 报到");
      await expect(groups.explanation).toContainText("工作量：联系");
      await expect(groups.explanation).toContainText("电话补贴");
      await groups.closeExplanation();
      // filtering narrows the table and says how many are shown
      await page.getByTestId("caller-filter").selectOption("all");
      await expect(page.getByText("显示 6 / 6 人")).toBeVisible();
      await expect(page.getByTestId("chart-funnel")).toBeVisible();

      await groups.weeklyLink.click();
      await expect(page).toHaveURL(/\/groups\/[^/]+\/weekly/);
      const weekly = new WeeklyPage(page);
      await expect(weekly.textarea).toHaveValue(/第一组（成都片区） 每周学生动态/);
      // 未报到 has its own section, between 明确不来 and 无法联系
      await expect(weekly.textarea).toHaveValue(
        /四、明确不来（\d+ 人）[\s\S]*\n五、未报到（\d+ 人）\n[\s\S]*\n六、无法联系/,
      );
      await expect(weekly.textarea).toHaveValue(/八、工作量未达标/);
      await weekly.appendAndSubmit(NOTE);
      await expect(weekly.submitted).toContainText("提交");
      await expect(weekly.textarea).toHaveCount(0);
    });

    test("[CALLBACK_LEAD]: sees the leader's weekly summary arrive and drills into the group", async ({ page }) => {
      await signIn(page.context(), "lead");
      const groups = new GroupsPage(page);
      await groups.goto();
      await expect(new AppShell(page).heading).toHaveText("各组进度");
      await expect(page.getByTestId("campaign-figures")).toContainText("1403");
      await expect(groups.committed).toContainText("元");
      await expect(groups.groupLinks).toHaveCount(8);
      const first = groups.recentReports.locator("li").first();
      await expect(first).toContainText("第一组（成都片区）");
      await first.getByRole("link").click();
      await expect(new WeeklyPage(page).body).toContainText(NOTE);

      await groups.goto();
      await groups.groupLinks.nth(1).click();
      await expect(new AppShell(page).heading).toHaveText("第二组（绵阳片区）");
      await expect(groups.callerRows).toHaveCount(6);
    });

    test("[LEADER]: another group's page is not found", async ({ browser }) => {
      const lead = await browser.newContext();
      await signIn(lead, "lead");
      const leadPage = await lead.newPage();
      await leadPage.goto("/groups");
      const other = await new GroupsPage(leadPage).groupLinks.nth(1).getAttribute("href");
      await lead.close();
      expect(other).toMatch(/^\/groups\/[^/]+$/);

      const leader = await browser.newContext();
      await signIn(leader, "leader01");
      const page = await leader.newPage();
      for (const target of [other, `${other}/weekly`]) {
        const response = await page.goto(String(target));
        expect(response?.status()).toBe(404);
        await expect(page.getByText("页面不存在")).toBeVisible();
      }
      await leader.close();
    });
  });

const SHOTS = [
  { name: "leader-groups", login: "leader01", path: "/groups" },
  { name: "leader-weekly", login: "leader01", path: "weekly" },
  { name: "lead-groups", login: "lead", path: "/groups" },
  { name: "lead-drilldown", login: "lead", path: "drill" },
  { name: "caller-progress", login: "caller01", path: "/calls" },
] as const;

for (const shot of SHOTS) {
  test(`[SCREENSHOT]: dashboard ${shot.name} fits the screen`, { tag: "@phone" }, async ({ page }) => {
    await signIn(page.context(), shot.login);
    if (shot.path === "weekly") {
      await page.goto("/groups");
      await new GroupsPage(page).weeklyLink.click();
      await expect(page).toHaveURL(/\/weekly/);
    } else if (shot.path === "drill") {
      await page.goto("/groups");
      await new GroupsPage(page).groupLinks.nth(2).click();
      await expect(page).toHaveURL(/\/groups\/[^/]+$/);
    } else {
      await page.goto(shot.path);
      await expect(page).toHaveURL(pathPattern(shot.path));
    }
    if (shot.login === "caller01") await expect(page.getByTestId("my-progress")).toBeVisible();
    await expectNoSidewaysScroll(page);
    await shoot(page, shot.name);
  });
}
