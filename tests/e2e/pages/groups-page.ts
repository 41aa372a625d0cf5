import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";
import { waitForHydration } from "./login-page";

/** A group leader's page (/groups): the group's callers, then the queue of escalated candidates. */
export class GroupsPage {
  readonly queue: Locator;

  constructor(readonly page: Page) {
    this.queue = page.getByTestId("leader-escalations");
  }

  async goto() {
    await this.page.goto("/groups");
    await expect(this.page).toHaveURL(pathPattern("/groups"));
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
}
