import { describe, expect, it } from "vitest";
import { DEFAULT_WORKFLOW_POLICY, workflowPolicyOf, workflowPolicySchema } from "./policy";

describe("the default workflow policy", () => {
  it("is the plan's reading: 24 h to correct or backdate, 3 attempts over 2 days, 4 contacts and 20 minutes, 反悔, 明确不来 and 未报到 after the window go to the leader, 7 clean-up days", () => {
    expect(DEFAULT_WORKFLOW_POLICY).toEqual({
      editWindowHours: 24,
      backdateHours: 24,
      unreachableAttempts: 3,
      unreachableMinDays: 2,
      contactsPerCandidate: 4,
      minutesPerCandidate: 20,
      escalateRegretted: true,
      escalateWillNotCome: true,
      escalateNotEnrolled: true,
      cleanupDays: 7,
      evidencePerContact: 4,
    });
    expect(workflowPolicySchema.safeParse(DEFAULT_WORKFLOW_POLICY).success).toBe(true);
  });
});

describe("workflowPolicyOf (the campaign's stored JSON)", () => {
  it.each([
    ["null (an older campaign)", null],
    ["undefined", undefined],
    ["an empty object", {}],
  ])("gives the defaults for %s", (_, stored) => {
    expect(workflowPolicyOf(stored)).toEqual(DEFAULT_WORKFLOW_POLICY);
  });

  it("fills what a partial policy leaves out from the defaults", () => {
    expect(workflowPolicyOf({ editWindowHours: 48, unreachableAttempts: 5 })).toEqual({
      ...DEFAULT_WORKFLOW_POLICY,
      editWindowHours: 48,
      unreachableAttempts: 5,
    });
  });

  it("takes a complete policy as stored", () => {
    const stored = {
      editWindowHours: 12,
      backdateHours: 6,
      unreachableAttempts: 4,
      unreachableMinDays: 3,
      contactsPerCandidate: 5,
      minutesPerCandidate: 30,
      escalateRegretted: true,
      escalateWillNotCome: false,
      escalateNotEnrolled: false,
      cleanupDays: 10,
      evidencePerContact: 2,
    };
    expect(workflowPolicyOf(stored)).toEqual(stored);
  });

  it.each([
    ["a string", "not json"],
    ["a number", 42],
    ["an array", [24, 24]],
    ["a value of the wrong type", { editWindowHours: "48" }],
    ["a null value", { editWindowHours: null }],
    ["a negative hour count", { editWindowHours: -1 }],
    ["a fractional hour count", { backdateHours: 1.5 }],
    ["zero attempts", { unreachableAttempts: 0 }],
    ["a clean-up period over 60 days", { cleanupDays: 61 }],
    ["a negative clean-up period", { cleanupDays: -1 }],
    ["an edit window over two weeks", { editWindowHours: 24 * 14 + 1 }],
  ])("falls back to the defaults for %s", (_, stored) => {
    expect(workflowPolicyOf(stored)).toEqual(DEFAULT_WORKFLOW_POLICY);
  });

  it("keeps each valid value and defaults only the bad one beside it", () => {
    expect(workflowPolicyOf({ editWindowHours: 48, unreachableMinDays: 0 })).toEqual({
      ...DEFAULT_WORKFLOW_POLICY,
      editWindowHours: 48,
    });
  });

  it("ignores keys it does not know", () => {
    expect(workflowPolicyOf({ editWindowHours: 48, retentionDays: 10 })).toEqual({
      ...DEFAULT_WORKFLOW_POLICY,
      editWindowHours: 48,
    });
  });

  it("never returns a policy the schema would refuse", () => {
    for (const stored of [null, {}, { editWindowHours: 1 }, { editWindowHours: -5 }, "x"]) {
      expect(workflowPolicySchema.safeParse(workflowPolicyOf(stored)).success).toBe(true);
    }
  });
});

describe("workflowPolicySchema", () => {
  it("refuses unknown keys", () => {
    const result = workflowPolicySchema.safeParse({ ...DEFAULT_WORKFLOW_POLICY, unreachableHours: 5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("refuses a policy with a key missing", () => {
    const { backdateHours: _, ...rest } = DEFAULT_WORKFLOW_POLICY;
    expect(workflowPolicySchema.safeParse(rest).success).toBe(false);
  });

  it.each([
    ["editWindowHours", 0, true],
    ["editWindowHours", 24 * 14, true],
    ["editWindowHours", 24 * 14 + 1, false],
    ["backdateHours", 24 * 7, true],
    ["backdateHours", 24 * 7 + 1, false],
    ["unreachableAttempts", 1, true],
    ["unreachableAttempts", 20, true],
    ["unreachableAttempts", 21, false],
    ["unreachableMinDays", 0, false],
    ["unreachableMinDays", 14, true],
    ["unreachableMinDays", 15, false],
    ["contactsPerCandidate", 0, true],
    ["contactsPerCandidate", 101, false],
    ["minutesPerCandidate", 1000, true],
    ["minutesPerCandidate", 20.5, false],
  ] as const)("%s = %s is %s", (key, value, valid) => {
    expect(workflowPolicySchema.safeParse({ ...DEFAULT_WORKFLOW_POLICY, [key]: value }).success).toBe(valid);
  });
});
