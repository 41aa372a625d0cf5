import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { LoginPage, waitForHydration } from "./pages/login-page";
import { E2E_PORT } from "./support/addresses";
import { ROOT, type Started, start, stop, TSX } from "./support/processes";

// Issue 13: a college's own deployment starts from an empty database. The first admin comes from the
// command line (the README's deployment section), then the app starts without the demo and that admin
// signs in. The embedded database is the app's while it runs: the command refuses meanwhile.

const PORT = E2E_PORT + 20;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const PASSWORD = "chengdu-wenli-2025";

test.describe("[ADMIN]: a deployment's first start", () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "huifang-first-start-"));
  const env = {
    ...process.env,
    HUIFANG_DATA_DIR: dataDir,
    DATABASE_URL: "",
    DATABASE_OWNER_URL: "",
    HUIFANG_DEMO: "off",
  };
  let app: Started | undefined;

  const createAdmin = (login: string) =>
    spawnSync(TSX, ["scripts/cli.ts", "create-admin", "--login", login, "--name", "张老师"], {
      cwd: ROOT,
      env: { ...env, HUIFANG_ADMIN_PASSWORD: PASSWORD },
      encoding: "utf8",
    });

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const created = createAdmin("zhangls");
    expect(created.stderr).toBe("");
    expect(created.stdout.trim()).toBe("已创建管理员 zhangls（张老师）。现在可以用这个账号登录。");
    expect(created.status).toBe(0);
    app = await start(TSX, ["scripts/serve.ts"], { ...env, PORT: String(PORT) }, /\[huifang\] listening on port/);
  });

  test.afterAll(async () => {
    await stop(app);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("the admin made on the command line signs in to an empty app that says what to do first", async ({ page }) => {
    expect(app?.output()).not.toContain("demo campaign loaded");
    await page.goto(`${ORIGIN}/login`);
    await waitForHydration(page, "form");
    await new LoginPage(page).signIn("zhangls", PASSWORD);
    await expect(page).toHaveURL(`${ORIGIN}/admin`);
    await expect(page.getByText("还没有回访工作计划。")).toBeVisible();
    await expect(page.getByTestId("current-user")).toContainText("张老师");
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
      env: { ...env, PORT: String(PORT + 1) },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/embedded database in .+ is open in process \d+/);
    await expect.poll(async () => (await fetch(`${ORIGIN}/login`)).status).toBe(200);
  });
});
