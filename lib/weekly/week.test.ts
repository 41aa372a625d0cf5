import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineOf, parseWeekKey, weekKey, weeklyStatus, weekRange, weekStartOf, weeksBetween } from "./week";

describe("weekStartOf", () => {
  it.each([
    // Monday 00:30 Beijing is Sunday 16:30 UTC: already the new week
    ["2024-07-14T16:30:00Z", "2024-07-15"],
    // Sunday 23:59 Beijing is still the week before
    ["2024-07-21T15:59:00Z", "2024-07-15"],
    ["2024-07-21T16:00:00Z", "2024-07-22"],
    ["2024-07-17T04:00:00Z", "2024-07-15"],
  ])("%s falls in the week of %s", (at, monday) => {
    expect(weekKey(weekStartOf(new Date(at)))).toBe(monday);
  });

  it("always gives a Monday whose week contains the instant", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), (at) => {
        const start = weekStartOf(at);
        expect(start.getUTCDay()).toBe(1);
        const { from, to } = weekRange(start);
        expect(at.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(at.getTime()).toBeLessThan(to.getTime());
      }),
    );
  });
});

describe("deadline and status", () => {
  const week = new Date("2024-07-15T00:00:00Z");

  it("is Monday 12:00 Beijing time after the week", () => {
    expect(deadlineOf(week).toISOString()).toBe("2024-07-22T04:00:00.000Z");
  });

  it.each([
    [null, "2024-07-20T04:00:00Z", "open"],
    [null, "2024-07-22T04:00:01Z", "overdue"],
    ["2024-07-22T04:00:00Z", "2024-07-23T00:00:00Z", "submitted"],
    ["2024-07-22T04:00:01Z", "2024-07-23T00:00:00Z", "late"],
  ])("submitted %s, now %s: %s", (submitted, now, status) => {
    expect(weeklyStatus(week, submitted ? new Date(submitted) : null, new Date(now))).toBe(status);
  });
});

describe("week keys", () => {
  it("parses Mondays only", () => {
    expect(parseWeekKey("2024-07-15")?.toISOString()).toBe("2024-07-15T00:00:00.000Z");
    expect(parseWeekKey("2024-07-16")).toBeNull();
    expect(parseWeekKey("2024-02-30")).toBeNull();
    expect(parseWeekKey("15/07/2024")).toBeNull();
  });

  it("lists weeks newest first", () => {
    const weeks = weeksBetween(new Date("2024-07-01T02:00:00Z"), new Date("2024-07-17T02:00:00Z")).map(weekKey);
    expect(weeks).toEqual(["2024-07-15", "2024-07-08", "2024-07-01"]);
  });
});
