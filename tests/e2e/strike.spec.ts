import { expect, test } from "@playwright/test";
import { CandidatePage } from "./pages/candidate-page";
import { shoot } from "./pages/inspection-page";
import { StrikePage } from "./pages/strike-page";
import { candidateTotals, query } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Issue 7, the strike team: a member claims a forwarded candidate, opens them, logs a contact like a
// caller and closes the case as reached and handed back. The candidate is read from the embedded
// database: one forwarded to the strike team, unclaimed, admitted and not yet enrolled.

async function forwardedCandidate(): Promise<{ id: string; examNo: string; name: string }> {
  const [row] = await query<{ id: string; examNo: string; name: string }>(
    `SELECT c.id, c."examNo", c.name FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
     WHERE e."toTeam" = 'STRIKE' AND e.status = 'FORWARDED' AND c.admitted AND c.enrollment <> 'ENROLLED'
     ORDER BY c."examNo" LIMIT 1`,
  );
  if (!row) throw new Error("no forwarded candidate left in the demo");
  return row;
}

test("[STRIKE]: claims a forwarded candidate, logs a contact and hands them back to their caller", async ({ page }) => {
  const candidate = await forwardedCandidate();
  await signIn(page.context(), "strike02");
  const strike = new StrikePage(page);
  await strike.goto();
  await expect(strike.waiting.getByTestId(`case-${candidate.examNo}`)).toContainText(candidate.name);
  await strike.claim(candidate.examNo);
  await strike.open(candidate.examNo);

  const workspace = new CandidatePage(page);
  await workspace.waitUntilReady(candidate.id);
  await expect(workspace.heading).toHaveText(candidate.name);
  await expect(workspace.escalationState).toContainText("突击组跟进中");
  await workspace.fillContact({ channel: "电话", outcome: "答疑咨询", minutes: "6", seconds: "0" });
  await workspace.submit.click();
  await expect(workspace.message).toHaveText("已记录，台账已更新。");
  // the ledger's totals count every contact on the candidate, the caller's and this one, as the queue does
  const everyone = await candidateTotals(candidate.id);
  await expect(workspace.totals.locator(":scope > span").first()).toContainText(`${everyone.contacts} 次`);
  await expect(page.getByTestId("ledger-mine")).toHaveText(
    `共 ${everyone.contacts} 次联系（含组长、突击组），其中你本人 1 次、6 分钟。`,
  );
  await shoot(page, "strike-candidate");

  await page.getByRole("link", { name: "← 返回突击组任务" }).click();
  await expect(page).toHaveURL(/\/strike$/);
  await strike.resolve(candidate.examNo, "已联系上，交回回访人员", "家长答应周末再和孩子商量，请回访人员周一回电");
  await expect(strike.resolved.locator("li").filter({ hasText: candidate.examNo })).toContainText("已交回回访人员");
});

test("[STRIKE]: a member who cannot go on puts a claimed candidate back; another member claims it", async ({
  browser,
}) => {
  const candidate = await forwardedCandidate();
  const first = await browser.newContext();
  await signIn(first, "strike03");
  const firstPage = new StrikePage(await first.newPage());
  await firstPage.goto();
  await firstPage.claim(candidate.examNo);
  await firstPage.release(candidate.examNo);
  await expect(firstPage.mine.getByTestId(`case-${candidate.examNo}`)).toHaveCount(0);
  await first.close();

  const second = await browser.newContext();
  await signIn(second, "strike02");
  const secondPage = new StrikePage(await second.newPage());
  await secondPage.goto();
  await secondPage.claim(candidate.examNo);
  await second.close();
});

test("[STRIKE]: the strike pages fit the screen", { tag: "@phone" }, async ({ page }) => {
  await signIn(page.context(), "strike");
  await page.goto("/strike");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("突击组任务");
  await shoot(page, "strike-queue");
  await page.goto("/strike/board");
  await expect(page.getByTestId("board-total")).toBeVisible();
  await shoot(page, "strike-board");
});
