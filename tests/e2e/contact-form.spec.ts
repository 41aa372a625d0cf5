import { expect, type Page, test } from "@playwright/test";
import { CandidatePage } from "./pages/candidate-page";
import { auditCount, type DbCandidate, query, workableCandidates } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 15, the contact form: a caller logs a call made earlier (within the policy's backfill window),
// sees how the unreachable rule counts, and 拨打 hands the number to the dialer without leaving the page,
// whose form still saves. Each test picks its candidate from the embedded database when it starts.

const PHONE = { tag: "@phone" };
// a caller no other spec signs in as (disabled-user.spec.ts disables caller02, before the phone run)
const CALLER = "caller15";
const SAVED = "已记录，台账已更新。";

async function candidate(index: number): Promise<DbCandidate> {
  const found = (await workableCandidates(CALLER))[index];
  if (!found) throw new Error(`${CALLER} has fewer than ${index + 1} candidates still to work on`);
  return found;
}

/** An instant as the datetime-local field holds it: Beijing wall-clock time to the minute. */
function beijingField(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

async function latestLog(candidateId: string) {
  const [row] = await query<{ startedAt: Date; outcome: string; count: string }>(
    `SELECT l."startedAt", l.outcome, (SELECT count(*) FROM "ContactLog" WHERE "candidateId" = $1) AS count
       FROM "ContactLog" l WHERE l."candidateId" = $1 ORDER BY l."createdAt" DESC LIMIT 1`,
    [candidateId],
  );
  return row;
}

async function logCount(candidateId: string): Promise<number> {
  const [row] = await query<{ n: string }>(`SELECT count(*) AS n FROM "ContactLog" WHERE "candidateId" = $1`, [
    candidateId,
  ]);
  return Number(row?.n ?? 0);
}

function calledAt(page: Page) {
  return page.getByTestId("called-at");
}

test("[CALLER]: logs a contact made three hours ago, and is refused a time in the future", PHONE, async ({ page }) => {
  const c = await candidate(0);
  await signIn(page.context(), CALLER);
  const workspace = new CandidatePage(page);
  await workspace.interceptDialer();
  await workspace.goto(c.id);

  await test.step("the form shows the time (now by default) and how the escalation rule counts", async () => {
    await expect(calledAt(page)).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    await expect(page.getByText("默认是现在；可补记 24 小时内的联系，选择当时的时间即可。")).toBeVisible();
    await expect(page.getByTestId("escalation-rule")).toContainText(
      "连续 3 次未接通、且分布在至少 2 天，将自动上报组长。",
    );
  });

  const before = await logCount(c.id);
  await test.step("a time in the future is refused in Chinese and nothing is saved", async () => {
    await calledAt(page).fill(beijingField(new Date(Date.now() + 2 * 3_600_000)));
    await workspace.fillContact({ channel: "电话", outcome: "答疑咨询", minutes: "3", seconds: "0" });
    await workspace.submit.click();
    await expect(page.getByTestId("field-error-startedAt")).toHaveText("联系时间不能晚于现在。");
    expect(await logCount(c.id)).toBe(before);
  });

  const earlier = new Date(Date.now() - 3 * 3_600_000);
  await test.step("an earlier time within the window is stored as the call's time", async () => {
    await calledAt(page).fill(beijingField(earlier));
    await shootBothSizes(page, "contact-form-earlier-time");
    await workspace.submit.click();
    await expect(workspace.message).toHaveText(SAVED);
    expect(await logCount(c.id)).toBe(before + 1);
    const log = await latestLog(c.id);
    // the field holds minutes: the stored time is the typed minute
    expect(beijingField(new Date(log?.startedAt ?? 0))).toBe(beijingField(earlier));
    expect(log?.outcome).toBe("CONSULTED");
    // after saving, the form is back to now
    await expect(page.getByTestId("called-at-now")).toHaveCount(0);
  });
});

test(
  "[CALLER]: 拨打 reveals the number and opens the dialer without leaving the page, which still saves",
  PHONE,
  async ({ page }) => {
    const c = await candidate(1);
    const phone = c.phones[0];
    if (!phone) throw new Error(`candidate ${c.examNo} has no phone`);
    await signIn(page.context(), CALLER);
    // no interception here: Chromium is handed the tel: address as a phone's browser would be
    const workspace = new CandidatePage(page);
    await workspace.goto(c.id);
    const url = page.url();
    const reveals = await auditCount("candidate.revealPhone", c.id);
    let left = false;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && frame.url() !== url) left = true;
    });
    const reveal = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined,
    );

    await workspace.callButton(0).click();
    // the reveal request completes (its answer arrives) and the number is shown
    expect((await reveal).ok()).toBe(true);
    await expect(workspace.phone(0)).toHaveText(phone);
    await expect(workspace.timer).toBeVisible();
    await expect.poll(() => auditCount("candidate.revealPhone", c.id)).toBe(reveals + 1);
    expect(page.url()).toBe(url);

    // the page still responds: the timer is stopped, the form filled and saved
    const before = await logCount(c.id);
    await workspace.stopTimer.click();
    await workspace.fillContact({ outcome: "答疑咨询" });
    await workspace.submit.click();
    await expect(workspace.message).toHaveText(SAVED);
    expect(await logCount(c.id)).toBe(before + 1);
    expect(left, "the page never navigated away").toBe(false);
    expect(page.url()).toBe(url);
  },
);
