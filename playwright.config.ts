// Browser tests: the production build (`npm run test:e2e` builds first) served by scripts/serve.ts on a
// fresh embedded database, so every run starts from the demo campaign, as a newcomer would start it.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// Another port (and HUIFANG_NEXT_DIST_DIR for the build) lets two checkouts' browser runs share a machine.
const PORT = Number(process.env.HUIFANG_E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;

// Playwright loads this file in the runner and again in every worker. Workers inherit the runner's
// environment, so only the runner (which sees the variable unset) wipes the data folder, before the
// web server starts; a worker never deletes the database under a running server.
if (!process.env.HUIFANG_E2E_DATA_DIR) {
  const dataDir = path.join(os.tmpdir(), `huifang-e2e-${PORT}`);
  rmSync(dataDir, { recursive: true, force: true });
  process.env.HUIFANG_E2E_DATA_DIR = dataDir;
}
const dataDir = process.env.HUIFANG_E2E_DATA_DIR;
// Everything the web server prints goes to this file as well, which the global teardown reads for
// personal data (tests/e2e/support/logs-hold-no-personal-data.ts); a new run starts it empty.
if (!process.env.HUIFANG_E2E_LOG_FILE) {
  process.env.HUIFANG_E2E_LOG_FILE = `${dataDir}.log`;
  rmSync(process.env.HUIFANG_E2E_LOG_FILE, { force: true });
}
const logFile = process.env.HUIFANG_E2E_LOG_FILE;

// Debian's Chromium (`npx playwright install` cannot download browsers here); the networking flags
// stop it from trying to reach hosts it cannot.
const launchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  // One embedded database (PGlite is a single session) and specs that change shared state (a locked
  // account, a disabled user): one worker, files in order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // No retries, not even on CI: the specs change the database (lock an account, disable a user), so a
  // retry would start from a different state and could only pass by accident or fail misleadingly.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    launchOptions,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Every spec runs on the desktop; the phone runs the tests tagged @phone (landings, screenshots).
    {
      name: "desktop",
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: "phone",
      grep: /@phone/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
  globalTeardown: "./tests/e2e/support/logs-hold-no-personal-data.ts",
  webServer: {
    command: `npx tsx scripts/serve.ts 2>&1 | tee -a '${logFile}'`,
    url: `${BASE_URL}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      // CI exports DATABASE_URL for the integration tests: empty means the embedded database here
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      // no public address: redirects follow the address each test uses (localhost, 127.0.0.1, the LAN's)
      NEXTAUTH_URL: "",
      PORT: String(PORT),
      HUIFANG_DATA_DIR: dataDir,
      HUIFANG_EMBEDDED_DB_PORT: String(PORT + 1),
      HUIFANG_DEMO: "on",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
