import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/auth/permissions";
import { leadChange, memberChange, roleChangeRefusal, TEAM_KEYS, TEAMS } from "./rules";

const other = { self: false, activeAdmins: 2 };

describe("who manages which team", () => {
  it.each([
    ["strike", "CALLBACK_LEAD"],
    ["inspection", "INSPECTION_LEAD"],
    ["data", "DATA_LEAD"],
  ] as const)("the %s team is managed by its lead (%s) and by admins, by nobody else", (key, lead) => {
    const team = TEAMS[key];
    expect(team.leadRole).toBe(lead);
    for (const role of ROLES) {
      expect(can([role], team.permission), role).toBe(role === lead || role === "ADMIN");
    }
  });

  it("manages each team's own member role only", () => {
    expect(TEAM_KEYS.map((k) => TEAMS[k].memberRole)).toEqual(["STRIKE", "INSPECTOR", "DATA"]);
  });
});

describe("adding and removing members", () => {
  it("adds the member role once, in the app's order", () => {
    expect(memberChange(TEAMS.strike, ["CALLER"], true, ROLES, other)).toEqual({
      ok: true,
      roles: ["CALLER", "STRIKE"],
      changed: true,
    });
    expect(memberChange(TEAMS.strike, ["CALLER", "STRIKE"], true, ROLES, other)).toMatchObject({ changed: false });
  });

  it("removes only the member role", () => {
    expect(memberChange(TEAMS.data, ["DATA", "INSPECTOR"], false, ROLES, other)).toEqual({
      ok: true,
      roles: ["INSPECTOR"],
      changed: true,
    });
    expect(memberChange(TEAMS.data, ["CALLER"], false, ROLES, other)).toMatchObject({ ok: true, changed: false });
  });

  it("keeps a co-lead an inspector while they lead, but the callback lead may leave the strike team", () => {
    expect(memberChange(TEAMS.inspection, ["INSPECTOR", "INSPECTION_LEAD"], false, ROLES, other)).toEqual({
      ok: false,
      refusal: "leadIsMember",
    });
    expect(memberChange(TEAMS.data, ["DATA", "DATA_LEAD"], false, ROLES, other)).toMatchObject({ ok: false });
    expect(memberChange(TEAMS.strike, ["CALLBACK_LEAD", "STRIKE"], false, ROLES, other)).toMatchObject({
      ok: true,
      roles: ["CALLBACK_LEAD"],
    });
  });
});

describe("naming and removing leads", () => {
  it("makes a new co-lead an inspector too, and the data lead a data member", () => {
    expect(leadChange(TEAMS.inspection, ["CALLER"], true, ROLES, other)).toMatchObject({
      roles: ["CALLER", "INSPECTOR", "INSPECTION_LEAD"],
    });
    expect(leadChange(TEAMS.data, [], true, ROLES, other)).toMatchObject({ roles: ["DATA", "DATA_LEAD"] });
    expect(leadChange(TEAMS.strike, ["GROUP_LEADER"], true, ROLES, other)).toMatchObject({
      roles: ["CALLBACK_LEAD", "GROUP_LEADER"],
    });
  });

  it("ends the office and keeps the membership", () => {
    expect(leadChange(TEAMS.inspection, ["INSPECTOR", "INSPECTION_LEAD"], false, ROLES, other)).toMatchObject({
      roles: ["INSPECTOR"],
    });
  });

  it("never lets anybody remove their own lead role", () => {
    for (const key of TEAM_KEYS) {
      const team = TEAMS[key];
      const before = [team.leadRole, team.memberRole];
      expect(leadChange(team, before, false, ROLES, { self: true, activeAdmins: 3 }), key).toEqual({
        ok: false,
        refusal: "ownLead",
      });
    }
    // naming oneself to a further team takes nothing away
    expect(leadChange(TEAMS.data, ["ADMIN"], true, ROLES, { self: true, activeAdmins: 1 })).toMatchObject({ ok: true });
  });
});

describe("the last admin", () => {
  it.each([
    [["ADMIN"], [], false, 1, "lastAdmin"],
    [["ADMIN"], [], false, 2, null],
    [["ADMIN", "DATA"], ["DATA"], true, 5, "ownLead"],
    [["DATA"], [], false, 1, null],
    [["ADMIN"], ["ADMIN", "DATA"], false, 1, null],
  ] as const)("%j -> %j (self %s, %i active admins): %s", (before, after, self, activeAdmins, refusal) => {
    expect(roleChangeRefusal({ before, after, self, activeAdmins })).toBe(refusal);
  });
});
