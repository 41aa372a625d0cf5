import { expect, type Page, test } from "@playwright/test";
import { query } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// The demo's embedded database, served next to the app (playwright.config.ts: PORT + 1). The spec reads
// it to find leader01's group and a caller no other spec uses, and writes once: bumping a candidate's
// version as another leader's move would, to see the stale move refused.

async function groupOf(leaderLogin: string) {
  const [group] = await query<{ id: string; name: string }>(
    `SELECT g.id, g.name FROM "Group" g JOIN "User" u ON u.id = g."leaderId" WHERE u.login = $1`,
    [leaderLogin],
  );
  if (!group) throw new Error(`${leaderLogin} leads no group`);
  return group;
}

async function openAssignments(page: Page, groupId: string) {
  await page.goto(`/groups/${groupId}/assignments`);
  // React must own the forms before they are used
  await page.waitForLoadState("networkidle");
}

test("[LEADER]: moves a candidate to another caller; a stale move is refused and can be made again @phone", async ({
  page,
}, testInfo) => {
  await signIn(page.context(), "leader01");
  const group = await groupOf("leader01");
  await openAssignments(page, group.id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${group.name} · 调整分配`);
  await page.screenshot({ path: `test-results/screenshots/assignments-${testInfo.project.name}.png`, fullPage: false });

  // the first candidate of the list not yet admitted (an admitted one needs a reason: the next test),
  // and a caller who does not have them
  const [candidate] = await query<{ id: string; examNo: string; caller: string | null }>(
    `SELECT c.id, c."examNo", u.name AS caller FROM "Candidate" c LEFT JOIN "User" u ON u.id = c."assignedCallerId"
     WHERE c."groupId" = $1 AND NOT c.admitted ORDER BY c."examNo" LIMIT 1`,
    [group.id],
  );
  if (!candidate) throw new Error("the group has no candidate");
  const select = page.getByLabel(`把考生 ${candidate.examNo} 调给`);
  const options = await select.locator("option").allTextContents();
  const target = options.find((o) => o !== "选择回访人员" && !o.startsWith(`${candidate.caller}（`));
  if (!target) throw new Error("no other caller to move to");
  const targetName = target.replace(/（\d+ 人）$/, "");
  const form = page.locator("form", { has: select });

  // someone else moves the candidate after this page was drawn: its version moves on
  await query(`UPDATE "Candidate" SET version = version + 1 WHERE id = $1`, [candidate.id]);
  await select.selectOption({ label: target });
  await form.getByRole("button", { name: "调整" }).click();
  await expect(form.getByTestId("move-message")).toHaveText(
    "这位考生刚被别人调整过或有了新的记录，你的调整没有生效。列表已刷新，请看清现在的回访人员后再调整。",
  );

  // the list was refreshed with the current version: the same move now goes through
  await select.selectOption({ label: target });
  await form.getByRole("button", { name: "调整" }).click();
  await expect(form.getByTestId("move-message")).toHaveText(`已调给 ${targetName}。`);
  const [moved] = await query<{ caller: string }>(
    `SELECT u.name AS caller FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId" WHERE c.id = $1`,
    [candidate.id],
  );
  expect(moved?.caller).toBe(targetName);
});

test("[LEADER, ADMIN]: moving an admitted candidate needs a reason, and both callers' payout explanations say whom they count for", async ({
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name === "phone", "one move per run: the desktop project makes it");
  const leaderContext = await browser.newContext();
  const page = await leaderContext.newPage();
  await signIn(leaderContext, "leader02");
  const group = await groupOf("leader02");
  // an admitted candidate of a caller no other spec works as, and another caller of the group
  const [candidate] = await query<{ id: string; examNo: string; callerId: string; caller: string }>(
    `SELECT c.id, c."examNo", u.id AS "callerId", u.name AS caller
     FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
     WHERE c."groupId" = $1 AND c.admitted AND c."creditCallerId" = c."assignedCallerId"
       AND u.login NOT IN ('caller01', 'caller02', 'leader01', 'leader02')
     ORDER BY c."examNo" LIMIT 1`,
    [group.id],
  );
  if (!candidate) throw new Error("no admitted candidate to move");
  await page.goto(`/groups/${group.id}/assignments?q=${candidate.examNo}`);
  await page.waitForLoadState("networkidle");
  const select = page.getByLabel(`把考生 ${candidate.examNo} 调给`);
  const form = page.locator("form", { has: select });
  await expect(form).toContainText(`已录取：调走后其报到仍计入 ${candidate.caller}，须写明原因。`);
  const options = await select.locator("option").allTextContents();
  const target = options.find((o) => o !== "选择回访人员" && !o.startsWith(`${candidate.caller}（`));
  if (!target) throw new Error("no other caller to move to");
  const targetName = target.replace(/（\d+ 人）$/, "");

  // without a reason the move is refused on the page, and nothing changes
  await select.selectOption({ label: target });
  await form.getByRole("button", { name: "调整" }).click();
  await expect(form.getByTestId("move-message")).toHaveText("该考生已录取，请写明调动原因。");
  await form.getByLabel(`调动考生 ${candidate.examNo} 的原因`).fill("原回访人员与家长沟通不畅，组长安排换人跟进");
  await form.getByRole("button", { name: "调整" }).click();
  await expect(form.getByTestId("move-message")).toHaveText(`已调给 ${targetName}。`);
  // the list now says whom the candidate still counts for
  await expect(page.getByRole("row").filter({ hasText: candidate.examNo })).toContainText(
    `报到计入 ${candidate.caller}`,
  );
  await page.screenshot({ path: testInfo.outputPath("assignments-credit-kept.png"), fullPage: false });
  await leaderContext.close();

  const [moved] = await query<{ to: string }>(`SELECT "assignedCallerId" AS to FROM "Candidate" WHERE id = $1`, [
    candidate.id,
  ]);
  if (!moved) throw new Error("the candidate is gone");
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(adminContext, "admin");
  await admin.goto("/payouts");
  const from = admin.getByTestId(`explain-${candidate.callerId}`);
  await from.locator("summary").click();
  await expect(from).toContainText(/录取后调给他人的 \d+ 名考生仍计入本人/);
  await from.locator("summary").click(); // folds it away: the explanation lies over the rows below
  const to = admin.getByTestId(`explain-${moved.to}`);
  await to.locator("summary").click();
  await expect(to).toContainText(/本人现负责的 \d+ 名考生系录取后调入，仍计入原回访人员，不计入本人/);
  await admin.screenshot({ path: testInfo.outputPath("payouts-credit-kept.png"), fullPage: false });
  await adminContext.close();
});

test("[LEADER]: hands back every candidate of a caller going on leave in one step", async ({ page }) => {
  await signIn(page.context(), "leader01");
  const group = await groupOf("leader01");
  // a caller of the group with candidates, whom no other spec works as
  const [caller] = await query<{ id: string; name: string; count: string }>(
    `SELECT u.id, u.name, (SELECT count(*) FROM "Candidate" c WHERE c."assignedCallerId" = u.id) AS count
     FROM "StaffProfile" s JOIN "User" u ON u.id = s."userId"
     WHERE s."groupId" = $1 AND s."poolStatus" = 'APPROVED' AND u.login NOT IN ('caller01', 'caller02', 'leader01')
       AND EXISTS (SELECT 1 FROM "Candidate" c WHERE c."assignedCallerId" = u.id)
     ORDER BY u.login DESC LIMIT 1`,
    [group.id],
  );
  if (!caller) throw new Error("no caller left to send on leave");
  await openAssignments(page, group.id);
  const row = page
    .getByRole("row")
    .filter({ hasText: caller.name })
    .filter({ has: page.getByText("可接手") });
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "请假并交回" }).click();
  await expect(page.getByText(`已将 ${caller.name} 的 ${caller.count} 名考生交回并重新分配。`)).toBeVisible();
  // the badge says until when: from today to the day the leave ends
  await expect(page.getByRole("row").filter({ hasText: caller.name }).first()).toContainText(
    /请假中 \d{1,2}\/\d{1,2}–\d{1,2}\/\d{1,2}/,
  );
  const [left] = await query<{ count: string }>(
    `SELECT count(*) AS count FROM "Candidate" WHERE "assignedCallerId" = $1`,
    [caller.id],
  );
  expect(Number(left?.count)).toBe(0);
});

test("[LEADER]: another group's assignments page is not found", async ({ page }) => {
  await signIn(page.context(), "leader01");
  const [other] = await query<{ id: string }>(
    `SELECT g.id FROM "Group" g JOIN "User" u ON u.id = g."leaderId" WHERE u.login = 'leader02'`,
  );
  if (!other) throw new Error("leader02 leads no group");
  const response = await page.goto(`/groups/${other.id}/assignments`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("页面不存在")).toBeVisible();
});

test("[LEAD]: the callback lead sees any group's assignments without moving anyone", async ({ page }) => {
  await signIn(page.context(), "lead");
  const group = await groupOf("leader02");
  await openAssignments(page, group.id);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${group.name} · 调整分配`);
  await expect(page.getByText("你可以查看分配情况")).toBeVisible();
  await expect(page.getByRole("button", { name: "调整" })).toHaveCount(0);
});
