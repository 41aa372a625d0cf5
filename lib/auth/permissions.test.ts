import { describe, expect, it } from "vitest";
import {
  AREAS,
  allowedBeforeNewPassword,
  areasFor,
  can,
  homeFor,
  PERMISSIONS,
  type Permission,
  ROLES,
} from "./permissions";

describe("the role x permission matrix", () => {
  it("gives every permission to at least one role, and names only known roles", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it("lets inspectors read everything but write only inspection records", () => {
    const reads = (p: Permission) =>
      p.endsWith(".view") || p.endsWith(".viewAll") || p.endsWith(".export") || p.endsWith(".download");
    const writes = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(["INSPECTOR"], p) && !reads(p));
    // inspection records include the incident register and the patrols; and end their own sessions, as everybody may; and, as
    // every team member, log the families' questions they answer in phase 1 and their own 生源报备 (no
    // candidate's record: nothing they judge)
    expect(writes.sort()).toEqual([
      "account.changePassword",
      "account.endSessions",
      "assessment.record",
      "consultation.log",
      "incident.record",
      "inspection.record",
      "patrol.record",
      "sourceRegistration.record",
      "staff.qualify",
    ]);
    for (const p of ["groups.view", "groups.viewAll", "payouts.view", "campaign.export", "audit.view"] as const) {
      expect(can(["INSPECTOR"], p), p).toBe(true);
    }
  });

  it("lets admins alone write the scripts and the manual, and every role read the manual", () => {
    for (const role of ROLES) {
      expect(can([role], "scripts.edit"), role).toBe(role === "ADMIN");
      expect(can([role], "manual.view"), role).toBe(true);
    }
  });

  it("keeps callers out of admin, inspection and money", () => {
    for (const p of ["admin.view", "inspection.view", "payouts.view", "import.run", "staff.manage"] as const) {
      expect(can(["CALLER"], p), p).toBe(false);
    }
    expect(can(["CALLER"], "contact.log")).toBe(true);
  });

  it("unions the permissions of several roles", () => {
    expect(can(["CALLER"], "groups.view")).toBe(false);
    expect(can(["CALLER", "GROUP_LEADER"], "groups.view")).toBe(true);
    expect(can([], "calls.view")).toBe(false);
  });
});

describe("home pages", () => {
  it.each([
    [["ADMIN"], "/admin"],
    [["DATA"], "/admin"],
    [["CALLBACK_LEAD"], "/groups"],
    [["GROUP_LEADER", "CALLER"], "/groups"],
    [["CALLER"], "/calls"],
    [["INSPECTOR"], "/inspection"],
    [["STRIKE"], "/strike"],
    [["CALLBACK_LEAD", "STRIKE", "INSPECTOR"], "/groups"],
    [["DATA", "INSPECTOR"], "/admin"],
    [["INSPECTION_LEAD", "INSPECTOR"], "/inspection"],
    [["DATA_LEAD", "DATA"], "/admin"],
    [[], "/no-role"],
  ] as const)("%j lands on %s", (roles, home) => {
    expect(homeFor(roles)).toBe(home);
  });

  it("sends every role to an area that role may open", () => {
    for (const role of ROLES) {
      const home = homeFor([role]);
      const area = AREAS.find((a) => a.href === home);
      expect(area, role).toBeDefined();
      if (area) expect(can([role], area.permission)).toBe(true);
    }
  });

  it("shows only the areas a person may open", () => {
    expect(areasFor(["CALLER"]).map((a) => a.key)).toEqual(["calls", "consultations", "manual"]);
    expect(areasFor(["GROUP_LEADER", "CALLER"]).map((a) => a.key)).toEqual([
      "calls",
      "groups",
      "worklists",
      "consultations",
      "manual",
    ]);
    expect(areasFor([]).map((a) => a.key)).toEqual([]);
  });

  it("takes a team's lead who is not a member to the team page, and a member to the area", () => {
    expect(areasFor(["CALLBACK_LEAD"]).find((a) => a.key === "strike")?.href).toBe("/strike/team");
    expect(areasFor(["CALLBACK_LEAD", "STRIKE"]).find((a) => a.key === "strike")?.href).toBe("/strike");
    expect(areasFor(["CALLER"]).find((a) => a.key === "strike")).toBeUndefined();
  });
});

describe("the teams' leads", () => {
  it.each([
    ["team.strike.manage", ["CALLBACK_LEAD", "ADMIN"]],
    ["team.inspection.manage", ["INSPECTION_LEAD", "ADMIN"]],
    ["team.data.manage", ["DATA_LEAD", "ADMIN"]],
    ["team.leads.manage", ["ADMIN"]],
  ] as const)("%s is held by %j only", (permission, holders) => {
    for (const role of ROLES) expect(can([role], permission), role).toBe((holders as readonly string[]).includes(role));
  });

  it("lets those who steer, inspect or keep the data look at a past campaign, and nobody else", () => {
    const may = ROLES.filter((role) => can([role], "pastCampaign.view"));
    expect(may.sort()).toEqual(["ADMIN", "CALLBACK_LEAD", "DATA", "DATA_LEAD", "INSPECTION_LEAD", "INSPECTOR"]);
  });
});

describe("allowedBeforeNewPassword", () => {
  it("leaves an account whose password was reset only a new password and signing out everywhere", () => {
    const reset = { mustChangePassword: true };
    const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => allowedBeforeNewPassword(reset, p));
    expect(allowed.sort()).toEqual(["account.changePassword", "account.endSessions"]);
    expect(allowedBeforeNewPassword({ mustChangePassword: false }, "staff.manage")).toBe(true);
  });
});
