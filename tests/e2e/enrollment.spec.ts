import { type Browser, expect, type Page, test } from "@playwright/test";
import { CandidatePage } from "./pages/candidate-page";
import { query, workableCandidates } from "./support/embedded-db";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 15, enrollment as recorded truth: a caller's 已报到 is a claim (the card's claimed figures rise,
// the confirmed ones do not) until the 报到 list, uploaded through the imports page, records it; the
// data team confirms another candidate by hand with a reason and sees the mismatch list shrink.

// a caller no other spec signs in as (disabled-user.spec.ts disables caller02)
const CALLER = "caller12";

/** "12 人 · 报到率 92.3%" and "预计补贴 3,161.60 元" as numbers */
async function cardFigures(page: Page, which: "claimed" | "confirmed") {
  const count = (await page.getByTestId(`progress-${which}-count`).textContent()) ?? "";
  const subsidy = (await page.getByTestId(`progress-${which}-subsidy`).textContent()) ?? "";
  return {
    count: Number(count.match(/^(\d+)/)?.[1]),
    subsidyFen: Math.round(Number(subsidy.replace(/[^\d.]/g, "")) * 100),
  };
}

async function signedInPage(browser: Browser, login: string) {
  const context = await browser.newContext({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await signIn(context, login);
  return context.newPage();
}

test("[CALLER, DATA]: a caller's 已报到 is claimed until the 报到 list confirms it", async ({ page, browser }) => {
  const candidate = (await workableCandidates(CALLER))[0];
  if (!candidate) throw new Error(`${CALLER} has no candidate still to enroll`);
  await signIn(page.context(), CALLER);
  await page.goto("/calls");
  const claimedBefore = await cardFigures(page, "claimed");
  const confirmedBefore = await cardFigures(page, "confirmed");

  const workspace = new CandidatePage(page);
  await workspace.goto(candidate.id);
  await workspace.fillContact({ channel: "电话", outcome: "已报到", minutes: "3" });
  await workspace.submit.click();
  await expect(workspace.message).toContainText("已记录");

  await page.goto("/calls");
  const claimed = await cardFigures(page, "claimed");
  const confirmed = await cardFigures(page, "confirmed");
  expect(claimed.count).toBe(claimedBefore.count + 1);
  expect(claimed.subsidyFen).toBeGreaterThan(claimedBefore.subsidyFen);
  // the record has not seen it: what will be paid has not moved
  expect(confirmed).toEqual(confirmedBefore);
  await page.getByTestId("my-progress").scrollIntoViewIfNeeded();
  await shootBothSizes(page, "enrollment-card");

  // The data team's 报到 list to date: everyone already on the record, and the caller's 已报到 claims
  const rows = await query<{ examNo: string }>(
    `SELECT c."examNo" FROM "Candidate" c LEFT JOIN "User" u ON u.id = c."assignedCallerId"
      WHERE c.admitted AND (c."enrollmentRecord" = 'LIST' OR (u.login = $1 AND c.enrollment = 'ENROLLED'))
      ORDER BY c."examNo"`,
    [CALLER],
  );
  const csv = `考生号,报到状态\r\n${rows.map((r) => `${r.examNo},是`).join("\r\n")}\r\n`;
  const data = await signedInPage(browser, "data");
  await data.goto("/admin/imports");
  await data.waitForLoadState("networkidle");
  await data.getByLabel("名单类型").selectOption("baodao");
  await data
    .getByTestId("import-file")
    .setInputFiles({ name: "报到名单.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await data.getByRole("button", { name: "上传并预览" }).click();
  await expect(data.getByTestId("import-record")).toContainText("报到记录：新确认");
  await data.getByTestId("import-apply").click();
  await expect(data.getByTestId("import-message")).toContainText("已导入");
  await data.context().close();

  await page.goto("/calls");
  const recorded = await cardFigures(page, "confirmed");
  // every claim of the caller is on the record now: the two figures agree, and what is paid rose
  expect(recorded).toEqual(await cardFigures(page, "claimed"));
  expect(recorded.subsidyFen).toBeGreaterThan(confirmedBefore.subsidyFen);
});

test("[DATA]: confirms one candidate by hand with a reason and the mismatch list shrinks", async ({ page }) => {
  // the demo's 报到 list has every enrolled candidate on it: a caller no other spec works as logs one
  // more 已报到, as the contact form would, so the list has a claim to check
  const [claim] = await query<{ id: string }>(
    `UPDATE "Candidate" SET enrollment = 'ENROLLED', version = version + 1
      WHERE id = (SELECT c.id FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
                   WHERE c.admitted AND c.enrollment = 'PENDING' AND c."enrollmentRecord" IS NULL
                     AND c.withdrawal = 'NONE' AND c.decline = 'NONE'
                     AND u.login NOT IN ('caller01', 'caller02', 'caller12', 'leader01', 'leader02')
                   ORDER BY c."examNo" DESC LIMIT 1)
      RETURNING id`,
  );
  if (!claim) throw new Error("no candidate left to claim");
  await signIn(page.context(), "data");
  await page.goto("/admin");
  await expect(page.getByTestId("enrollment-mismatch-link")).toContainText("报到核对");
  await page.getByTestId("enrollment-mismatch-link").click();
  await page.goto("/admin/enrollment?kind=claimedNotRecorded");
  await page.waitForLoadState("networkidle");
  const list = page.getByTestId("enrollment-mismatches");
  const before = Number(await list.getAttribute("data-count"));
  expect(before).toBeGreaterThan(0);
  await shootBothSizes(page, "enrollment-mismatches", { phoneFullPage: false });

  const firstRow = list.locator("tbody > tr").first();
  const examNo = (await firstRow.textContent())?.match(/\d{10,}/)?.[0];
  if (!examNo) throw new Error("the first row shows no exam number");
  await firstRow.getByTestId("enrollment-confirm-open").click();
  // no reason: refused in words, nothing changes
  await firstRow.getByTestId("enrollment-confirm-submit").click();
  await expect(firstRow.getByText("请填写理由。").first()).toBeVisible();
  await expect(list).toHaveAttribute("data-count", String(before));

  await firstRow.getByTestId("enrollment-reason").fill("已核对报到处签到表");
  await firstRow.getByTestId("enrollment-confirm-submit").click();
  await expect(list).toHaveAttribute("data-count", String(before - 1));
  await expect(list).not.toContainText(examNo);
});
