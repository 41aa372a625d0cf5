import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import {
  canMove,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  needsLeadership,
  registerOrder,
  seesLeadershipIncidents,
} from "./status";

describe("incident status moves", () => {
  it.each([
    ["OPEN", "HANDLING", true],
    ["OPEN", "CLOSED", true],
    ["HANDLING", "CLOSED", true],
    ["CLOSED", "HANDLING", true],
    ["HANDLING", "OPEN", false],
    ["CLOSED", "OPEN", false],
    ["OPEN", "OPEN", false],
    ["HANDLING", "HANDLING", false],
    ["CLOSED", "CLOSED", false],
  ] as const)("%s → %s: %s", (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it("never stays put, and every status can be left", () => {
    for (const from of INCIDENT_STATUSES) {
      expect(canMove(from, from)).toBe(false);
      expect(INCIDENT_STATUSES.some((to) => canMove(from, to))).toBe(true);
    }
  });
});

describe("what the leadership sees on the home page", () => {
  it.each([
    ["GENERAL", "OPEN", false],
    ["GENERAL", "HANDLING", false],
    ["SERIOUS", "OPEN", true],
    ["SERIOUS", "HANDLING", true],
    ["SERIOUS", "CLOSED", false],
    ["GRAVE", "OPEN", true],
    ["GRAVE", "HANDLING", true],
    ["GRAVE", "CLOSED", false],
  ] as const)("%s %s: %s", (severity, status, shown) => {
    expect(needsLeadership({ severity, status })).toBe(shown);
  });
});

describe("the register's order", () => {
  const at = (day: number) => new Date(Date.UTC(2024, 6, day));
  it("puts open before closed, graver first, then newest", () => {
    const rows = [
      { id: "closed-grave", severity: "GRAVE", status: "CLOSED", reportedAt: at(9) },
      { id: "general-new", severity: "GENERAL", status: "OPEN", reportedAt: at(9) },
      { id: "serious", severity: "SERIOUS", status: "HANDLING", reportedAt: at(1) },
      { id: "general-old", severity: "GENERAL", status: "OPEN", reportedAt: at(2) },
      { id: "grave", severity: "GRAVE", status: "OPEN", reportedAt: at(1) },
    ] as const;
    expect([...rows].sort(registerOrder).map((r) => r.id)).toEqual([
      "grave",
      "serious",
      "general-new",
      "general-old",
      "closed-grave",
    ]);
    expect(INCIDENT_SEVERITIES).toEqual(["GENERAL", "SERIOUS", "GRAVE"]);
  });
});

describe("whose home page lists them", () => {
  it.each([
    [["ADMIN"], true],
    [["INSPECTION_LEAD"], true],
    [["INSPECTOR", "INSPECTION_LEAD"], true],
    [["INSPECTOR"], false],
    [["CALLBACK_LEAD"], true],
    [["GROUP_LEADER", "CALLER"], false],
    [["DATA"], false],
  ] as const)("%j: %s", (roles, shown) => {
    expect(seesLeadershipIncidents(roles)).toBe(shown);
  });
});

describe("the leadership's spot-check of a contact record", () => {
  it("opens any record as inspectors do, but records no verdict", () => {
    for (const role of ["ADMIN", "INSPECTOR", "INSPECTION_LEAD"] as const) {
      expect(can([role], "contactLog.view"), role).toBe(true);
    }
    expect(can(["ADMIN"], "inspection.record")).toBe(false);
    expect(can(["CALLER"], "contactLog.view")).toBe(false);
    expect(can(["ADMIN"], "incident.view")).toBe(true);
    expect(can(["ADMIN"], "incident.record")).toBe(false);
  });
});
