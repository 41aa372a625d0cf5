import { expect, type Page, test } from "@playwright/test";
import { AppShell } from "./pages/app-shell";
import { shoot } from "./pages/inspection-page";
import { waitForHydration } from "./pages/login-page";
import { withDb } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// The teams' leads (plan 二、组织机构): the callback lead picks a strike team member, who then works the
// strike page; the admin names an inspection co-lead, who adds an inspector. The browser specs share one
// demo database: every role given here is taken back at the end, through the same pages.

const rolesOf = (login: string) =>
  withDb(async (client) => {
    const { rows } = await client.query<{ roles: string }>(`SELECT roles::text FROM "User" WHERE login = $1`, [login]);
    return rows[0]?.roles ?? null;
  });

async function addByLogin(page: Page, team: string, kind: "member" | "lead", login: string) {
  const form = page.getByTestId(`team-${team}-${kind}-form`);
  await waitForHydration(page, `[data-testid="team-${team}-${kind}-submit"]`);
  await form.getByTestId(`team-${team}-${kind}-login`).fill(login);
  await form.getByTestId(`team-${team}-${kind}-submit`).click();
  await expect(page.getByTestId(`team-${team}-${kind}-message`)).toContainText(kind === "member" ? "已加入" : "已任命");
}

async function removeByLogin(page: Page, team: string, kind: "member" | "lead", login: string) {
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByTestId(`team-${team}-${kind}-remove-${login}`).click();
  await expect(page.getByTestId(`team-${team}-${kind}-remove-${login}`)).toHaveCount(0);
}

test("[CALLBACK_LEAD]: adds a strike team member, who then sees the strike page", { tag: "@phone" }, async ({
  page,
  browser,
}) => {
  const member = test.info().project.name === "phone" ? "caller37" : "caller38";
  expect(await rolesOf(member)).toBe("{CALLER}");
  await signIn(page.context(), "lead");
  await page.goto("/strike");
  await page.getByRole("link", { name: "突击组成员" }).click();
  await expect(page).toHaveURL(/\/strike\/team$/);
  await expect(page.getByRole("heading", { name: "突击组成员" })).toBeVisible();
  // an unknown login is refused in Chinese and adds nobody
  await waitForHydration(page, '[data-testid="team-strike-member-submit"]');
  await page.getByTestId("team-strike-member-login").fill("nobody-at-all");
  await page.getByTestId("team-strike-member-submit").click();
  await expect(page.getByText("没有这个账号，请核对工号/学号")).toBeVisible();

  await addByLogin(page, "strike", "member", member);
  await expect(page.getByTestId("team-strike-members")).toContainText(member);
  expect(await rolesOf(member)).toBe("{CALLER,STRIKE}");
  await shoot(page, "team-strike");

  const context = await browser.newContext();
  try {
    const memberPage = await context.newPage();
    await signIn(context, member);
    await memberPage.goto("/strike");
    await expect(new AppShell(memberPage).heading).toHaveText("突击组任务");
    await expect(new AppShell(memberPage).nav.getByRole("link", { name: "突击组" })).toBeVisible();
  } finally {
    await context.close();
  }

  await removeByLogin(page, "strike", "member", member);
  expect(await rolesOf(member)).toBe("{CALLER}");
});

test("[INSPECTION_LEAD]: the admin names a co-lead, who adds an inspector", { tag: "@phone" }, async ({
  page,
  browser,
}) => {
  const phone = test.info().project.name === "phone";
  // inspector03 is left to the sign-in limits of auth.spec
  const coLead = "inspector02";
  const inspector = phone ? "caller35" : "caller36";
  expect(await rolesOf(inspector)).toBe("{CALLER}");
  await signIn(page.context(), "admin");
  await page.goto("/admin");
  await page.getByRole("link", { name: "数据组成员与团队负责人" }).click();
  await expect(page.getByRole("heading", { name: "团队负责人", exact: true })).toBeVisible();
  await addByLogin(page, "inspection", "lead", coLead);
  await expect(page.getByTestId("team-inspection-leads")).toContainText(coLead);
  await shoot(page, "team-admin");

  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  try {
    const leadPage = await context.newPage();
    await signIn(context, coLead);
    await leadPage.goto("/inspection");
    await leadPage.getByRole("link", { name: "督查组成员" }).click();
    await expect(leadPage).toHaveURL(/\/inspection\/team$/);
    await addByLogin(leadPage, "inspection", "member", inspector);
    await expect(leadPage.getByTestId("team-inspection-members")).toContainText(inspector);
    expect(await rolesOf(inspector)).toBe("{CALLER,INSPECTOR}");
    await shoot(leadPage, "team-inspection");
    await removeByLogin(leadPage, "inspection", "member", inspector);
    expect(await rolesOf(inspector)).toBe("{CALLER}");
  } finally {
    await context.close();
  }

  await page.reload();
  await removeByLogin(page, "inspection", "lead", coLead);
  expect(await rolesOf(coLead)).toBe("{INSPECTOR}");
});
