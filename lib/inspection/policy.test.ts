import { describe, expect, it } from "vitest";
import { DEFAULT_INSPECTION_POLICY, inspectionPolicyOf } from "./policy";

describe("inspectionPolicyOf", () => {
  it("keeps valid stored values, replaces invalid or missing ones by the defaults", () => {
    expect(inspectionPolicyOf(null)).toEqual(DEFAULT_INSPECTION_POLICY);
    expect(inspectionPolicyOf({ sameMinuteLogs: 5, dayEndHour: "late", extra: 1 })).toEqual({
      ...DEFAULT_INSPECTION_POLICY,
      sameMinuteLogs: 5,
    });
  });

  it("falls back to the defaults when stored values contradict each other", () => {
    expect(inspectionPolicyOf({ dayStartHour: 23, dayEndHour: 6 })).toEqual(DEFAULT_INSPECTION_POLICY);
  });
});
