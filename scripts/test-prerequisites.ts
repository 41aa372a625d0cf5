// The first step of `npm test`: makes sure the machine has what the suites need besides node_modules, a
// PostgreSQL server for the integration tests and Debian's Chromium (with a CJK font, nginx and openssl) for the
// browser tests. As root on Debian it installs and starts what is missing, as .ci/run once did; anywhere else it
// stops at once with the one command that will. The decisions are in scripts/prerequisites.ts.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { adminUrl } from "@/tests/support/server-url";
import { BROWSER_PACKAGES, type BrowserPackage, type Probe, planSetup, type Step } from "./prerequisites";

const say = (line: string) => console.log(`[test setup] ${line}`);

/** Whether a Debian package's part the tests use is on this machine. */
function present(pkg: BrowserPackage): boolean {
  switch (pkg) {
    case "chromium":
      return existsSync("/usr/bin/chromium");
    case "fonts-noto-cjk":
      return run("fc-list", []).includes("Noto Sans CJK");
    case "nginx-light":
      return existsSync("/usr/sbin/nginx");
    case "openssl":
      return spawnSync("sh", ["-c", "command -v openssl"]).status === 0;
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return result.status === 0 ? result.stdout : "";
}

async function postgresState(url: string): Promise<Probe["postgres"]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return "up";
  } catch (error) {
    // 28P01 wrong password, 28000 no such role or not allowed by pg_hba.conf
    const code = (error as { code?: string }).code;
    return code === "28P01" || code === "28000" ? "auth-refused" : "down";
  } finally {
    await client.end().catch(() => {});
  }
}

function clusters(): string[] {
  return existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql") : [];
}

async function probe(url: string): Promise<Probe> {
  const address = new URL(url);
  return {
    postgres: await postgresState(url),
    postgresLocal: ["127.0.0.1", "localhost", "[::1]", "::1"].includes(address.hostname),
    postgresInstalled: clusters().length > 0,
    missingPackages: BROWSER_PACKAGES.filter((pkg) => !present(pkg)),
    canInstall: process.getuid?.() === 0 && existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get"),
    postgresAddress: `${address.hostname}:${address.port || "5432"}`,
  };
}

function sh(command: string, args: string[]) {
  say(`${command} ${args.join(" ")}`);
  execFileSync(command, args, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

async function carryOut(step: Exclude<Step, { kind: "fail" }>, url: string) {
  switch (step.kind) {
    case "install":
      sh("apt-get", ["update", "-qq"]);
      sh("apt-get", ["install", "-y", "-qq", ...step.packages]);
      return;
    case "start-postgres": {
      const version = clusters()[0];
      if (!version) throw new Error("no PostgreSQL cluster under /etc/postgresql to start");
      sh("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"]);
      for (let i = 0; i < 30 && (await postgresState(url)) === "down"; i++)
        await new Promise((resolve) => setTimeout(resolve, 1000));
      return;
    }
    case "trust-local-postgres": {
      const version = clusters()[0];
      const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
      const rules = "host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n";
      say(`${hba}: local TCP connections trusted (a server this setup installed for the tests)`);
      writeFileSync(hba, rules + readFileSync(hba, "utf8"));
      sh("pg_ctlcluster", ["--skip-systemctl-redirect", String(version), "main", "reload"]);
      return;
    }
  }
}

const url = adminUrl();
const steps = planSetup(await probe(url));
const failure = steps.find((step) => step.kind === "fail");
if (failure) {
  console.error(`[test setup] ${failure.problem}\n[test setup] Run: ${failure.fix}`);
  process.exit(1);
}
for (const step of steps) if (step.kind !== "fail") await carryOut(step, url);

// what was done must have worked: the same probe again, and nothing left to do
const after = await probe(url);
const left = planSetup(after);
if (after.postgres !== "up" || left.length > 0) {
  const problem = left.find((step) => step.kind === "fail");
  console.error(
    `[test setup] still not ready: PostgreSQL ${after.postgres} at ${after.postgresAddress}` +
      `${after.missingPackages.length > 0 ? `; missing ${after.missingPackages.join(", ")}` : ""}` +
      `${problem?.kind === "fail" ? `\n[test setup] Run: ${problem.fix}` : ""}`,
  );
  process.exit(1);
}
say(steps.length === 0 ? "PostgreSQL and the browser's packages are here" : "ready");
