import { describe, expect, it } from "vitest";
import { healthAnswer, pendingMigrations } from "./answer";

describe("healthAnswer", () => {
  it.each([
    { finding: { reachable: true, pending: [] }, httpStatus: 200, status: "ok" },
    {
      finding: { reachable: true, pending: ["20261202043753_payout_issuer"] },
      httpStatus: 503,
      status: "migrations_pending",
    },
    { finding: { reachable: false }, httpStatus: 503, status: "database_unreachable" },
  ] as const)("answers $httpStatus $status", ({ finding, httpStatus, status }) => {
    expect(healthAnswer(finding, "1.2.3")).toEqual({ httpStatus, body: { status, version: "1.2.3" } });
  });

  it("never names a pending migration in its answer", () => {
    const answer = healthAnswer({ reachable: true, pending: ["20261202043753_payout_issuer"] }, "1.2.3");
    expect(JSON.stringify(answer.body)).not.toContain("payout_issuer");
  });
});

describe("pendingMigrations", () => {
  it("lists the committed migrations not applied, in their order", () => {
    expect(pendingMigrations(["b", "a", "c"], ["b"])).toEqual(["a", "c"]);
    expect(pendingMigrations(["a", "b"], ["a", "b", "z_from_a_newer_version"])).toEqual([]);
  });
});
