import { expect, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { withDb } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 13 (plan 四(二)、(三)): an admin records a training session with its attendance, and each person's
// record shows it; an inspector records a failed assessment and the person leaves the pool, their
// candidates going to the others of their group. caller22, caller23 and caller24 are used by no other spec.

test("[ADMIN]: records a training session with attendance, and the person's record shows it", async ({ page }) => {
  await signIn(page.context(), "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "培训、考核与加班补贴" }).click();
  await expect(page).toHaveURL(/\/staff-pool$/);
  await waitForHydration(page, '[data-testid="training-form"]');
  const form = page.getByTestId("training-form");

  // nothing ticked, no topic: refused in Chinese, nothing recorded
  await form.getByTestId("save-training").click();
  await expect(form.getByTestId("training-error-topic")).toHaveText("请选择培训内容");

  await form.getByTestId("training-topic").selectOption("MASTERS");
  await form.getByTestId("save-training").click();
  await expect(form.getByTestId("training-error-profileIds")).toHaveText("请至少勾选一名出勤人员");

  const note = `专硕直通车政策答疑 ${Date.now().toString(36)}`;
  await form.getByTestId("training-note").fill(note);
  await form.getByTestId("attend-caller22").check();
  await form.getByTestId("attend-caller23").check();
  await form.getByTestId("save-training").click();
  await expect(form.getByTestId("training-message")).toHaveText("已记录，2 人出勤。");
  await expect(page.getByRole("table", { name: "培训记录" }).getByText(note)).toBeVisible();
  await shootBothSizes(page, "training-list", { phoneFullPage: false });

  await page.getByTestId("person-caller22").click();
  await expect(page).toHaveURL(/\/staff-pool\/[^/?#]+$/);
  await expect(page.getByTestId("record-trainings")).toContainText(note);
  await expect(page.getByTestId("record-trainings")).toContainText("专硕");
  await shootBothSizes(page, "training-person", { phoneFullPage: false });
});

test("[INSPECTOR]: records a failed assessment and the person leaves the pool, their candidates going to their group", async ({
  page,
}) => {
  const held = () =>
    withDb(async (db) => {
      const { rows } = await db.query<{ count: string }>(
        `SELECT count(*) FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId" WHERE u.login = 'caller24'`,
      );
      return Number(rows[0]?.count ?? 0);
    });
  const before = await held();
  expect(before).toBeGreaterThan(0);

  await signIn(page.context(), "inspector");
  await page.goto("/inspection/staff");
  await page.getByTestId("staff-pool-link").click();
  await expect(page).toHaveURL(/\/staff-pool$/);
  // an inspector assesses; recording training is the leaders' and admins'
  await expect(page.getByTestId("training-form")).toHaveCount(0);
  await page.getByTestId("person-caller24").click();
  await waitForHydration(page, '[data-testid="assessment-form"]');
  const form = page.getByTestId("assessment-form");
  await expect(page.getByTestId("record-pool")).toHaveText("在库");

  // an exam without a score is refused, and nothing changes
  await form.getByTestId("assessment-kind").selectOption("EXAM");
  await form.getByTestId("assessment-failed").check();
  await expect(form.getByTestId("assessment-fail-warning")).toBeVisible();
  await form.getByTestId("save-assessment").click();
  await expect(form.getByTestId("assessment-error-score")).toHaveText("笔试须填写分数");
  await expect(form.getByTestId("assessment-score")).toBeFocused();

  await form.getByTestId("assessment-score").fill("48");
  await form.getByTestId("assessment-note").fill("政策题错误较多，话术考核不合格");
  await form.getByTestId("save-assessment").click();
  await expect(form.getByTestId("assessment-message")).toHaveText(
    `已记录：此人已退出回访人员库，${before} 名考生已交给本组其他回访人员。`,
  );
  await expect(page.getByTestId("record-pool")).toHaveText("已退出");
  await expect(page.getByTestId("record-removed")).toBeVisible();
  await expect(page.getByTestId("record-assessments")).toContainText("48 分");
  await expect(page.getByTestId("record-assessments")).toContainText("未通过");
  expect(await held()).toBe(0);
  await shootBothSizes(page, "assessment-failed", { phoneFullPage: false });

  await page.goto("/staff-pool");
  await expect(page.getByTestId("pool-caller24")).toHaveText("已退出");
  await page.goto("/inspection/staff");
  await expect(page.getByTestId("training-caller24")).toContainText("未通过");
  await shootBothSizes(page, "qualification-review", { phoneFullPage: false });
});
