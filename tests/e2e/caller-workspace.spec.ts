import { expect, type Page, type Request, test } from "@playwright/test";
import { CallsPage } from "./pages/calls-page";
import { CandidatePage } from "./pages/candidate-page";
import { GroupsPage } from "./pages/groups-page";
import {
  auditCount,
  candidateTotals,
  contactLogCount,
  type DbCandidate,
  someCandidateOf,
  twiceUnreachableCandidate,
  workableCandidates,
} from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 4's caller journey. Callers work from their phones, so every test is tagged @phone (390x844);
// the desktop project runs every spec, so each also runs at 1280x800, as the issue asks ("phone-sized
// screen first, desktop too"). The second run finds the database changed by the first: each test
// picks its candidates from the embedded database when it starts, by what they need (still to be
// worked, or failed twice and not escalated) rather than by a fixed name, and compares counts with
// what it read before, never with the demo's initial figures.

const PHONE = { tag: "@phone" };
const CALLER = "caller01";
/** a number as the page shows it before the caller taps: 138****5678 */
const MASKED = /^1\d{2}\*{4}\d{4}$/;
const SAVED = "已记录，台账已更新。";
const ESCALATED = "已记录。多次联系不上，已自动上报组长。";
const DUPLICATE = "这条记录之前已保存，没有重复记录。";
const OFFLINE = "网络异常，没有保存成功。内容已保留在本机，恢复网络后再点“保存记录”即可，不会重复记录。";

async function workable(index: number): Promise<DbCandidate> {
  const candidate = (await workableCandidates(CALLER))[index];
  if (!candidate) throw new Error(`${CALLER} has fewer than ${index + 1} candidates still to work on`);
  return candidate;
}

function firstPhone(candidate: DbCandidate): string {
  const phone = candidate.phones[0];
  if (!phone) throw new Error(`candidate ${candidate.examNo} has no phone number`);
  return phone;
}

/** Finds the candidate through the list's search, as a caller does, and opens them. */
async function openFromSearch(page: Page, candidate: DbCandidate): Promise<CandidatePage> {
  const calls = new CallsPage(page);
  await calls.goto();
  await calls.search(candidate.examNo);
  await expect(calls.results).toHaveCount(1);
  await expect(calls.results).toContainText(candidate.name);
  await calls.result(candidate.examNo).click();
  const workspace = new CandidatePage(page);
  await workspace.waitUntilReady(candidate.id);
  await expect(workspace.heading).toHaveText(candidate.name);
  return workspace;
}

/** The server-action POSTs the candidate page sends (logContact and revealPhone). */
function isActionPost(request: Request, candidateId: string) {
  return (
    request.method() === "POST" &&
    request.headers()["next-action"] !== undefined &&
    new URL(request.url()).pathname === `/calls/${candidateId}`
  );
}

test(
  "[CALLER]: finds a candidate by exam number, calls from the phone and logs a WeChat contact that moves the ledger totals",
  PHONE,
  async ({ page }) => {
    const candidate = await workable(0);
    const phone = firstPhone(candidate);
    await signIn(page.context(), CALLER);
    // a fake clock that keeps running, so that the test can skip two minutes of the call
    await page.clock.install();
    const workspace = new CandidatePage(page);
    await workspace.interceptDialer();
    await openFromSearch(page, candidate);

    const before = await workspace.ledgerTotals();
    const stored = await candidateTotals(candidate.id);
    expect(before.contacts, "the page counts every contact on the candidate").toBe(stored.contacts);
    const reveals = await auditCount("candidate.revealPhone", candidate.id);

    await test.step("拨打 reveals the number, hands it to the dialer and starts the timer", async () => {
      await expect(workspace.phone(0)).toHaveText(MASKED);
      await expect(workspace.timer).toHaveCount(0);
      await workspace.callButton(0).click();
      await expect(workspace.phone(0)).toHaveText(phone);
      await expect.poll(() => workspace.dialed()).toEqual([`tel:${phone}`]);
      // the page stays where it was, with the call timing
      await expect(workspace.timer).toContainText(/通话计时\s*00:0\d/);
      expect(await auditCount("candidate.revealPhone", candidate.id), "one audited reveal").toBe(reveals + 1);

      await page.clock.fastForward("02:00");
      await expect(workspace.timer).toContainText(/通话计时\s*02:0\d/);
      await workspace.stopTimer.click();
      await expect(workspace.timer).toHaveCount(0);
      await expect(workspace.minutes).toHaveValue("2");
    });

    const duration = Number(await workspace.minutes.inputValue()) * 60 + Number(await workspace.seconds.inputValue());
    expect(duration).toBeGreaterThanOrEqual(120);

    await test.step("logs it as a WeChat contact and sees the ledger totals move", async () => {
      await workspace.fillContact({ channel: "微信", outcome: "答疑咨询" });
      await workspace.submit.click();
      await expect(workspace.message).toHaveText(SAVED);
      await workspace.expectTotals({
        ...before,
        contacts: before.contacts + 1,
        minutes: Math.floor((stored.seconds + duration) / 60),
      });
      const newest = workspace.ledgerRows.first();
      await expect(newest).toContainText("微信");
      await expect(newest).toContainText("答疑咨询");
      await expect(newest).toContainText(`${Math.floor(duration / 60)} 分 ${duration % 60} 秒`);
      expect(await candidateTotals(candidate.id)).toEqual({
        contacts: stored.contacts + 1,
        seconds: stored.seconds + duration,
      });
    });
  },
);

test(
  "[CALLER]: a third failed call escalates the candidate, the leader forwards it to the strike team and the caller sees that",
  PHONE,
  async ({ page, browser }) => {
    // two people, two sign-ins and five page loads: more than the 30 s a one-page test gets on 2 cores
    test.setTimeout(60_000);
    const candidate = await twiceUnreachableCandidate(CALLER);
    await signIn(page.context(), CALLER);
    const workspace = new CandidatePage(page);
    await workspace.interceptDialer();
    await openFromSearch(page, candidate);
    await expect(workspace.escalationState).toHaveCount(0);
    const before = await workspace.ledgerTotals();

    await test.step("the caller records 关机 after the call and the candidate goes to the group leader", async () => {
      await workspace.callButton(0).click();
      await expect(workspace.timer).toBeVisible();
      await workspace.stopTimer.click();
      // the channel is 电话, chosen by the call
      await workspace.fillContact({ outcome: "关机" });
      await expect(workspace.form.getByRole("radio", { name: "电话", exact: true })).toBeChecked();
      await workspace.submit.click();
      await expect(workspace.message).toHaveText(ESCALATED);
      await expect(workspace.escalationState).toHaveText("关机 · 待组长处理");
      await expect(workspace.nextStep).toHaveText("下一步：已上报，等待组长或突击组处理。");
      await expect(workspace.totals.locator(":scope > span").first()).toHaveText(
        `${before.contacts + 1} 次 / 标准 ${before.contactStandard}`,
      );
    });

    await test.step("leader01 sees the candidate in the group's queue and forwards it to the strike team", async () => {
      const leaderContext = await browser.newContext();
      try {
        await signIn(leaderContext, "leader01");
        const groups = new GroupsPage(await leaderContext.newPage());
        await groups.goto();
        const entry = groups.escalation(candidate.examNo);
        await expect(entry).toHaveCount(1);
        await expect(entry).toContainText(candidate.name);
        await expect(entry).toContainText("待组长处理");
        await groups.forward(candidate.examNo);
        await expect(entry).toContainText("已转突击组");
      } finally {
        await leaderContext.close();
      }
    });

    await test.step("the caller's page shows the escalation forwarded", async () => {
      await page.reload();
      await expect(workspace.escalationState).toHaveText("关机 · 已转突击组");
    });
  },
);

test("[CALLER]: a double tap on 保存记录 sends the contact twice and records it once", PHONE, async ({ page }) => {
  const candidate = await workable(1);
  await signIn(page.context(), CALLER);
  const workspace = new CandidatePage(page);
  await workspace.goto(candidate.id);
  const rows = await contactLogCount(candidate.id);
  const posts: Request[] = [];
  page.on("request", (request) => {
    if (isActionPost(request, candidate.id)) posts.push(request);
  });

  await workspace.fillContact({ channel: "微信", outcome: "答疑咨询", minutes: "3", seconds: "0" });
  // both taps land before React re-renders the button as disabled (a slow phone): the same draft,
  // with the same idempotency key, reaches the server twice
  await workspace.submit.evaluate((button: HTMLButtonElement) => {
    button.click();
    button.click();
  });
  await expect(workspace.message).toHaveText(new RegExp(`^(${SAVED}|${DUPLICATE})$`));
  await expect(workspace.submit).toBeEnabled();
  await expect.poll(() => posts.length, "two submissions sent").toBe(2);
  await Promise.all(posts.map((request) => request.response()));
  expect(await contactLogCount(candidate.id), "one ledger row").toBe(rows + 1);
});

test("[CALLER]: a retry after the answer was lost records the contact once", PHONE, async ({ page }) => {
  const candidate = await workable(1);
  await signIn(page.context(), CALLER);
  const workspace = new CandidatePage(page);
  await workspace.goto(candidate.id);
  const rows = await contactLogCount(candidate.id);

  // the server saves the contact, but its answer never reaches the phone (the connection drops)
  let lost = 0;
  await page.route(`**/calls/${candidate.id}`, async (route) => {
    if (!isActionPost(route.request(), candidate.id)) return route.continue();
    await route.fetch();
    lost += 1;
    await route.abort("connectionreset");
  });
  await workspace.fillContact({ channel: "微信", outcome: "答疑咨询", minutes: "4", seconds: "30" });
  await workspace.submit.click();
  await expect(workspace.message).toHaveText(OFFLINE);
  expect(lost).toBe(1);
  expect(await contactLogCount(candidate.id), "saved on the server").toBe(rows + 1);

  // back online: the kept draft is submitted again, with its idempotency key
  await page.unrouteAll();
  await expect(workspace.minutes).toHaveValue("4");
  await workspace.submit.click();
  await expect(workspace.message).toHaveText(DUPLICATE);
  expect(await contactLogCount(candidate.id), "still one ledger row").toBe(rows + 1);
});

test("[CALLER]: another caller's candidate is a 404 page that names nobody", PHONE, async ({ page }) => {
  const theirs = await someCandidateOf("caller02");
  const mine = await workable(0);
  await signIn(page.context(), CALLER);

  // control: the caller's own candidate page carries the name, so the check below can catch a leak
  const own = await page.context().request.get(`/calls/${mine.id}`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain(mine.name);

  const response = await page.goto(`/calls/${theirs.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  const html = (await response?.text()) ?? "";
  const rendered = await page.content();
  for (const secret of [theirs.name, theirs.examNo, ...theirs.phones]) {
    expect(html, "the served HTML and its RSC payload").not.toContain(secret);
    expect(rendered, "the page after hydration").not.toContain(secret);
  }
});

test(
  "[CALLER]: raises a candidate to the group leader by hand with a reason and a note; the leader reads the note",
  PHONE,
  async ({ page, browser }) => {
    test.setTimeout(60_000);
    // caller03 is in leader01's group and worked by no other spec
    const [candidate] = await workableCandidates("caller03");
    if (!candidate) throw new Error("caller03 has no workable candidate left");
    await signIn(page.context(), "caller03");
    const workspace = new CandidatePage(page);
    await workspace.goto(candidate.id);
    await page.getByTestId("open-escalate").click();
    const form = page.getByTestId("escalate-form");

    // nothing chosen: both fields say what they need, and nothing is raised
    await form.getByTestId("submit-escalate").click();
    // the first refusal is also said beside the button; each field says its own
    await expect(form.getByTestId("escalate-message")).toHaveText("请选择上报原因。");
    await expect(form.getByText("请写明情况，组长据此处理。")).toBeVisible();
    await expect(form.getByTestId("escalate-reason")).toBeFocused();

    await form.getByTestId("escalate-reason").selectOption({ label: "家长有疑问" });
    await form.getByTestId("escalate-note").fill("家长想先了解学费减免和助学贷款，再决定是否报到");
    await shootBothSizes(page, "escalate-by-hand");
    await form.getByTestId("submit-escalate").click();
    await expect(workspace.escalationState).toHaveText("家长有疑问 · 待组长处理");
    await expect(page.getByText("情况说明：家长想先了解学费减免和助学贷款，再决定是否报到")).toBeVisible();
    await expect(page.getByTestId("open-escalate")).toHaveCount(0);

    const leaderContext = await browser.newContext();
    try {
      await signIn(leaderContext, "leader01");
      const groups = new GroupsPage(await leaderContext.newPage());
      await groups.goto();
      const entry = groups.escalation(candidate.examNo);
      await expect(entry).toContainText("家长有疑问");
      await expect(entry.getByTestId("escalation-note")).toHaveText(
        "情况说明：家长想先了解学费减免和助学贷款，再决定是否报到",
      );
    } finally {
      await leaderContext.close();
    }
  },
);
