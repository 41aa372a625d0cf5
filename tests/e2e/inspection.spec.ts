import { expect, test } from "@playwright/test";
import { InspectionWeekPage, InspectLogPage, shoot } from "./pages/inspection-page";
import { query } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Issue 7, the inspector's journey, as a pure inspector (the demo's `inspector`): draw last week's
// stratified sample, judge one record false, record a finding, and see the caller's projected subsidy
// drop on the finding. The caller is one whose enrollment rate earns a subsidy (>= 93 %), read from the
// embedded database, so the drop is visible; whatever ran before, a new seed draws new records.

/** Monday (YYYY-MM-DD) of last Beijing week. */
function lastWeek(): string {
  const beijing = new Date(Date.now() + 8 * 3_600_000);
  const monday = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 7);
  return monday.toISOString().slice(0, 10);
}

/** Callers earning a subsidy: at least 93 % of their admitted candidates enrolled. */
function earningCallers() {
  return query<{ name: string }>(
    `SELECT u.name FROM "User" u JOIN "Candidate" c ON c."assignedCallerId" = u.id
     WHERE 'CALLER' = ANY(u.roles)
     GROUP BY u.id, u.name
     HAVING count(*) FILTER (WHERE c.admitted) > 0
        AND count(*) FILTER (WHERE c.admitted AND c.enrollment = 'ENROLLED') * 1000 >= 930 * count(*) FILTER (WHERE c.admitted)
     ORDER BY u.login`,
  );
}

test("[INSPECTOR]: draws last week's sample, marks a record false, records a finding and sees the caller's subsidy drop", async ({
  page,
}) => {
  await signIn(page.context(), "inspector");
  const week = new InspectionWeekPage(page);
  await week.goto(lastWeek());
  const seed = `e2e${Date.now().toString(36)}`;
  await week.drawSample(seed);
  // the draw is listed with its seed and re-runs to the same records
  await expect(week.draws).toContainText(seed);
  await expect(week.draws.locator("li").filter({ hasText: seed })).toContainText("已按种子复核，结果一致");
  await expect(page.getByTestId("coverage")).toContainText(/(\d+)\/\1 名有记录的回访人员已抽到/);

  // a sampled record of a caller who earns a subsidy
  let link = null;
  for (const { name } of await earningCallers()) {
    const candidate = week.uncheckedOf(name).first();
    if ((await candidate.count()) > 0) {
      link = candidate;
      break;
    }
  }
  if (!link) throw new Error("no sampled record of a caller with a subsidy");
  const callerName = await link.getAttribute("data-caller");
  await link.click();

  const log = new InspectLogPage(page);
  await expect(log.caller).toHaveText(callerName ?? "");
  await log.judge("不实", "回拨家长核实：当天没有接到过学校的电话");
  await log.recordFinding({ kind: "虚假回访", percent: "30", description: "记录的通话不存在，属虚假回访" });

  const finding = log.findings.first();
  await expect(finding).toContainText("虚假回访");
  await expect(finding).toContainText("扣除 30%");
  const { before, after } = await log.moneyEffect(finding);
  expect(before).toBeGreaterThan(0);
  // 30 % of the caller's whole subsidy, rounded half up to the fen
  expect(after).toBeLessThan(before);
  expect(before - after).toBe(Math.floor((before * 30 + 50) / 100));
  await shoot(page, "inspection-log");
});

test("[INSPECTOR]: the inspection pages fit the screen", { tag: "@phone" }, async ({ page }) => {
  await signIn(page.context(), "inspector");
  await page.goto("/inspection");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("督查");
  await shoot(page, "inspection-week");
  await page.goto(`/inspection?week=${lastWeek()}`);
  await shoot(page, "inspection-last-week");
  await page.goto("/inspection/findings");
  await expect(page.getByTestId("findings")).toBeVisible();
  await shoot(page, "inspection-findings");
  await page.goto("/inspection/staff");
  await expect(page.getByTestId("qualification-summary")).toContainText("待审查");
  await shoot(page, "inspection-staff");
  // a suspicious record the demo plants this week
  await page.goto("/inspection");
  await page.getByTestId("suspicious-table").getByTestId("check-log").first().click();
  await expect(page.getByTestId("log-details")).toBeVisible();
  await shoot(page, "inspection-suspicious-log");
});

test("[INSPECTOR]: approves an applicant in the qualification review", async ({ page }) => {
  await signIn(page.context(), "inspector");
  await page.goto("/inspection/staff");
  const row = page.locator("tr").filter({ has: page.getByTestId("qualification-applicant01") });
  const approve = page.getByTestId("approve-applicant01");
  await approve.click();
  await expect(row).toContainText("已通过");
});
