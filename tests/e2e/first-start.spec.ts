import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { E2E_PORT } from "./support/addresses";
import { EmptyDeployment } from "./support/empty-deployment";
import { ROOT, TSX } from "./support/processes";
import { shootBothSizes } from "./support/screenshots";

// Issue 13: a college's own deployment starts from an empty database. The first admin comes from the
// command line (the README's deployment section), then the app starts without the demo and that admin
// signs in. The embedded database is the app's while it runs: the command refuses meanwhile.

const PORT = E2E_PORT + 20;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PASSWORD = "chengdu-wenli-2025";

test.describe("[ADMIN]: a deployment's first start", () => {
  const deployment = new EmptyDeployment("first-start", PORT);
  const createAdmin = (login: string) => deployment.createAdmin({ login, name: "张老师", password: PASSWORD });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const created = createAdmin("zhangls");
    expect(created.stderr).toBe("");
    expect(created.stdout.trim()).toBe("已创建管理员 zhangls（张老师）。现在可以用这个账号登录。");
    expect(created.status).toBe(0);
    await deployment.start();
  });

  test.afterAll(async () => {
    await deployment.remove();
  });

  test("the admin made on the command line signs in to an empty app that says what to do first", async ({ page }) => {
    expect(deployment.app?.output()).not.toContain("demo campaign loaded");
    await page.goto(`${ORIGIN}/login`);
    await waitForHydration(page, "form");
    await new LoginPage(page).signIn("zhangls", PASSWORD);
    await expect(page).toHaveURL(`${ORIGIN}/admin`);
    await expect(page.getByText("还没有回访工作计划。")).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText("张老师");
  });

  test("the admin creates the first campaign in the browser, and it is the current one", async ({ page }) => {
    await page.goto(`${ORIGIN}/login`);
    await waitForHydration(page, "form");
    await new LoginPage(page).signIn("zhangls", PASSWORD);
    await page.getByTestId("create-first-campaign").click();
    await expect(page).toHaveURL(`${ORIGIN}/admin/campaigns`);
    await expect(page.getByText("还没有回访工作计划。请先在下面新建本年度的计划。")).toBeVisible();
    const form = page.getByTestId("new-campaign");
    // each field's own error line (the form's message line repeats the first)
    const fieldError = (sentence: string) => form.locator('[id$="-error"]').getByText(sentence, { exact: true });
    await waitForHydration(page, '[data-testid="create-campaign"]');

    // nothing filled in: the missing fields say so, the first one has the focus, nothing is created
    await form.getByTestId("create-campaign").click();
    await expect(fieldError("请填写计划名称。")).toBeVisible();
    await expect(fieldError("计划招生人数须是 1–100000 之间的整数。")).toBeVisible();
    await expect(form.getByTestId("campaign-name")).toBeFocused();
    // then the phases, once the rest reads right
    await form.getByTestId("campaign-name").fill("2026年单招录取回访");
    await form.getByTestId("campaign-plan-size").fill("1403");
    await form.getByTestId("create-campaign").click();
    await expect(fieldError("请填写。")).toHaveCount(8);
    await expect(form.getByTestId("campaign-phase-1-opensAt")).toBeFocused();

    const windows = [
      ["2026-04-20T08:00", "2026-05-10T22:00"],
      ["2026-05-11T08:00", "2026-06-10T22:00"],
      ["2026-06-11T08:00", "2026-07-31T22:00"],
      ["2026-08-25T08:00", "2026-12-31T22:00"],
    ];
    for (const [index, [opensAt, closesAt]] of windows.entries()) {
      await form.getByTestId(`campaign-phase-${index + 1}-opensAt`).fill(opensAt ?? "");
      await form.getByTestId(`campaign-phase-${index + 1}-closesAt`).fill(closesAt ?? "");
    }
    await shootBothSizes(page, "new-campaign");
    await form.getByTestId("create-campaign").click();
    await expect(form.getByTestId("campaign-message")).toHaveText("已新建“2026年单招录取回访”，并设为当前计划。");
    await expect(page.getByTestId("campaign-list")).toContainText("2026年单招录取回访");
    await expect(page.getByTestId("campaign-list")).toContainText("当前");

    // every working page now has a campaign: the admin's home shows it, in its first phase
    await page.goto(`${ORIGIN}/admin`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("2026年单招录取回访");
    await expect(page.getByTestId("phase-windows")).toContainText("4/20");
  });

  test("the command refuses while the app holds the embedded database", () => {
    const refused = createAdmin("second");
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toMatch(
      /^内置数据库（.+）正被进程 \d+ 使用：请先停止正在运行的应用，再执行此命令。$/,
    );
  });

  test("the start refuses a second app on the same data folder", async () => {
    const second = spawnSync(TSX, ["scripts/serve.ts"], {
      cwd: ROOT,
      env: { ...deployment.env, PORT: String(PORT + 1) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/embedded database in .+ is open in process \d+/);
    await expect.poll(async () => (await fetch(`${ORIGIN}/login`)).status).toBe(200);
  });
});
