import { expect, type Locator, type Page } from "@playwright/test";
import { waitForHydration } from "./login-page";

/** The signed-in frame: header with the user, the language switch and sign-out, then the page. */
export class AppShell {
  readonly heading: Locator;
  readonly language: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("main").getByRole("heading", { level: 1 });
    this.language = page.getByRole("banner").getByRole("combobox");
    this.nav = page.getByRole("navigation", { name: "main" });
  }

  async switchLanguage(label: "English" | "中文") {
    await waitForHydration(this.page, "select");
    await this.language.selectOption({ label });
  }

  async expectLanguage(lang: "zh-CN" | "en") {
    await expect(this.page.locator("html")).toHaveAttribute("lang", lang);
  }
}
