import { describe, expect, it } from "vitest";
import { DEFAULT_WORKFLOW_POLICY } from "@/lib/workflow/policy";
import { attachRefusal, lacksChatScreenshot, mayViewEvidence, screenshotsLeft } from "./rules";

const policy = { ...DEFAULT_WORKFLOW_POLICY, editWindowHours: 2, evidencePerContact: 4 };
// Beijing time: 2024-07-15 09:00 and later that day, the next morning
const at = (text: string) => new Date(`${text}+08:00`);
const log = (patch: Partial<{ callerId: string; createdAt: Date; evidenceCount: number }> = {}) => ({
  callerId: "me",
  createdAt: at("2024-07-15T09:00:00"),
  evidenceCount: 0,
  ...patch,
});

describe("lacksChatScreenshot", () => {
  it.each([
    ["WECHAT", 0, true],
    ["QQ", 0, true],
    ["WECHAT", 1, false],
    ["QQ", 3, false],
    ["SMS", 0, false],
    ["PHONE", 0, false],
    ["OTHER", 0, false],
  ] as const)("%s with %i screenshots: %s", (channel, evidenceCount, expected) => {
    expect(lacksChatScreenshot({ channel, evidenceCount })).toBe(expected);
  });
});

describe("attachRefusal", () => {
  it("lets the caller add up to the policy's number on the day of the contact", () => {
    expect(attachRefusal(log(), 4, "me", at("2024-07-15T23:30:00"), policy)).toBeNull();
    expect(attachRefusal(log({ evidenceCount: 3 }), 1, "me", at("2024-07-15T12:00:00"), policy)).toBeNull();
  });

  it("refuses more than the policy's number, counting those already kept", () => {
    expect(attachRefusal(log(), 5, "me", at("2024-07-15T10:00:00"), policy)).toBe("OVER_LIMIT");
    expect(attachRefusal(log({ evidenceCount: 4 }), 1, "me", at("2024-07-15T10:00:00"), policy)).toBe("OVER_LIMIT");
    expect(
      attachRefusal(log({ evidenceCount: 1 }), 1, "me", at("2024-07-15T10:00:00"), {
        evidencePerContact: 1,
        editWindowHours: 2,
      }),
    ).toBe("OVER_LIMIT");
  });

  it("refuses anyone but the contact's caller", () => {
    expect(attachRefusal(log({ callerId: "other" }), 1, "me", at("2024-07-15T10:00:00"), policy)).toBe("NOT_AUTHOR");
  });

  it("allows the next day only within the edit window", () => {
    const late = log({ createdAt: at("2024-07-15T23:00:00") });
    expect(attachRefusal(late, 1, "me", at("2024-07-16T00:30:00"), policy)).toBeNull();
    expect(attachRefusal(late, 1, "me", at("2024-07-16T01:30:00"), policy)).toBe("TOO_LATE");
    expect(attachRefusal(log(), 1, "me", at("2024-07-16T08:00:00"), { ...policy, editWindowHours: 24 })).toBeNull();
  });

  it("counts how many more a log may take", () => {
    expect(screenshotsLeft(0, policy)).toBe(4);
    expect(screenshotsLeft(3, policy)).toBe(1);
    expect(screenshotsLeft(6, policy)).toBe(0);
  });
});

describe("mayViewEvidence", () => {
  const candidate = { assignedCallerId: "caller", groupLeaderId: "leader", claimedBy: ["striker"] };
  it.each([
    ["an inspector, any candidate", { id: "x", roles: ["INSPECTOR"] }, true],
    ["the current caller", { id: "caller", roles: ["CALLER"] }, true],
    ["another caller", { id: "other", roles: ["CALLER"] }, false],
    ["the group's leader", { id: "leader", roles: ["GROUP_LEADER", "CALLER"] }, true],
    ["another group's leader", { id: "leader2", roles: ["GROUP_LEADER"] }, false],
    ["a strike member holding the case", { id: "striker", roles: ["STRIKE"] }, true],
    ["a strike member without it", { id: "striker2", roles: ["STRIKE"] }, false],
    ["the data team", { id: "data", roles: ["DATA"] }, false],
    ["an admin", { id: "admin", roles: ["ADMIN"] }, false],
    ["the caller id without the caller role", { id: "caller", roles: ["DATA"] }, false],
  ] as const)("%s: %s", (_, viewer, expected) => {
    expect(mayViewEvidence(viewer, candidate)).toBe(expected);
  });
});
