import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysToDay, beijingDay } from "@/lib/time";
import { campaignDays, dayWithin, phaseWindowDays, weekOverlaps, windowEdgesOutside } from "./date-bounds";

// Beijing times written as such: 2024-03-01T08:00+08:00 is 2024-03-01T00:00Z
const at = (beijing: string) => new Date(`${beijing}+08:00`);

const windows = [
  { opensAt: at("2024-03-01T08:00"), closesAt: at("2024-04-10T00:00") },
  { opensAt: at("2024-04-10T00:00"), closesAt: at("2024-07-01T00:00") },
  { opensAt: at("2024-07-01T00:00"), closesAt: at("2024-09-01T00:00") },
];

describe("phaseWindowDays", () => {
  it("runs from 1 January of the campaign's year to 31 December of the next", () => {
    expect(phaseWindowDays(2024)).toEqual({ first: "2024-01-01", last: "2025-12-31" });
  });

  it.each([
    ["2024-01-01T00:00", "2024-03-01T00:00", []],
    // a window closing at midnight after 31 December of the next year still ends on that day
    ["2025-09-01T00:00", "2026-01-01T00:00", []],
    ["2025-09-01T00:00", "2026-01-01T00:01", ["closesAt"]],
    ["2023-12-31T23:59", "2024-03-01T00:00", ["opensAt"]],
    ["2024-07-01T00:00", "9999-12-31T00:00", ["closesAt"]],
    ["1900-01-01T00:00", "9999-12-31T00:00", ["opensAt", "closesAt"]],
  ])("a window from %s to %s (Beijing), against 2024's range, is outside at %j", (opens, closes, outside) => {
    expect(windowEdgesOutside({ opensAt: at(opens), closesAt: at(closes) }, phaseWindowDays(2024))).toEqual(outside);
  });
});

describe("campaignDays", () => {
  it("runs from the day the first phase opens to the day the last one closes", () => {
    // the last window closes at midnight: its last day is 31 August
    expect(campaignDays(windows)).toEqual({ first: "2024-03-01", last: "2024-08-31" });
  });

  it("adds the clean-up days a policy gives after the last phase", () => {
    expect(campaignDays(windows, { cleanupDays: 14 })).toEqual({ first: "2024-03-01", last: "2024-09-14" });
  });

  it("has no range without phase windows", () => {
    expect(campaignDays([])).toBeNull();
  });

  it.each([
    ["2024-02-29T23:59", false],
    ["2024-03-01T00:00", true],
    ["2024-08-31T23:59", true],
    ["2024-09-01T00:00", false],
  ])("a follow-up at %s (Beijing) is inside: %s", (when, inside) => {
    expect(dayWithin(at(when), campaignDays(windows) as NonNullable<ReturnType<typeof campaignDays>>)).toBe(inside);
  });

  it("refuses the far-off dates that were accepted", () => {
    const range = campaignDays(windows) as NonNullable<ReturnType<typeof campaignDays>>;
    expect(dayWithin(new Date("9999-12-31T00:00:00Z"), range)).toBe(false);
    expect(weekOverlaps("1900-01-01", range)).toBe(false);
  });
});

describe("weekOverlaps", () => {
  const range = { first: "2024-03-01", last: "2024-08-31" };
  it.each([
    // the week of Monday 26 February holds 1 March
    ["2024-02-26", true],
    ["2024-02-19", false],
    // the week of Monday 26 August holds 31 August
    ["2024-08-26", true],
    ["2024-09-02", false],
  ])("the week of %s shares a day with the campaign: %s", (week, overlaps) => {
    expect(weekOverlaps(week, range)).toBe(overlaps);
  });
});

describe("day arithmetic", () => {
  it("moves across months, leap days and years", () => {
    expect(addDaysToDay("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysToDay("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDaysToDay("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("a window's first and last instants are inside the campaign's range, and the days around it are not", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 1, max: 400 * 86_400_000 }),
        fc.boolean(),
        (opens, length, atEnd) => {
          const window = { opensAt: new Date(opens), closesAt: new Date(opens + length) };
          const range = campaignDays([window]) as NonNullable<ReturnType<typeof campaignDays>>;
          const inside = new Date(atEnd ? opens + length - 1 : opens);
          expect(dayWithin(inside, range)).toBe(true);
          expect(dayWithin(new Date(Date.parse(`${addDaysToDay(range.first, -1)}T12:00:00+08:00`)), range)).toBe(false);
          expect(dayWithin(new Date(Date.parse(`${addDaysToDay(range.last, 1)}T12:00:00+08:00`)), range)).toBe(false);
          expect(beijingDay(window.opensAt)).toBe(range.first);
        },
      ),
    );
  });
});
