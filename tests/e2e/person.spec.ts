import { expect, test } from "@playwright/test";
import { waitForHydration } from "./pages/login-page";
import { shootBothSizes } from "./support/screenshots";
import { signIn } from "./support/sign-in";

// Issue 13: the admin opens one person from the staff list, reads their year in the pool (the demo's callers
// attended the six training modules and passed the exam) and edits their account. caller27 is edited by no
// other spec; only its 身份 and 学院/部门 change, which no other spec reads.

test("[ADMIN]: opens a caller's page, reads their training and assessment, and edits their account", async ({
  page,
}) => {
  await signIn(page.context(), "admin");
  await page.goto("/admin/staff");
  await page.getByTestId("person-caller27").click();
  await expect(page).toHaveURL(/\/admin\/staff\/[^/?#]+$/);
  await expect(page.getByText("账号（工号/学号）：caller27")).toBeVisible();
  const pool = page.getByTestId("person-pool");
  await expect(pool).toContainText("在库");
  await expect(pool).toContainText("已参加培训 6/6 个专题，考核 1 次。");

  await waitForHydration(page, '[data-testid="edit-account"]');
  const form = page.getByTestId("edit-account");
  // a wrong mobile is refused with its own sentence, and the typed values stay
  await form.getByTestId("edit-phone").fill("1390000");
  await form.getByTestId("edit-department").fill("护理学院");
  await form.getByTestId("save-account").click();
  await expect(form.getByText("手机号须是 11 位数字，以 1 开头；不知道可以不填。").first()).toBeVisible();
  await expect(form.getByTestId("edit-phone")).toBeFocused();
  await expect(form.getByTestId("edit-department")).toHaveValue("护理学院");

  await form.getByTestId("edit-phone").fill("13900002727");
  await form.getByTestId("edit-identity").selectOption("TEACHER");
  await form.getByTestId("save-account").click();
  await expect(form.getByTestId("edit-account-message")).toHaveText("已保存。");
  await page.reload();
  await expect(page.getByTestId("edit-department")).toHaveValue("护理学院");
  await expect(page.getByTestId("edit-identity")).toHaveValue("TEACHER");

  await shootBothSizes(page, "person");

  // the training and assessment record is the staff pool's page, one click away
  await page.getByTestId("person-record-link").click();
  await expect(page.getByTestId("record-trainings").getByRole("listitem")).toHaveCount(6);
});

test("[ADMIN]: cannot take the admin role from themselves", async ({ page }) => {
  await signIn(page.context(), "admin");
  await page.goto("/admin/staff");
  await page.getByTestId("person-admin").click();
  await waitForHydration(page, '[data-testid="edit-account"]');
  // another role kept, so the only refusal is the admin role's
  await page.getByTestId("edit-role-DATA").check();
  await page.getByTestId("edit-role-ADMIN").uncheck();
  await page.getByTestId("save-account").click();
  await expect(page.getByText("不能取消自己的管理员角色；请另一位管理员来做。").first()).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("edit-role-ADMIN")).toBeChecked();
  await expect(page.getByTestId("edit-role-DATA")).not.toBeChecked();
});
