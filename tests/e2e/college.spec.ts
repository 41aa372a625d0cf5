import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { withDb } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// 学校名称: the admin sets the college's name on /admin/settings; a signed-out browser then sees it on the
// login page and its short name in the title. The browser specs share one demo database, and the demo
// has no college (the login page and every title read as before): whatever this spec sets it takes back
// at the end, the row deleted when there was none (the form has no way to unset it) or the names put back.

type Names = { name: string; shortName: string };

const storedCollege = () =>
  withDb(async (client) => {
    const { rows } = await client.query<Names>(`SELECT name, "shortName" FROM "College"`);
    return rows[0] ?? null;
  });

async function restore(previous: Names | null) {
  await withDb(async (client) => {
    if (previous) {
      await client.query(`UPDATE "College" SET name = $1, "shortName" = $2, "updatedAt" = now() WHERE id = 1`, [
        previous.name,
        previous.shortName,
      ]);
    } else {
      await client.query(`DELETE FROM "College"`);
    }
  });
}

async function shoot(page: Page, name: string, fullPage = false) {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const info = test.info();
  await page.screenshot({
    path: path.join(info.project.outputDir, "screenshots", `${name}-${info.project.name}.png`),
    fullPage,
  });
}

test("[ADMIN]: sets the college's name; the login page shows it and the title its short name, then it is taken back", {
  tag: "@phone",
}, async ({ page, browser }) => {
  const previous = await storedCollege();
  try {
    await signIn(page.context(), "admin");
    await page.goto("/admin/settings");
    await expect(new AppShell(page).heading).toHaveText("回访工作设置");
    await waitForHydration(page, '[data-testid="save-college"]');
    const card = page.getByTestId("college-card");
    const name = card.getByTestId("college-name");
    const shortName = card.getByTestId("college-short-name");
    if (!previous) await expect(card.getByTestId("college-not-set")).toContainText("尚未设置");
    await expect(name).toHaveAttribute("lang", "zh");

    // a short name left empty: the Chinese sentence under it, the typed name kept, nothing stored
    await name.fill("成都文理学院");
    await shortName.fill("  ");
    await card.getByTestId("save-college").click();
    await expect(card.getByTestId("college-short-name-error")).toHaveText("请填写简称。");
    await expect(card.getByTestId("message-college")).toHaveText("未保存，请修改标红的项。");
    await expect(shortName).toBeFocused();
    await expect(name).toHaveValue("成都文理学院");
    expect(await storedCollege()).toEqual(previous);

    await shortName.fill("文理");
    await card.getByTestId("save-college").click();
    await expect(card.getByTestId("message-college")).toHaveText("已保存。");
    await expect(card.getByTestId("college-not-set")).toHaveCount(0);
    expect(await storedCollege()).toEqual({ name: "成都文理学院", shortName: "文理" });
    await expect(page).toHaveTitle("回访工作设置 · 回访 · 文理");
    await card.scrollIntoViewIfNeeded();
    await shoot(page, "college-settings");

    // saved again as it is: nothing changes
    await card.getByTestId("save-college").click();
    await expect(card.getByTestId("message-college")).toHaveText("没有改动。");

    // a browser nobody signed in on
    const visitor = await browser.newContext();
    try {
      const login = await visitor.newPage();
      const form = new LoginPage(login);
      await form.goto();
      await expect(form.heading).toHaveText("登录");
      const college = login.getByTestId("login-college");
      await expect(college).toHaveText("成都文理学院");
      await expect(college.locator('[lang="zh"]')).toHaveText("成都文理学院");
      await expect(login).toHaveTitle("登录 · 回访 · 文理");
      await shoot(login, "college-login", true);
    } finally {
      await visitor.close();
    }
  } finally {
    await restore(previous);
  }

  // taken back: the login page and the title read as they did
  expect(await storedCollege()).toEqual(previous);
  if (!previous) {
    const again = await browser.newContext();
    try {
      const login = await again.newPage();
      await new LoginPage(login).goto();
      await expect(login.getByTestId("login-college")).toHaveCount(0);
      await expect(login).toHaveTitle("登录 · 回访");
    } finally {
      await again.close();
    }
  }
});
