import { expect, type Locator, type Page } from "@playwright/test";
import { pathPattern } from "../support/demo";

/**
 * Waits until React has hydrated the element: before that, the server-rendered form has no handlers,
 * and a click would submit it natively (a GET with the password in the URL) instead of signing in.
 * React marks hydrated DOM nodes with its `__reactProps$…` key.
 */
export async function waitForHydration(page: Page, selector: string) {
  await page.waitForFunction((sel) => {
    const element = document.querySelector(sel);
    return element !== null && Object.keys(element).some((key) => key.startsWith("__reactProps$"));
  }, selector);
}

/** The sign-in page (/login), in Simplified Chinese unless the test switches the language. */
export class LoginPage {
  readonly heading: Locator;
  readonly login: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** the form's message line; getByRole("alert") would also match Next's route announcer */
  readonly error: Locator;
  readonly language: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.login = page.locator('input[name="login"]');
    this.password = page.locator('input[name="password"]');
    this.submit = page.locator('form button[type="submit"]');
    this.error = page.getByTestId("form-error");
    this.language = page.getByRole("combobox");
  }

  async goto() {
    await this.page.goto("/login");
    await expect(this.page).toHaveURL(pathPattern("/login"));
    await waitForHydration(this.page, "form");
  }

  async signIn(login: string, password: string) {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Submits and waits until the form has answered (the button is back from "正在登录…"). */
  async signInExpectingError(login: string, password: string, message: string) {
    await this.signIn(login, password);
    await expect(this.error).toHaveText(message);
    await expect(this.submit).toBeEnabled();
    await expect(this.page).toHaveURL(pathPattern("/login"));
  }
}
