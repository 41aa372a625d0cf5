// What `npm test` needs besides node_modules, and what to do when it is missing (scripts/test-prerequisites.ts
// probes the machine and carries the plan out). Pure: the probe's findings in, the steps out, so every case is a
// unit test and the runner holds no decisions of its own.

/** The Debian packages the browser tests need, each with how the runner tells it is there. */
export const BROWSER_PACKAGES = [
  // Playwright cannot download its own browser here: Debian's Chromium, with a font for Chinese pages
  "chromium",
  "fonts-noto-cjk",
  // the two-instance test puts nginx in front of two app servers, with a certificate openssl makes
  "nginx-light",
  "openssl",
] as const;

export type BrowserPackage = (typeof BROWSER_PACKAGES)[number];

export interface Probe {
  /** the server the integration tests use: reachable, refusing our role, or not answering */
  postgres: "up" | "auth-refused" | "down";
  /** its address is this machine (127.0.0.1, localhost, ::1): only then may the runner start or install one */
  postgresLocal: boolean;
  /** Debian's PostgreSQL is installed here (a cluster under /etc/postgresql) */
  postgresInstalled: boolean;
  /** the browser tests' packages not on this machine */
  missingPackages: readonly BrowserPackage[];
  /** root on Debian with apt-get: the runner may install packages and start servers */
  canInstall: boolean;
  /** the address the integration tests will use, for the messages (no password in it) */
  postgresAddress: string;
}

export type Step =
  | { kind: "install"; packages: readonly string[] }
  | { kind: "start-postgres" }
  /** a server this run installed answers only with a password: let local connections in, as a test machine's */
  | { kind: "trust-local-postgres" }
  | { kind: "fail"; problem: string; fix: string };

/**
 * The steps that get this machine ready, or the one failure that says what to run. A remote server is never
 * touched; a local server the runner did not install is started but its authentication is left alone.
 */
export function planSetup(probe: Probe): Step[] {
  const steps: Step[] = [];
  const needsPostgresPackage = probe.postgres === "down" && probe.postgresLocal && !probe.postgresInstalled;
  const packages = [...(needsPostgresPackage ? ["postgresql"] : []), ...probe.missingPackages];

  if (probe.postgres === "down" && !probe.postgresLocal)
    return [
      {
        kind: "fail",
        problem: `PostgreSQL at ${probe.postgresAddress} does not answer.`,
        fix: "Start that server, or point TEST_DATABASE_URL at one that runs (a role that may create databases).",
      },
    ];
  if (probe.postgres === "auth-refused")
    return [
      {
        kind: "fail",
        problem: `PostgreSQL at ${probe.postgresAddress} refuses the connection's role or password.`,
        fix: "Set TEST_DATABASE_URL to a role of that server that may create roles and databases, with its password.",
      },
    ];
  if (packages.length > 0 && !probe.canInstall)
    return [
      {
        kind: "fail",
        problem: `This machine lacks ${packages.join(", ")}, and only root on Debian can install them from here.`,
        fix: `sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}${
          needsPostgresPackage
            ? ` && sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`
            : ""
        }`,
      },
    ];
  if (probe.postgres === "down" && probe.postgresInstalled && !probe.canInstall)
    return [
      {
        kind: "fail",
        problem: `PostgreSQL is installed here but not running at ${probe.postgresAddress}.`,
        fix: "sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
      },
    ];

  if (packages.length > 0) steps.push({ kind: "install", packages });
  if (probe.postgres === "down") steps.push({ kind: "start-postgres" });
  // Debian's fresh cluster asks for a password over TCP: this run installed it, so it is a test machine's own
  if (needsPostgresPackage) steps.push({ kind: "trust-local-postgres" });
  return steps;
}
