import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";

/** The caller's home page (/calls): "my candidates", with a search by name or exam number. */
export class CallsPage {
  readonly heading: Locator;
  readonly searchBox: Locator;
  readonly searchButton: Locator;
  /** one link per candidate in the list */
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("main").getByRole("heading", { level: 1 });
    const search = page.getByRole("search");
    this.searchBox = search.getByRole("searchbox", { name: "搜索" });
    this.searchButton = search.getByRole("button", { name: "搜索" });
    this.results = page.getByTestId("candidate-list").getByRole("link");
  }

  async goto() {
    await this.page.goto("/calls");
    await expect(this.page).toHaveURL(pathPattern("/calls"));
    await expect(this.heading).toHaveText("我的考生");
  }

  /** Searches the list (a plain GET form: it works before and after hydration alike). */
  async search(query: string) {
    await this.searchBox.fill(query);
    await this.searchButton.click();
    await expect(this.page).toHaveURL((url) => url.pathname === "/calls" && url.searchParams.get("q") === query);
    await expect(this.searchBox).toHaveValue(query);
  }

  result(text: string): Locator {
    return this.results.filter({ hasText: text });
  }
}
