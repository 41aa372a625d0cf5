import { expect, type Page, test } from "@playwright/test";
import { withDb } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Groups and their rosters, as the admin and a leader work on them in the demo campaign. The spec adds
// two people the demo does not have, the way the staff page would: an account to lead a new group, and
// an approved pool member in no group for leader01 to pick. The tests run in order (one worker).

const SHOTS = "test-results/screenshots";

async function addPerson(login: string, name: string, inPool: boolean) {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "User" (id, name, login, "passwordHash", roles, "updatedAt")
       SELECT $1, $2, $1, "passwordHash", ARRAY['CALLER']::"Role"[], now() FROM "User" WHERE login = 'caller01'
       ON CONFLICT (login) DO NOTHING`,
      [login, name],
    );
    if (inPool)
      await client.query(
        `INSERT INTO "StaffProfile" (id, "campaignId", "userId", "poolStatus", source, qualification, "studentCadre", region, "updatedAt")
         SELECT $1 || '-profile', c.id, $1, 'APPROVED', 'STUDENT', 'APPROVED', true, '眉山', now()
         FROM "Campaign" c ORDER BY c."isCurrent" DESC, c.year DESC, c."createdAt" DESC LIMIT 1
         ON CONFLICT (id) DO NOTHING`,
        [login],
      );
  });
}

async function groupOf(leaderLogin: string) {
  return withDb(async (client) => {
    const { rows } = await client.query<{ id: string; name: string }>(
      `SELECT g.id, g.name FROM "Group" g JOIN "User" u ON u.id = g."leaderId" WHERE u.login = $1`,
      [leaderLogin],
    );
    if (!rows[0]) throw new Error(`${leaderLogin} leads no group`);
    return rows[0];
  });
}

async function open(page: Page, path: string) {
  await page.goto(path);
  // React must own the forms before they are used
  await page.waitForLoadState("networkidle");
}

test("[ADMIN]: creates a group for a free region with its leader; a taken name is refused @phone", async ({
  page,
}, testInfo) => {
  await addPerson("rosterlead", "罗组长", false);
  await signIn(page.context(), "admin");
  await open(page, "/admin");
  await page.getByRole("link", { name: "小组与名单" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("小组与名单");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("admin-groups")).toContainText("第一组（成都片区）");
  await page.screenshot({ path: `${SHOTS}/admin-groups-${testInfo.project.name}.png`, fullPage: true });
  if (testInfo.project.name === "phone") {
    // the leader's members and the pool as cards on a phone
    await signIn(page.context(), "leader01");
    await open(page, "/groups");
    await page.getByTestId("group-members").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/group-members-phone.png` });
    return;
  }

  const form = page.getByTestId("new-group");
  // the demo's regions are taken: the list offers only free ones
  await expect(form.getByTestId("group-region").locator("option", { hasText: "成都" })).toHaveCount(0);
  await form.getByTestId("group-name").fill("第一组（成都片区）");
  await form.getByTestId("group-region").selectOption("攀枝花");
  await form.getByTestId("group-leader").fill("rosterlead");
  await form.getByTestId("create-group").click();
  await expect(form.getByTestId("group-form-message")).toHaveText("本次回访已有同名小组。");

  await form.getByTestId("group-name").fill("第九组（攀枝花片区）");
  await form.getByTestId("create-group").click();
  await expect(form.getByTestId("group-form-message")).toHaveText("已新建小组。");
  const row = page.getByTestId("admin-groups").getByRole("row").filter({ hasText: "第九组（攀枝花片区）" });
  await expect(row).toContainText("罗组长");
  await expect(row).toContainText("未备案");
  // the leader leads and calls, and is the group's first member
  const leader = await withDb(async (client) => {
    const { rows } = await client.query<{ roles: string; members: string }>(
      `SELECT u.roles::text AS roles, (SELECT count(*) FROM "StaffProfile" s JOIN "Group" g ON g.id = s."groupId"
         WHERE g.name = '第九组（攀枝花片区）' AND s."userId" = u.id) AS members FROM "User" u WHERE u.login = 'rosterlead'`,
    );
    return rows[0];
  });
  expect(leader?.roles).toContain("GROUP_LEADER");
  expect(Number(leader?.members)).toBe(1);
});

test("[LEADER]: picks a member from the approved pool, who shows with source, region and cadre flag", async ({
  page,
}, testInfo) => {
  await addPerson("rosterpick", "庞同学", true);
  await signIn(page.context(), "leader01");
  await open(page, "/groups");
  const pool = page.getByTestId("available-pool");
  const person = pool.getByRole("row").filter({ hasText: "庞同学" });
  await expect(person).toContainText("学生报名");
  await expect(person).toContainText("眉山");
  await person.getByTestId("pick-member").click();
  const member = page.getByTestId("group-members").getByRole("row").filter({ hasText: "庞同学" });
  await expect(member).toBeVisible();
  await expect(member).toContainText("可分配");
  await expect(page.getByTestId("roster-filing")).toContainText("尚未审批备案");
  await member.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/group-members-${testInfo.project.name}.png` });
});

test("[ADMIN]: approves and files leader01's roster; the leader's release afterwards is recorded", async ({
  page,
  browser,
}) => {
  const group = await groupOf("leader01");
  await signIn(page.context(), "admin");
  await open(page, "/admin/groups");
  const row = page.getByTestId("admin-groups").getByRole("row").filter({ hasText: group.name });
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByTestId("approve-roster").click();
  await expect(row).toContainText("已备案");

  const leader = await browser.newContext();
  await signIn(leader, "leader01");
  const leaderPage = await leader.newPage();
  await open(leaderPage, "/groups");
  await expect(leaderPage.getByTestId("roster-filing")).toContainText("审批备案，此后的加入和移出都会记录");
  const member = leaderPage.getByTestId("group-members").getByRole("row").filter({ hasText: "庞同学" });
  leaderPage.once("dialog", (dialog) => dialog.accept());
  await member.getByTestId("release-member").click();
  await expect(leaderPage.getByTestId("roster-changes")).toContainText("庞同学");
  await expect(leaderPage.getByTestId("roster-changes")).toContainText("移出");
  await leaderPage.getByTestId("roster-changes").scrollIntoViewIfNeeded();
  await leaderPage.screenshot({ path: `${SHOTS}/roster-changes-desktop.png` });
  await leader.close();
});
