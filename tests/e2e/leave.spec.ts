import { expect, type Page, test } from "@playwright/test";
import { withDb } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Leave with dates in the demo campaign: a caller of leader02's group (no other spec works as them) asks
// for leave from today, leader02 approves, the caller's candidates go to the others of the group; the
// leader ends the leave and the caller is offered again as someone to give candidates to.

const SHOTS = "test-results/screenshots";

async function open(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

async function callerOfLeader02() {
  return withDb(async (client) => {
    const { rows } = await client.query<{ id: string; login: string; name: string; groupId: string }>(
      `SELECT u.id, u.login, u.name, s."groupId" FROM "StaffProfile" s JOIN "User" u ON u.id = s."userId"
       JOIN "Group" g ON g.id = s."groupId" JOIN "User" l ON l.id = g."leaderId"
       WHERE l.login = 'leader02' AND u.id <> l.id
         AND EXISTS (SELECT 1 FROM "Candidate" c WHERE c."assignedCallerId" = u.id)
         AND NOT EXISTS (SELECT 1 FROM "Leave" v WHERE v."staffProfileId" = s.id)
       ORDER BY u.login LIMIT 1`,
    );
    if (!rows[0]) throw new Error("leader02's group has no caller to send on leave");
    return rows[0];
  });
}

const held = (callerId: string) =>
  withDb(async (client) => {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) AS count FROM "Candidate" WHERE "assignedCallerId" = $1`,
      [callerId],
    );
    return Number(rows[0]?.count);
  });

test("[CALLER]: asks for leave, leader02 approves and the candidates move; the leave ended, the caller can be given candidates again @phone", async ({
  page,
  browser,
}, testInfo) => {
  const caller = await callerOfLeader02();
  const before = await held(caller.id);
  expect(before).toBeGreaterThan(0);
  await signIn(page.context(), caller.login);
  await open(page, "/calls");
  await page.getByRole("link", { name: "请假", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("我的请假");
  await page.waitForLoadState("networkidle");
  if (testInfo.project.name === "phone") {
    await page.screenshot({ path: `${SHOTS}/my-leave-phone.png`, fullPage: true });
    return;
  }

  const today = await page.getByTestId("leave-starts").getAttribute("min");
  if (!today) throw new Error("the form names no first day");
  const form = page.getByTestId("leave-request");
  // a last day before the first is refused, in Chinese, and nothing is asked
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const dayAfter = (n: number) => new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
  await form.getByTestId("leave-starts").fill(dayAfter(2));
  await form.getByTestId("leave-ends").fill(today);
  await form.getByTestId("leave-reason").fill("家中有事");
  await form.getByTestId("send-leave").click();
  await expect(form.getByTestId("leave-form-message")).toHaveText("结束日期不能早于开始日期。");

  await form.getByTestId("leave-starts").fill(today);
  await form.getByTestId("leave-ends").fill(dayAfter(2));
  await form.getByTestId("send-leave").click();
  await expect(form.getByTestId("leave-form-message")).toHaveText("已提交，等待组长审批。");
  await expect(page.getByTestId("my-leaves")).toContainText("待审批");

  // leader02 sees the request on the group page and approves it
  const leader = await browser.newContext();
  await signIn(leader, "leader02");
  const leaderPage = await leader.newPage();
  await open(leaderPage, "/groups");
  const request = leaderPage.getByTestId("group-leaves").getByRole("listitem").filter({ hasText: caller.name });
  await expect(request).toContainText("家中有事");
  await request.scrollIntoViewIfNeeded();
  await leaderPage.screenshot({ path: `${SHOTS}/leave-request-desktop.png` });
  await request.getByTestId("approve-leave").click();
  await expect(request).toContainText("请假中");
  await expect(
    leaderPage.getByTestId("group-members").getByRole("row").filter({ hasText: caller.name }).getByTestId("on-leave"),
  ).toContainText("请假");
  expect(await held(caller.id)).toBe(0);

  // the caller sees it too
  await open(page, "/calls/leave");
  await expect(page.getByTestId("on-leave-now")).toBeVisible();
  await expect(page.getByTestId("my-leaves")).toContainText("请假中");

  // the leader ends it: the caller is among those candidates can be moved to again; the moved ones stay
  leaderPage.once("dialog", (dialog) => dialog.accept());
  await request.getByTestId("end-leave").click();
  await expect(request).toHaveCount(0);
  await open(leaderPage, `/groups/${caller.groupId}/assignments`);
  const targets = await leaderPage
    .getByLabel(/^把考生 \d+ 调给$/)
    .first()
    .locator("option")
    .allTextContents();
  expect(targets.some((o) => o.startsWith(`${caller.name}（`))).toBe(true);
  expect(await held(caller.id)).toBe(0);
  await leader.close();
});
