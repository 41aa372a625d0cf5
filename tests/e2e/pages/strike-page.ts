import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";
import { waitForHydration } from "./login-page";

/** The strike team's queue (/strike): my cases with 结案, the cases to claim, recently closed. */
export class StrikePage {
  readonly mine: Locator;
  readonly waiting: Locator;
  readonly resolved: Locator;

  constructor(readonly page: Page) {
    this.mine = page.getByTestId("strike-mine");
    this.waiting = page.getByTestId("strike-waiting");
    this.resolved = page.getByTestId("strike-resolved");
  }

  async goto() {
    await this.page.goto("/strike");
    await expect(this.page).toHaveURL(pathPattern("/strike"));
  }

  async claim(examNo: string) {
    const button = this.page.getByTestId(`claim-${examNo}`);
    await waitForHydration(this.page, `[data-testid="claim-${examNo}"]`);
    await button.click();
    await expect(this.mine.getByTestId(`case-${examNo}`)).toBeVisible();
  }

  /** Puts a claimed case back in the queue (the confirmation is accepted). */
  async release(examNo: string) {
    await waitForHydration(this.page, `[data-testid="release-${examNo}"]`);
    this.page.once("dialog", (dialog) => dialog.accept());
    await this.page.getByTestId(`release-${examNo}`).click();
    await expect(this.waiting.getByTestId(`case-${examNo}`)).toBeVisible();
  }

  async open(examNo: string) {
    await this.page.getByTestId(`open-${examNo}`).click();
  }

  async resolve(examNo: string, outcome: string, note: string) {
    const card = this.mine.getByTestId(`case-${examNo}`);
    await card.getByText("结案", { exact: true }).first().click();
    const form = card.getByTestId(`resolve-${examNo}`);
    await waitForHydration(this.page, `[data-testid="resolve-${examNo}"] [data-testid="resolve-submit"]`);
    await form.getByText(outcome, { exact: true }).click();
    await form.getByTestId("resolve-note").fill(note);
    await form.getByTestId("resolve-submit").click();
    await expect(this.page.getByTestId(`case-${examNo}`)).toHaveCount(0);
  }
}
