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

  // the first candidate of the list, and a caller who does not have them
  const [candidate] = await query<{ id: string; examNo: string; caller: string | null }>(
    `SELECT c.id, c."examNo", u.name AS caller FROM "Candidate" c LEFT JOIN "User" u ON u.id = c."assignedCallerId"
     WHERE c."groupId" = $1 ORDER BY c."examNo" LIMIT 1`,
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
