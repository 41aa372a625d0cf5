import { describe, expect, it } from "vitest";
import { type Probe, planSetup } from "./prerequisites";

const ready: Probe = {
  postgres: "up",
  postgresLocal: true,
  postgresInstalled: true,
  missingPackages: [],
  canInstall: false,
  postgresAddress: "127.0.0.1:5432",
};

describe("what npm test does before the suites", () => {
  it("does nothing on a machine that has everything", () => {
    expect(planSetup(ready)).toEqual([]);
  });

  it("as root on Debian, installs the browser's missing packages", () => {
    expect(planSetup({ ...ready, canInstall: true, missingPackages: ["chromium", "fonts-noto-cjk"] })).toEqual([
      { kind: "install", packages: ["chromium", "fonts-noto-cjk"] },
    ]);
  });

  it("starts an installed local server that is down, and leaves its authentication alone", () => {
    expect(planSetup({ ...ready, canInstall: true, postgres: "down" })).toEqual([{ kind: "start-postgres" }]);
  });

  it("installs, starts and opens to local connections a server where none is installed, with the browser", () => {
    expect(
      planSetup({
        ...ready,
        canInstall: true,
        postgres: "down",
        postgresInstalled: false,
        missingPackages: ["chromium"],
      }),
    ).toEqual([
      { kind: "install", packages: ["postgresql", "chromium"] },
      { kind: "start-postgres" },
      { kind: "trust-local-postgres" },
    ]);
  });

  it("without root, stops with the one command that installs everything missing", () => {
    const [step, ...rest] = planSetup({
      ...ready,
      postgres: "down",
      postgresInstalled: false,
      missingPackages: ["chromium", "nginx-light"],
    });
    expect(rest).toEqual([]);
    expect(step).toMatchObject({ kind: "fail", problem: expect.stringContaining("postgresql, chromium, nginx-light") });
    expect(step?.kind === "fail" && step.fix).toBe(
      "sudo apt-get update && sudo apt-get install -y postgresql chromium nginx-light" +
        " && sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start",
    );
  });

  it("without root, says how to start an installed server that is down", () => {
    expect(planSetup({ ...ready, postgres: "down" })).toEqual([
      expect.objectContaining({ kind: "fail", fix: expect.stringContaining("pg_ctlcluster") }),
    ]);
  });

  it("never touches a server on another machine, even as root", () => {
    const steps = planSetup({
      ...ready,
      canInstall: true,
      postgres: "down",
      postgresLocal: false,
      postgresAddress: "db:5432",
    });
    expect(steps).toEqual([
      expect.objectContaining({
        kind: "fail",
        problem: expect.stringContaining("db:5432"),
        fix: expect.stringContaining("TEST_DATABASE_URL"),
      }),
    ]);
  });

  it("asks for a role with a password when the server refuses ours, rather than loosening its rules", () => {
    expect(planSetup({ ...ready, canInstall: true, postgres: "auth-refused" })).toEqual([
      expect.objectContaining({ kind: "fail", fix: expect.stringContaining("TEST_DATABASE_URL") }),
    ]);
  });
});
