import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { mayLookBack, shownCampaign } from "./view";

const campaignIds = ["c2024", "c2025"];

describe("who may look at a past campaign", () => {
  it("lets admins, the callback lead, inspectors and the data team look back, and nobody else", () => {
    expect(ROLES.filter((role) => mayLookBack([role])).sort()).toEqual([
      "ADMIN",
      "CALLBACK_LEAD",
      "DATA",
      "DATA_LEAD",
      "INSPECTION_LEAD",
      "INSPECTOR",
    ]);
    expect(mayLookBack(["CALLER", "GROUP_LEADER", "STRIKE"])).toBe(false);
    expect(mayLookBack(["CALLER", "INSPECTOR"])).toBe(true);
  });
});

describe("which campaign a page shows", () => {
  it.each([
    ["an admin's past campaign", "c2024", ["ADMIN"], { id: "c2024", past: true }],
    ["the current one asked for", "c2025", ["ADMIN"], { id: "c2025", past: false }],
    ["no cookie", undefined, ["ADMIN"], { id: "c2025", past: false }],
    ["a caller's cookie, ignored", "c2024", ["CALLER"], { id: "c2025", past: false }],
    ["a group leader's cookie, ignored", "c2024", ["GROUP_LEADER", "CALLER"], { id: "c2025", past: false }],
    ["an unknown id, ignored", "deleted", ["INSPECTOR"], { id: "c2025", past: false }],
    ["the data team's past campaign", "c2024", ["DATA"], { id: "c2024", past: true }],
  ] as const)("%s", (_, requested, roles, shown) => {
    expect(shownCampaign({ requested, roles, campaignIds, currentId: "c2025" })).toEqual(shown);
  });

  it("shows nothing when there is no campaign at all", () => {
    expect(shownCampaign({ requested: "c2024", roles: ["ADMIN"], campaignIds: [], currentId: null })).toEqual({
      id: null,
      past: false,
    });
  });
});
