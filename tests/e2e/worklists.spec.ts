import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { shoot } from "./pages/inspection-page";
import { waitForHydration } from "./pages/login-page";
import { StrikePage } from "./pages/strike-page";
import { query } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Issue 15, leaders' worklists: a leader filters their group's candidates, exports the list and forwards three
// of them to the strike team at once; the strike team finds them in its queue and takes a candidate straight
// from the 零失联 board. Figures are checked against the embedded database, read independently of the app.

/** leader01's admitted candidates still to win who have not paid: the 未缴费 list, counted in SQL. */
async function notPaidOfLeader01(): Promise<string[]> {
  const rows = await query<{ examNo: string }>(
    `SELECT c."examNo" FROM "Candidate" c JOIN "Group" g ON g.id = c."groupId" JOIN "User" u ON u.id = g."leaderId"
     WHERE u.login = 'leader01' AND c.admitted AND NOT c.paid AND c.withdrawal <> 'APPROVED'
       AND c.decline <> 'APPROVED' AND c.enrollment <> 'ENROLLED' AND c."enrollmentRecord" IS NULL`,
  );
  return rows.map((r) => r.examNo).sort();
}

/** The exam numbers of the rows the page lists (each row's box carries one). */
async function listedExamNos(page: Page): Promise<string[]> {
  const ids = await page
    .getByTestId("worklist-rows")
    .locator('input[data-testid^="worklist-select-"]')
    .evaluateAll((boxes) => boxes.map((b) => b.getAttribute("data-testid") ?? ""));
  return ids.map((id) => id.replace("worklist-select-", "")).sort();
}

test("[GROUP_LEADER]: filters the worklist, exports it and forwards three candidates to the strike team", async ({
  page,
  browser,
}) => {
  const expected = await notPaidOfLeader01();
  expect(expected.length, "the demo has unpaid candidates in leader01's group").toBeGreaterThanOrEqual(3);

  await signIn(page.context(), "leader01");
  await page.goto("/groups");
  await page.getByTestId("worklist-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作清单");

  const notPaid = page.getByTestId("worklist-filter-NOT_PAID");
  await expect(notPaid.getByTestId("worklist-count")).toHaveText(String(expected.length));
  await notPaid.click();
  await expect(notPaid).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("已录取，尚未缴费")).toBeVisible();
  expect(await listedExamNos(page)).toEqual(expected);

  // the export holds the same candidates, one row each under the header
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "导出 xlsx" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^工作清单-.+-未缴费\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("the export has no sheet");
  expect(sheet.getRow(1).getCell(1).value).toBe("考生号");
  const exported: string[] = [];
  sheet.eachRow((row, index) => {
    if (index > 1) exported.push(String(row.getCell(1).value));
  });
  expect(exported.sort()).toEqual(expected);
  for (let index = 2; index <= sheet.rowCount; index++) {
    expect(String(sheet.getRow(index).getCell(11).value)).toContain("未缴费");
  }

  // forward the first three that are not with the strike team yet
  await waitForHydration(page, '[data-testid="forward-submit"]');
  const boxes = page.getByTestId("worklist-rows").locator('input[data-testid^="worklist-select-"]:enabled');
  const chosen: string[] = [];
  for (let i = 0; i < 3; i++) {
    const box = boxes.nth(i);
    chosen.push(((await box.getAttribute("data-testid")) ?? "").replace("worklist-select-", ""));
    await box.check();
  }
  await expect(page.getByText("已选 3 人")).toBeVisible();
  await page.getByTestId("forward-submit").click();
  // no note: refused with the field's own message, nothing forwarded
  await expect(page.getByTestId("forward-note-error")).toHaveText("请写一句说明，告诉突击组考生的情况。");
  await page.getByTestId("forward-note").fill("三位都还没缴费，家长说要再考虑，请突击组联系");
  await page.getByTestId("forward-submit").click();
  await expect(page.getByTestId("forward-result")).toHaveText("已转给突击组 3 人。");
  for (const examNo of chosen) await expect(page.getByTestId(`worklist-select-${examNo}`)).toBeDisabled();

  const cases = await query<{ status: string; toTeam: string }>(
    `SELECT e.status, e."toTeam" FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
     WHERE c."examNo" = ANY($1) AND e.status IN ('FORWARDED', 'CLAIMED')`,
    [chosen],
  );
  expect(cases).toHaveLength(3);

  // the strike team has them in its queue
  const strikeContext = await browser.newContext();
  await signIn(strikeContext, "strike02");
  const strike = new StrikePage(await strikeContext.newPage());
  await strike.goto();
  for (const examNo of chosen) {
    await expect(strike.waiting.getByTestId(`case-${examNo}`).getByTestId("case-note")).toContainText(
      "三位都还没缴费，家长说要再考虑，请突击组联系",
    );
  }
  await strikeContext.close();
});

test("[STRIKE]: takes a candidate straight from the 零失联 board", async ({ page }) => {
  await signIn(page.context(), "strike03");
  await page.goto("/strike/board");
  await expect(page.getByTestId("board-total")).toBeVisible();
  const take = page.locator('[data-testid^="board-take-"]:not([data-testid^="board-take-error-"])').first();
  const examNo = ((await take.getAttribute("data-testid")) ?? "").replace("board-take-", "");
  await waitForHydration(page, `[data-testid="board-take-${examNo}"]`);
  await take.click();
  await expect(page.getByTestId(`board-open-${examNo}`)).toBeVisible();
  const [claimed] = await query<{ status: string; login: string }>(
    `SELECT e.status, u.login FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
     JOIN "User" u ON u.id = e."assigneeId" WHERE c."examNo" = $1 AND e.status = 'CLAIMED'`,
    [examNo],
  );
  expect(claimed).toEqual({ status: "CLAIMED", login: "strike03" });
  // the board, reloaded, does not offer the case again: its member finds the way to the candidate
  await page.reload();
  await expect(page.getByTestId(`board-open-${examNo}`)).toBeVisible();
  await expect(page.getByTestId(`board-take-${examNo}`)).toHaveCount(0);

  // it is now in the member's own cases
  const strike = new StrikePage(page);
  await strike.goto();
  await expect(strike.mine.getByTestId(`case-${examNo}`)).toBeVisible();
});

test("[GROUP_LEADER]: the worklist fits the screen", { tag: "@phone" }, async ({ page }) => {
  await signIn(page.context(), "leader01");
  await page.goto("/worklists?list=UNREACHABLE");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作清单");
  await shoot(page, "worklist-leader");
  await signIn(page.context(), "lead");
  // the lead's 专硕 prospects, a list of the whole campaign
  const [masters] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Candidate" WHERE admitted AND "masterInterest"
       AND withdrawal <> 'APPROVED' AND decline <> 'APPROVED'`,
  );
  await page.goto("/groups");
  await expect(page.getByTestId("masters-link")).toHaveText(`专硕意向 ${masters?.n} 人`);
  await page.getByTestId("masters-link").click();
  await expect(page.getByTestId("worklist-scope").first()).toHaveText("全部小组");
  await expect(page.getByTestId("worklist-filter-MASTERS")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("worklist-filter-MASTERS").getByTestId("worklist-count")).toHaveText(
    String(masters?.n),
  );
  await shoot(page, "worklist-campaign");
  await signIn(page.context(), "strike");
  await page.goto("/strike/board");
  await expect(page.getByTestId("board-total")).toBeVisible();
  await shoot(page, "strike-board-take");
});
