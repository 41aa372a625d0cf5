import { expect, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage } from "./pages/login-page";
import { StaffPage } from "./pages/staff-page";
import { DEMO_PASSWORD, pathPattern } from "./support/demo";
import { signIn } from "./support/sign-in";

// docs/reliability.md #17: a disabled user's live session is refused at the next request. caller02 is
// used by no other spec, so it starts active on the fresh demo database.
test("[ADMIN]: disabling a caller ends the caller's live session at the next page", async ({ page, browser }) => {
  await signIn(page.context(), "caller02");
  await page.goto("/calls");
  await expect(page).toHaveURL(pathPattern("/calls"));
  await expect(new AppShell(page).heading).toHaveText("我的考生");

  const adminContext = await browser.newContext();
  try {
    await signIn(adminContext, "admin");
    const staff = new StaffPage(await adminContext.newPage());
    await staff.goto();
    await staff.disable("caller02");
  } finally {
    await adminContext.close();
  }

  // the same cookie, still within its lifetime, no longer opens the caller's page
  await page.goto("/calls");
  await expect(page).toHaveURL(pathPattern("/login"));
  await expect(page.getByText("我的考生")).toHaveCount(0);
  // with a word on why, rather than a bare sign-in page
  await expect(page.getByTestId("form-error")).toHaveText("登录已失效，请重新登录。");

  // and signing in again says the account is disabled, only to someone who knows the password
  const form = new LoginPage(page);
  await form.goto();
  await form.signInExpectingError("caller02", DEMO_PASSWORD, "该账号已停用，请联系管理员。");
});
