import { describe, expect, it } from "vitest";
import {
  groupRegion,
  mayDelete,
  type PoolMember,
  pickRefusal,
  recordsChanges,
  regionTakenBy,
  releaseRefusal,
} from "./roster";

describe("one region, one group", () => {
  const groups = [
    { id: "g1", region: "成都" },
    { id: "g2", region: "阿坝" },
    { id: "g3", region: "重庆" },
  ];
  it.each([
    ["the same name", "成都", undefined, "g1"],
    ["the official name", "成都市", undefined, "g1"],
    ["an autonomous prefecture's long name", "阿坝藏族羌族自治州", undefined, "g2"],
    ["with spaces", " 成 都 ", undefined, "g1"],
    ["outside Sichuan, written the same", "重庆", undefined, "g3"],
    ["a free region", "泸州市", undefined, null],
    ["the group's own region when editing it", "成都市", "g1", null],
    ["another group's region when editing", "成都", "g2", "g1"],
    ["a prefix is not a region", "成", undefined, null],
  ] as const)("%s", (_, region, exceptId, taken) => {
    expect(regionTakenBy(groups, region, exceptId)?.id ?? null).toBe(taken);
  });

  it.each([
    ["泸州市", "泸州"],
    ["凉山彝族自治州", "凉山"],
    [" 重庆 ", "重庆"],
  ])("stores %s as %s", (typed, stored) => {
    expect(groupRegion(typed)).toBe(stored);
  });
});

describe("pickRefusal", () => {
  const ok: PoolMember = { poolStatus: "APPROVED", qualification: "APPROVED", groupId: null, isCaller: true };
  it.each([
    ["approved, qualified, in no group", ok, null],
    ["still applying", { ...ok, poolStatus: "APPLIED" }, "notApproved"],
    ["turned down", { ...ok, poolStatus: "REJECTED" }, "notApproved"],
    ["failed the assessment", { ...ok, poolStatus: "REMOVED" }, "notApproved"],
    ["qualification pending", { ...ok, qualification: "PENDING" }, "notApproved"],
    ["an account without the caller's role", { ...ok, isCaller: false }, "notCaller"],
    ["in this group already", { ...ok, groupId: "g1" }, "inThisGroup"],
    ["in another group", { ...ok, groupId: "g2" }, "inAnotherGroup"],
  ] as const)("%s", (_, member, refusal) => {
    expect(pickRefusal(member, "g1")).toBe(refusal);
  });
});

describe("releaseRefusal", () => {
  const group = { id: "g1", leaderId: "leader" };
  it.each([
    ["a member with empty hands", { groupId: "g1", userId: "u" }, 0, null],
    ["a member holding candidates", { groupId: "g1", userId: "u" }, 3, "holdsCandidates"],
    ["the leader", { groupId: "g1", userId: "leader" }, 0, "isLeader"],
    ["someone of another group", { groupId: "g2", userId: "u" }, 0, "notInGroup"],
    ["someone in no group", { groupId: null, userId: "u" }, 0, "notInGroup"],
  ] as const)("%s", (_, member, held, refusal) => {
    expect(releaseRefusal(member, group, held)).toBe(refusal);
  });
});

describe("filing and deleting", () => {
  it("records changes only once the roster is filed", () => {
    expect(recordsChanges({ rosterApprovedAt: null })).toBe(false);
    expect(recordsChanges({ rosterApprovedAt: new Date(0) })).toBe(true);
  });
  it("deletes only a group without candidates", () => {
    expect(mayDelete(0)).toBe(true);
    expect(mayDelete(1)).toBe(false);
  });
});
