import path from "node:path";
import { expect, test } from "@playwright/test";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { DEMO_PASSWORD, pathPattern } from "./support/demo";
import { signIn } from "./support/sign-in";

// Issue 13: every user can change their own password; the change signs the account out everywhere.
// caller30 and caller29 are used by no other spec, so their new passwords disturb nothing; the phone run
// takes caller29, since the desktop run has already changed caller30's.

test("[CALLER]: changes their own password from the account menu, then signs in with the new one @phone", async ({
  page,
}) => {
  const login = test.info().project.name === "phone" ? "caller29" : "caller30";
  await signIn(page.context(), login);
  await page.goto("/calls");
  await waitForHydration(page, "header details");
  await page.getByRole("banner").getByText("账号", { exact: true }).click();
  await page.getByTestId("account-menu").getByRole("link", { name: "修改密码" }).click();
  await expect(page).toHaveURL(pathPattern("/account/password"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("修改密码");
  await waitForHydration(page, "form");

  // a refusal keeps what was typed and says which field is wrong
  await page.getByLabel("当前密码").fill("not-my-password-1");
  await page.getByLabel("新密码", { exact: true }).fill("my-own-pass-30");
  await page.getByLabel("再输入一次新密码").fill("my-own-pass-30");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("当前密码不正确。").first()).toBeVisible();
  await expect(page.getByLabel("当前密码")).toBeFocused();
  await expect(page.getByLabel("新密码", { exact: true })).toHaveValue("my-own-pass-30");

  await page.getByLabel("当前密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page).toHaveURL(pathPattern("/login"));
  await expect(page.getByTestId("login-notice")).toHaveText("密码已修改，请用新密码登录。");

  const form = new LoginPage(page);
  await waitForHydration(page, "form");
  await form.signInExpectingError(login, DEMO_PASSWORD, "账号或密码错误。");
  await form.signIn(login, "my-own-pass-30");
  await expect(page).toHaveURL(pathPattern("/calls"));
});

// caller31 is used by no other spec either: its password ends up changed.
test("[ADMIN]: resets a caller's password; the caller signs in with the temporary one, must choose their own, then signs in with it", async ({
  browser,
  page,
}) => {
  await signIn(page.context(), "admin");
  await page.goto("/admin/staff");
  await waitForHydration(page, "[data-testid=reset-password-caller31]");
  await page.getByTestId("reset-password-caller31").click();
  // the confirmation names the person and changes nothing until confirmed
  await expect(page.getByTestId("reset-confirm-caller31")).toContainText("重置");
  await page.getByTestId("reset-confirm-caller31").getByRole("button", { name: "确认重置" }).click();
  const panel = page.getByTestId("reset-panel");
  await expect(panel).toBeVisible();
  const temporary = (await page.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temporary.length).toBeGreaterThanOrEqual(10);
  await panel.getByRole("button", { name: "完成" }).click();
  await expect(panel).toBeHidden();

  // the caller, in their own browser: the old password no longer opens anything
  const callerContext = await browser.newContext();
  const callerPage = await callerContext.newPage();
  const form = new LoginPage(callerPage);
  await form.goto();
  await form.signInExpectingError("caller31", DEMO_PASSWORD, "账号或密码错误。");

  // the temporary one opens only the page that asks for a new password, whatever page is asked for
  await form.signIn("caller31", temporary);
  await expect(callerPage).toHaveURL(pathPattern("/account/password"));
  await expect(callerPage.getByRole("heading", { level: 1 })).toHaveText("请先设置新密码");
  await callerPage.goto("/calls");
  await expect(callerPage).toHaveURL(pathPattern("/account/password"));

  await waitForHydration(callerPage, "form");
  await callerPage.getByLabel("临时密码").fill(temporary);
  await callerPage.getByLabel("新密码", { exact: true }).fill("chosen-by-31-me");
  await callerPage.getByLabel("再输入一次新密码").fill("chosen-by-31-me");
  await callerPage.getByRole("button", { name: "修改密码" }).click();
  await expect(callerPage).toHaveURL(pathPattern("/login"));
  await expect(callerPage.getByTestId("login-notice")).toHaveText("密码已修改，请用新密码登录。");

  // the temporary password was good for one change only
  await waitForHydration(callerPage, "form");
  await form.signInExpectingError("caller31", temporary, "账号或密码错误。");
  await form.signIn("caller31", "chosen-by-31-me");
  await expect(callerPage).toHaveURL(pathPattern("/calls"));
  await callerContext.close();
});

test("[ADMIN]: creates an account for a volunteer caller; its temporary password leads to choosing one's own @phone", async ({
  browser,
  page,
}) => {
  const login = test.info().project.name === "phone" ? "t2025901" : "t2025900";
  await signIn(page.context(), "admin");
  await page.goto("/admin/staff");
  await waitForHydration(page, "[data-testid=create-account]");
  await page.getByTestId("open-new-account").click();
  const form = page.getByTestId("new-account");
  await form.getByTestId("account-login").fill(login.toUpperCase());
  await form.getByTestId("account-name").fill("新来的志愿者");
  await form.getByTestId("account-phone").fill("13900001111");
  await form.getByTestId("account-pool-source").selectOption("VOLUNTEER");
  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `new-account-${info.project.name}.png`),
    fullPage: true,
  });
  await form.getByTestId("create-account").click();
  await expect(form.getByTestId("account-message")).toHaveText(`已创建账号 ${login}，等待资格审查后进入人员库。`);
  const temporary = (await page.getByTestId("temporary-password").textContent())?.trim() ?? "";
  expect(temporary).toMatch(/^[a-z2-9]{12}$/);
  // the form is empty for the next person; the list has the new one
  await expect(form.getByTestId("account-login")).toHaveValue("");
  await expect(page.getByRole("table")).toContainText(login);
  await page.getByTestId("new-account-panel").getByRole("button", { name: "完成" }).click();
  await expect(page.getByTestId("temporary-password")).toHaveCount(0);

  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  const loginForm = new LoginPage(theirPage);
  await loginForm.goto();
  await loginForm.signIn(login, temporary);
  await expect(theirPage).toHaveURL(pathPattern("/account/password"));
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("请先设置新密码");
  await theirs.close();
});
