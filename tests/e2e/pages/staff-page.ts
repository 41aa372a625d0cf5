import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";
import { waitForHydration } from "./login-page";

/** The admin's staff page (/admin/staff): every account with a 停用 / 启用 button per row. */
export class StaffPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/staff");
    await expect(this.page).toHaveURL(pathPattern("/admin/staff"));
  }

  toggle(login: string): Locator {
    return this.page.getByTestId(`toggle-active-${login}`);
  }

  /** Disables an active account and waits until the page shows the button to re-enable it. */
  async disable(login: string) {
    const button = this.toggle(login);
    await expect(button).toHaveText("停用");
    await waitForHydration(this.page, `[data-testid="toggle-active-${login}"]`);
    await button.click();
    await expect(button).toHaveText("启用");
  }
}
