import path from "node:path";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { pathPattern } from "../support/demo";
import { waitForHydration } from "./login-page";

/** "1,800.00 元" -> 180000 (fen) */
export function parseYuan(text: string | null): number {
  const match = /(-?)([\d,]+)\.(\d{2})/.exec(text ?? "");
  if (!match) throw new Error(`not an amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number((match[2] ?? "").replaceAll(",", "")) * 100 + Number(match[3]));
}

/** Full-page screenshot into test-results/screenshots/<name>-<project>.png; fails on sideways scroll. */
export async function shoot(page: Page, name: string) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${name}: page width vs viewport width`).toBeLessThanOrEqual(innerWidth);
  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `${name}-${info.project.name}.png`),
    fullPage: true,
  });
}

/** The inspector's week (/inspection?week=…): the draw form, the sample table, the suspicious queue. */
export class InspectionWeekPage {
  readonly seed: Locator;
  readonly draw: Locator;
  readonly drawMessage: Locator;
  readonly sample: Locator;
  readonly draws: Locator;

  constructor(readonly page: Page) {
    this.seed = page.getByTestId("sample-seed");
    this.draw = page.getByTestId("draw-sample");
    this.drawMessage = page.getByTestId("draw-message");
    this.sample = page.getByTestId("sample-table");
    this.draws = page.getByTestId("draws");
  }

  async goto(week?: string) {
    await this.page.goto(week ? `/inspection?week=${week}` : "/inspection");
    await expect(this.page).toHaveURL(pathPattern("/inspection"));
    await waitForHydration(this.page, '[data-testid="draw-sample"]');
  }

  async drawSample(seed: string) {
    await this.seed.fill(seed);
    await this.draw.click();
    await expect(this.drawMessage).toContainText(`种子 ${seed}`);
  }

  /** The "核查" links of a caller's sampled records still to be checked. */
  uncheckedOf(callerName: string): Locator {
    return this.sample
      .locator("tbody > tr")
      .filter({ hasText: "待核查" })
      .locator(`[data-testid="check-log"][data-caller="${callerName}"]`);
  }
}

/** One record under check (/inspection/logs/[id]): verdict, call-back numbers, the finding form. */
export class InspectLogPage {
  readonly caller: Locator;
  readonly evidence: Locator;
  readonly saveVerdict: Locator;
  readonly verdictMessage: Locator;
  readonly findingForm: Locator;
  readonly findings: Locator;

  constructor(readonly page: Page) {
    this.caller = page.getByTestId("log-caller");
    this.evidence = page.getByTestId("verdict-evidence");
    this.saveVerdict = page.getByTestId("save-verdict");
    this.verdictMessage = page.getByTestId("verdict-message");
    this.findingForm = page.getByTestId("finding-form");
    this.findings = page.getByTestId("log-findings").getByTestId("finding");
  }

  async judge(verdict: "属实" | "存疑" | "不实", evidence: string) {
    await waitForHydration(this.page, '[data-testid="save-verdict"]');
    await this.page.getByText(verdict, { exact: true }).click();
    await this.evidence.fill(evidence);
    await this.saveVerdict.click();
    await expect(this.verdictMessage).toHaveText("结论已保存。");
  }

  async recordFinding(input: { kind: string; percent?: string; description: string }) {
    await expect(this.findingForm).toBeVisible();
    await waitForHydration(this.page, '[data-testid="save-finding"]');
    await this.findingForm.getByTestId("finding-kind").selectOption({ label: input.kind });
    if (input.percent !== undefined) await this.findingForm.getByTestId("finding-percent").fill(input.percent);
    await this.findingForm.getByTestId("finding-description").fill(input.description);
    await this.findingForm.getByTestId("save-finding").click();
    await expect(this.page.getByTestId("finding-message")).toHaveText("问题已记录，补贴预测已更新。");
  }

  /** The money effect shown on the finding: the caller's projected subsidy before and after, in fen. */
  async moneyEffect(finding: Locator) {
    return {
      before: parseYuan(await finding.getByTestId("subsidy-before").textContent()),
      after: parseYuan(await finding.getByTestId("subsidy-after").textContent()),
    };
  }
}
