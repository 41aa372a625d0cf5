import { expect, test } from "@playwright/test";
import { CandidatePage } from "./pages/candidate-page";
import { StrikePage } from "./pages/strike-page";
import { query } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 15, the clean-up period: after the 报到 window closes, the strike team keeps logging contacts on
// the candidates escalated to it for the policy's days (7 by default); such a contact belongs to the 报到
// phase and shows as 清理期 in the ledger. Once the period is over, the save is refused. The spec moves the
// demo campaign's 报到 window in the database to put the clock there, and puts it back afterwards.

const STRIKE = "strike03";

interface Window {
  id: string;
  opensAt: Date;
  closesAt: Date;
}

let original: Window | undefined;

async function enrollmentWindow(): Promise<Window> {
  const [row] = await query<Window>(
    `SELECT w.id, w."opensAt", w."closesAt" FROM "PhaseWindow" w
      JOIN "Candidate" c ON c."campaignId" = w."campaignId"
     WHERE w.phase = 4 AND w."opensAt" <= now() AND w."closesAt" > now() LIMIT 1`,
  );
  if (!row) throw new Error("the demo campaign's 报到 window is not open");
  return row;
}

/** Puts the 报到 window's close `ago` milliseconds in the past (opened a month before that). */
async function closeEnrollment(window: Window, ago: number) {
  const closesAt = new Date(Date.now() - ago);
  await query(`UPDATE "PhaseWindow" SET "opensAt" = $2, "closesAt" = $3 WHERE id = $1`, [
    window.id,
    new Date(closesAt.getTime() - 30 * 86_400_000),
    closesAt,
  ]);
}

test.afterEach(async () => {
  if (!original) return;
  await query(`UPDATE "PhaseWindow" SET "opensAt" = $2, "closesAt" = $3 WHERE id = $1`, [
    original.id,
    original.opensAt,
    original.closesAt,
  ]);
  original = undefined;
});

async function forwardedCandidate(): Promise<{ id: string; examNo: string; name: string }> {
  const [row] = await query<{ id: string; examNo: string; name: string }>(
    `SELECT c.id, c."examNo", c.name FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
     WHERE e."toTeam" = 'STRIKE' AND e.status = 'FORWARDED' AND c.admitted AND c.enrollment <> 'ENROLLED'
     ORDER BY c."examNo" DESC LIMIT 1`,
  );
  if (!row) throw new Error("no forwarded candidate left in the demo");
  return row;
}

test("[STRIKE]: logs a contact on a claimed case in the clean-up period, and is refused once it is over", {
  tag: "@phone",
}, async ({ page }) => {
  test.setTimeout(60_000);
  const candidate = await forwardedCandidate();
  await signIn(page.context(), STRIKE);
  const strike = new StrikePage(page);
  await strike.goto();
  await strike.claim(candidate.examNo);

  original = await enrollmentWindow();
  await closeEnrollment(original, 3_600_000);

  const workspace = new CandidatePage(page);
  await workspace.goto(candidate.id);
  await test.step("the form says it is the clean-up period, and the contact saves as 清理期", async () => {
    await expect(page.getByTestId("cleanup-notice")).toContainText("报到已结束，现为清理期");
    await workspace.fillContact({ channel: "电话", outcome: "答疑咨询", minutes: "8", seconds: "0" });
    await shootBothSizes(page, "cleanup-contact-form");
    await workspace.submit.click();
    await expect(workspace.message).toHaveText("已记录，台账已更新。");
    await expect(workspace.ledgerRows.first()).toContainText("清理期");
    const [log] = await query<{ phase: number; cleanup: boolean }>(
      `SELECT phase, cleanup FROM "ContactLog" WHERE "candidateId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      [candidate.id],
    );
    expect(log).toEqual({ phase: 4, cleanup: true });
    await shootBothSizes(page, "cleanup-ledger");
  });

  await test.step("once the period is over, a save from the open page is refused and says why", async () => {
    const [{ n: before } = { n: "0" }] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "ContactLog" WHERE "candidateId" = $1`,
      [candidate.id],
    );
    await closeEnrollment(original as Window, 8 * 86_400_000);
    await workspace.fillContact({ channel: "电话", outcome: "答疑咨询", minutes: "2", seconds: "0" });
    await workspace.submit.click();
    await expect(workspace.message).toHaveText("报到和清理期都已结束，不能再记录联系。");
    const [{ n: after } = { n: "0" }] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "ContactLog" WHERE "candidateId" = $1`,
      [candidate.id],
    );
    expect(after).toBe(before);
    // reopened, the page is read-only
    await page.reload();
    await expect(page.getByTestId("log-submit")).toHaveCount(0);
  });
});
