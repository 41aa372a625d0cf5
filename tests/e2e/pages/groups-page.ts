import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";
import { waitForHydration } from "./login-page";

/**
 * The groups area: a group leader's /groups (their group's dashboard: figures, the per-caller table, the
 * charts, then the queue of escalated candidates), a group's drill-down /groups/<id>, and the callback
 * lead's /groups (every group side by side).
 */
export class GroupsPage {
  readonly queue: Locator;
  readonly callerTable: Locator;
  readonly callerRows: Locator;
  readonly explanation: Locator;
  readonly weeklyLink: Locator;
  readonly groupLinks: Locator;
  readonly recentReports: Locator;
  readonly committed: Locator;

  constructor(readonly page: Page) {
    this.queue = page.getByTestId("leader-escalations");
    this.callerTable = page.getByTestId("caller-table");
    this.callerRows = this.callerTable.locator("tbody > tr");
    this.explanation = page.getByTestId("subsidy-explanation");
    this.weeklyLink = page.getByTestId("weekly-link");
    this.groupLinks = page.getByTestId("group-link");
    this.recentReports = page.getByTestId("recent-reports");
    this.committed = page.getByTestId("committed");
  }

  async goto(path = "/groups") {
    await this.page.goto(path);
    await expect(this.page).toHaveURL(pathPattern(path));
  }

  /** The queue entry of one candidate, found by exam number (names can repeat, exam numbers cannot). */
  escalation(examNo: string): Locator {
    return this.queue.locator(":scope > li").filter({ hasText: examNo });
  }

  /** Forwards the candidate's open escalation to the strike team and waits until the queue shows it. */
  async forward(examNo: string) {
    const entry = this.escalation(examNo);
    const button = entry.getByTestId("forward-escalation");
    await expect(button).toHaveText("转突击组");
    await waitForHydration(this.page, '[data-testid="forward-escalation"]');
    await button.click();
    await expect(button).toHaveCount(0);
  }

  /** Sorts the caller table by a column (the header button on a desktop). */
  async sortBy(key: string) {
    await waitForHydration(this.page, `thead [data-testid="sort-${key}"]`);
    await this.callerTable.locator("thead").getByTestId(`sort-${key}`).click();
  }

  /** Opens the projected-subsidy explanation of the caller in the table's row `index`. */
  async explainSubsidy(index: number) {
    await waitForHydration(this.page, '[data-testid="explain-subsidy"]');
    await this.callerRows.nth(index).getByTestId("explain-subsidy").click();
    await expect(this.explanation).toBeVisible();
  }

  async closeExplanation() {
    await this.explanation.getByRole("button").click();
    await expect(this.explanation).toBeHidden();
  }
}

/** A group's weekly summaries (/groups/<id>/weekly). */
export class WeeklyPage {
  readonly textarea: Locator;
  readonly submit: Locator;
  readonly body: Locator;
  readonly submitted: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.textarea = page.getByTestId("weekly-textarea");
    this.submit = page.getByTestId("weekly-submit");
    this.body = page.getByTestId("weekly-body");
    this.submitted = page.getByTestId("weekly-submitted");
    this.error = page.getByTestId("weekly-error");
  }

  /** Adds a paragraph to the draft and submits it to the callback lead. */
  async appendAndSubmit(text: string) {
    await waitForHydration(this.page, '[data-testid="weekly-textarea"]');
    const draft = await this.textarea.inputValue();
    await this.textarea.fill(`${draft}\n${text}`);
    await this.submit.click();
    await expect(this.body).toContainText(text);
  }
}
