import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { rolesChangeRefusal, sameRoles } from "./edit-account";

describe("rolesChangeRefusal", () => {
  const refusalKey = (refusal: ReturnType<typeof rolesChangeRefusal>) => {
    const first = refusal?.roles?.[0];
    return first && typeof first === "object" ? first.key : null;
  };
  it.each<[string, Role[], Role[], boolean, number, string | null]>([
    ["keeps admin", ["ADMIN"], ["ADMIN", "CALLER"], true, 0, null],
    ["never was admin", ["CALLER"], ["CALLER", "STRIKE"], false, 0, null],
    ["takes admin from oneself", ["ADMIN", "CALLER"], ["CALLER"], true, 3, "accounts.errors.ownAdminRole"],
    ["takes admin from the last active one", ["ADMIN"], ["DATA"], false, 0, "accounts.errors.lastAdmin"],
    ["takes admin from one of two", ["ADMIN"], ["DATA"], false, 1, null],
    ["gives admin", ["DATA"], ["DATA", "ADMIN"], false, 0, null],
  ])("%s", (_, before, after, self, otherActiveAdmins, expected) => {
    expect(refusalKey(rolesChangeRefusal({ before, after, self, otherActiveAdmins }))).toBe(expected);
  });
});

describe("sameRoles", () => {
  it.each<[Role[], Role[], boolean]>([
    [["ADMIN", "CALLER"], ["CALLER", "ADMIN"], true],
    [["ADMIN"], ["ADMIN", "CALLER"], false],
    [["CALLER", "STRIKE"], ["CALLER", "DATA"], false],
    [[], [], true],
  ])("%j and %j: %s", (a, b, same) => {
    expect(sameRoles(a, b)).toBe(same);
  });
});
