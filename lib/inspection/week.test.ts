import { describe, expect, it } from "vitest";
import { DEFAULT_INSPECTION_POLICY, inspectionPolicyOf } from "./policy";
import { beijingHour, beijingWeekStart, parseWeek, shiftWeek, weekRange, weekStartDate } from "./week";

describe("Beijing weeks", () => {
  it.each([
    ["Monday 00:00 Beijing is Sunday 16:00 UTC", "2024-07-14T16:00:00Z", "2024-07-15"],
    ["a minute earlier is still the week before", "2024-07-14T15:59:00Z", "2024-07-08"],
    ["Sunday 23:59 Beijing", "2024-07-21T15:59:00Z", "2024-07-15"],
    ["Wednesday", "2024-07-17T04:00:00Z", "2024-07-15"],
  ])("%s", (_, instant, monday) => {
    expect(beijingWeekStart(new Date(instant))).toBe(monday);
  });

  it("covers Monday 00:00 to the next Monday 00:00, Beijing time", () => {
    expect(weekRange("2024-07-15")).toEqual({
      from: new Date("2024-07-14T16:00:00Z"),
      to: new Date("2024-07-21T16:00:00Z"),
    });
    expect(weekStartDate("2024-07-15")).toEqual(new Date("2024-07-15T00:00:00Z"));
    expect(shiftWeek("2024-07-15", -1)).toBe("2024-07-08");
    expect(shiftWeek("2024-12-30", 1)).toBe("2025-01-06");
  });

  it.each([
    ["2024-07-15", "2024-07-15"],
    ["2024-07-16", null], // a Tuesday
    ["2024-02-30", null],
    ["15/07/2024", null],
    [undefined, null],
  ])("parses the week %s as %s", (value, expected) => {
    expect(parseWeek(value)).toBe(expected);
  });

  it("reads the hour in Beijing", () => {
    expect(beijingHour(new Date("2024-07-15T14:00:00Z"))).toBe(22);
    expect(beijingHour(new Date("2024-07-15T00:00:00Z"))).toBe(8);
  });
});

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
