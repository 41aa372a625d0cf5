import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { shoot } from "./pages/inspection-page";
import { waitForHydration } from "./pages/login-page";
import { withDb } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Past campaigns, read-only, and the end of a campaign. The demo has one campaign: this spec adds last
// year's as a copy of it (a fixture, as an older deployment would hold it) and deletes it at the end;
// the students it adds to disable are new accounts, disabled when the spec ends either way.

const PAST_ID = "e2e-past-campaign";
const PAST_NAME = "成都文理学院2023年高职单招";

async function addPastCampaign() {
  await withDb(async (client) => {
    await client.query(`DELETE FROM "Campaign" WHERE id = $1`, [PAST_ID]);
    await client.query(
      `INSERT INTO "Campaign"
       SELECT (jsonb_populate_record(NULL::"Campaign", to_jsonb(c) || jsonb_build_object(
         'id', $1::text, 'name', $2::text, 'year', c.year - 1, 'isCurrent', false))).*
       FROM "Campaign" c ORDER BY c."createdAt" LIMIT 1`,
      [PAST_ID, PAST_NAME],
    );
  });
}

const removePastCampaign = () =>
  withDb(async (client) => {
    await client.query(`DELETE FROM "Campaign" WHERE id = $1`, [PAST_ID]);
  });

test("[ADMIN]: switches to last year's campaign, sees the banner and no working form, and switches back", {
  tag: "@phone",
}, async ({ page }) => {
  await addPastCampaign();
  try {
    await signIn(page.context(), "admin");
    await page.goto("/admin");
    const shell = new AppShell(page);
    const switcher = page.getByTestId("campaign-switcher");
    await waitForHydration(page, '[data-testid="campaign-switcher"]');
    await switcher.selectOption({ label: PAST_NAME });
    const banner = page.getByTestId("past-campaign-banner");
    await expect(banner).toContainText("正在查看往年计划（只读）");
    await expect(banner).toContainText(PAST_NAME);
    await expect(shell.heading).toHaveText(PAST_NAME);
    await shoot(page, "past-campaign-admin");

    // every page reads it, and its forms are switched off: the campaigns page's new campaign form
    await page.goto("/admin/campaigns");
    await expect(banner).toBeVisible();
    await expect(page.getByTestId("read-only")).toBeVisible();
    for (const button of await page.getByRole("main").getByRole("button").all()) await expect(button).toBeDisabled();
    await page.goto("/groups");
    await expect(banner).toContainText(PAST_NAME);
    await shoot(page, "past-campaign-groups");

    await waitForHydration(page, '[data-testid="campaign-back"]');
    await page.getByTestId("campaign-back").click();
    await expect(banner).toHaveCount(0);
    await expect(page.getByTestId("read-only")).toHaveCount(0);
    await expect(switcher).not.toHaveValue(PAST_ID);
  } finally {
    await removePastCampaign();
  }
});

test("[ADMIN]: disables last year's student accounts after seeing their count", async ({ page }) => {
  const logins = ["e2e-student-2023a", "e2e-student-2023b"];
  await withDb(async (client) => {
    // two students of an earlier year: accounts with no place in this year's staff
    for (const login of logins) {
      await client.query(`DELETE FROM "User" WHERE login = $1`, [login]);
      await client.query(
        `INSERT INTO "User"
         SELECT (jsonb_populate_record(NULL::"User", to_jsonb(u) || jsonb_build_object(
           'id', $1::text, 'login', $1::text, 'name', '往届学生', 'identity', 'STUDENT', 'roles', '{CALLER}'::text[],
           'active', true, 'sessionVersion', 0))).*
         FROM "User" u WHERE u.login = 'caller01'`,
        [login],
      );
    }
  });
  const active = () =>
    withDb(async (client) => {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "User" WHERE login = ANY($1) AND active`,
        [logins],
      );
      return rows[0]?.n;
    });
  try {
    await signIn(page.context(), "admin");
    await page.goto("/admin/campaigns");
    const card = page.getByTestId("past-students");
    const count = card.getByTestId("past-students-count");
    await expect(count).toContainText("个学生账号不在本届人员中");
    const shown = Number((await count.textContent())?.match(/\d+/)?.[0]);
    expect(shown).toBeGreaterThanOrEqual(2);
    await waitForHydration(page, '[data-testid="past-students-submit"]');
    page.once("dialog", (dialog) => dialog.dismiss());
    await card.getByTestId("past-students-submit").click();
    expect(await active()).toBe(2);

    page.once("dialog", (dialog) => dialog.accept());
    await card.getByTestId("past-students-submit").click();
    await expect(card.getByTestId("past-students-message")).toContainText(`已停用 ${shown} 个账号`);
    await expect(count).toContainText("没有需要停用的往届学生账号");
    expect(await active()).toBe(0);
    await shoot(page, "past-students");
  } finally {
    await withDb(async (client) => {
      await client.query(`UPDATE "User" SET active = false WHERE login = ANY($1)`, [logins]);
    });
  }
});
