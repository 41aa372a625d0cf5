import { type Browser, expect, type Page, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { query } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 15, "callers are told what changes their work or pay": an inspector records a finding against a
// caller and the data team sends one of the caller's 退档 back, each through their own page; the caller
// finds both in the inbox with the percent and the reasons as entered, and the unread count in the header
// drops as they read them.

/** A 退档 waiting for the data team, the candidate's name and the caller who filed it. */
async function submittedWithdrawal() {
  const [row] = await query<{ candidate: string; login: string; caller: string; userId: string }>(
    `SELECT c.name AS candidate, u.login, u.name AS caller, u.id AS "userId"
     FROM "WithdrawalRequest" w JOIN "Candidate" c ON c.id = w."candidateId" JOIN "User" u ON u.id = w."callerId"
     WHERE w.status = 'SUBMITTED' AND 'CALLER' = ANY(u.roles) AND NOT ('GROUP_LEADER' = ANY(u.roles))
       AND EXISTS (SELECT 1 FROM "StaffProfile" s WHERE s."userId" = u.id AND s."groupId" IS NOT NULL)
     ORDER BY w."submittedAt" DESC NULLS LAST, c."examNo" LIMIT 1`,
  );
  if (!row) throw new Error("the demo campaign has no 退档 waiting for review");
  return row;
}

const unreadOf = async (userId: string) =>
  Number(
    (
      await query<{ n: string }>(`SELECT count(*)::text AS n FROM "Notice" WHERE "userId" = $1 AND "readAt" IS NULL`, [
        userId,
      ])
    )[0]?.n,
  );

async function as(browser: Browser, login: string): Promise<Page> {
  const context = await browser.newContext();
  await signIn(context, login);
  return context.newPage();
}

const badge = (page: Page) => page.getByTestId("inbox-link").getByTestId("inbox-unread-badge");

test("[CALLER]: sees a finding and a 退档 send-back in the inbox, and the unread count drops as they are read", async ({
  browser,
}) => {
  const target = await submittedWithdrawal();
  const unreadBefore = await unreadOf(target.userId);
  const findingReason = `督查回拨家长核实：本周三条记录未实际拨打 ${Date.now().toString(36)}`;
  const sendBackReason = "签字表缺少家长签字，请补拍后重新提交";

  // the inspector records a finding against the caller, with a 20 % deduction
  const inspector = await as(browser, "inspector");
  await inspector.goto("/inspection/findings");
  const form = inspector.getByTestId("finding-form");
  await waitForHydration(inspector, '[data-testid="save-finding"]');
  await form.getByTestId("finding-caller").selectOption(target.userId);
  await form.getByTestId("finding-kind").selectOption({ label: "懈怠 / 玩忽职守" });
  await form.getByTestId("finding-percent").fill("20");
  await form.getByTestId("finding-description").fill(findingReason);
  await form.getByTestId("save-finding").click();
  await expect(inspector.getByTestId("finding-message")).toHaveText("问题已记录，补贴预测已更新。");

  // the data team sends the caller's 退档 back with a reason
  const data = await as(browser, "data");
  await data.goto("/admin/withdrawals");
  // the pending request's row (its checklist lines do not name the candidate)
  const request = data.getByRole("listitem").filter({ hasText: target.candidate }).first();
  await waitForHydration(data, "button");
  await request.getByRole("button", { name: "退回补充" }).click();
  await request.getByLabel("退回原因").fill(sendBackReason);
  await request.getByRole("button", { name: "退回", exact: true }).click();
  await expect(
    data.locator("li").filter({ hasText: target.candidate }).getByRole("button", { name: "退回补充" }),
  ).toHaveCount(0);

  // the caller's home: the header counts both, the panel shows the newest
  const caller = await as(browser, target.login);
  await caller.goto("/");
  const expected = unreadBefore + 2;
  await expect(badge(caller)).toHaveText(String(expected));
  const latest = caller.getByTestId("latest-notices");
  await expect(latest).toContainText(`${target.candidate} 的退档申请被数据组退回`);
  await expect(latest).toContainText(sendBackReason);
  await shootBothSizes(caller, "inbox-home-badge", { phoneFullPage: false });

  // the inbox: the percent and the reasons as entered
  await caller.getByTestId("inbox-link").click();
  await expect(caller).toHaveURL(/\/inbox$/);
  await expect(caller.getByRole("heading", { level: 1 })).toHaveText("消息");
  const finding = caller.getByTestId("notice").filter({ hasText: findingReason });
  await expect(finding).toContainText("督查认定：懈怠 / 玩忽职守");
  await expect(finding).toContainText("扣减补贴 20%");
  await expect(finding).toHaveAttribute("data-unread", "true");
  const sentBack = caller.getByTestId("notice").filter({ hasText: `${target.candidate} 的退档申请被数据组退回` });
  await expect(sentBack).toContainText(`退回原因${sendBackReason}`);
  await expect(caller.getByTestId("inbox-unread")).toHaveText(`${expected} 条未读`);
  await shootBothSizes(caller, "inbox");

  // reading one: the count drops by one, and the notice shows as read
  await waitForHydration(caller, '[data-testid="mark-all-read"]');
  await finding.getByRole("button", { name: "标为已读" }).click();
  await expect(finding).toHaveAttribute("data-unread", "false");
  await expect(badge(caller)).toHaveText(String(expected - 1));
  expect(await unreadOf(target.userId)).toBe(expected - 1);

  // following the send-back's link marks it read and opens the candidate to act on it
  await sentBack.getByRole("link", { name: "去处理" }).click();
  await expect(caller).toHaveURL(/\/calls\/[^/]+$/);
  await expect.poll(() => unreadOf(target.userId)).toBe(expected - 2);

  // the rest at once: no count left in the header
  await caller.goto("/inbox");
  if (expected - 2 > 0) {
    await waitForHydration(caller, '[data-testid="mark-all-read"]');
    await caller.getByTestId("mark-all-read").click();
  }
  await expect(caller.getByTestId("inbox-unread")).toHaveText("全部已读");
  await expect(badge(caller)).toHaveCount(0);
  expect(await unreadOf(target.userId)).toBe(0);
});

test("[CALLER]: an empty inbox says what will arrive there", { tag: "@phone" }, async ({ page }) => {
  // a demo caller nobody has told anything yet (an account another spec imported has its own password)
  const [row] = await query<{ login: string }>(
    `SELECT u.login FROM "User" u WHERE 'CALLER' = ANY(u.roles) AND u.active AND u.login ~ '^caller[0-9]+$'
       AND NOT EXISTS (SELECT 1 FROM "Notice" n WHERE n."userId" = u.id)
     ORDER BY u.login DESC LIMIT 1`,
  );
  if (!row) throw new Error("every caller of the demo campaign has a notice");
  await signIn(page.context(), row.login);
  await page.goto("/inbox");
  await expect(page.getByTestId("inbox-unread")).toHaveText("全部已读");
  await expect(badge(page)).toHaveCount(0);
  await expect(page.getByTestId("notice")).toHaveCount(0);
  await expect(page.getByRole("main")).toContainText("还没有消息。督查认定、退档退回");
});
