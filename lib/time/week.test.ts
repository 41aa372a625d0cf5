import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysToDay, beijingDay, weekdayOfDay } from "./beijing";
import * as Week from "./week";

const instant = fc.date({
  min: new Date("2000-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("the week of an instant", () => {
  it.each([
    ["Monday 00:00 Beijing is Sunday 16:00 UTC", "2024-07-14T16:00:00Z", "2024-07-15"],
    ["a minute earlier is still the week before", "2024-07-14T15:59:00Z", "2024-07-08"],
    ["Monday 00:30 Beijing", "2024-07-14T16:30:00Z", "2024-07-15"],
    ["Sunday 23:59 Beijing", "2024-07-21T15:59:00Z", "2024-07-15"],
    ["the next Monday 00:00 Beijing", "2024-07-21T16:00:00Z", "2024-07-22"],
    ["Wednesday", "2024-07-17T04:00:00Z", "2024-07-15"],
    ["a week across New Year", "2025-01-01T04:00:00Z", "2024-12-30"],
  ])("%s", (_, at, monday) => {
    expect(Week.of(new Date(at))).toBe(monday);
  });

  it("is a Monday whose range holds the instant, and the week of every instant in that range", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 7 * 86_400_000 - 1 }), (at, offset) => {
        const week = Week.of(at);
        expect(weekdayOfDay(week)).toBe(1);
        const { from, to } = Week.range(week);
        expect(at.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(at.getTime()).toBeLessThan(to.getTime());
        expect(to.getTime() - from.getTime()).toBe(7 * 86_400_000);
        expect(Week.of(new Date(from.getTime() + offset))).toBe(week);
      }),
    );
  });
});

describe("a week", () => {
  it("covers Monday 00:00 to the next Monday 00:00, Beijing time", () => {
    expect(Week.range("2024-07-15")).toEqual({
      from: new Date("2024-07-14T16:00:00Z"),
      to: new Date("2024-07-21T16:00:00Z"),
    });
    expect(Week.lastDay("2024-07-15")).toBe("2024-07-21");
  });

  it.each([
    ["2024-07-15", -1, "2024-07-08"],
    ["2024-12-30", 1, "2025-01-06"],
    ["2024-02-26", 1, "2024-03-04"],
    ["2024-07-15", 0, "2024-07-15"],
  ])("%s shifted by %i is %s", (week, weeks, shifted) => {
    expect(Week.shift(week, weeks)).toBe(shifted);
  });

  it("shifts by whole weeks and back", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -600, max: 600 }), (at, weeks) => {
        const week = Week.of(at);
        const shifted = Week.shift(week, weeks);
        expect(weekdayOfDay(shifted)).toBe(1);
        expect(Week.shift(shifted, -weeks)).toBe(week);
        expect(Week.of(new Date(Week.range(week).from.getTime() + weeks * 7 * 86_400_000))).toBe(shifted);
      }),
    );
  });

  it.each([
    ["2024-07-15", "2024-07-15"],
    ["2024-07-16", null], // a Tuesday
    ["2024-02-30", null],
    ["15/07/2024", null],
    ["", null],
    [undefined, null],
  ])("parses the key %j as %j", (key, week) => {
    expect(Week.parse(key)).toBe(week);
  });

  it("parses every week's own key, and no other day", () => {
    fc.assert(
      fc.property(instant, (at) => {
        const day = beijingDay(at);
        expect(Week.parse(day)).toBe(day === Week.of(at) ? day : null);
        expect(Week.parse(Week.of(at))).toBe(Week.of(at));
      }),
    );
  });
});

describe("the weeks between two instants", () => {
  it("lists them newest first", () => {
    expect(Week.between(new Date("2024-07-01T02:00:00Z"), new Date("2024-07-17T02:00:00Z"))).toEqual([
      "2024-07-15",
      "2024-07-08",
      "2024-07-01",
    ]);
    expect(Week.between(new Date("2024-07-17T02:00:00Z"), new Date("2024-07-17T02:00:00Z"))).toEqual(["2024-07-15"]);
  });

  it("lists every week once, a week apart, from the later instant's to the earlier's", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 * 86_400_000 }), (from, span) => {
        const to = new Date(from.getTime() + span);
        const weeks = Week.between(from, to);
        expect(weeks[0]).toBe(Week.of(to));
        expect(weeks.at(-1)).toBe(Week.of(from));
        expect(weeks.slice(1).map((week) => addDaysToDay(week, 7))).toEqual(weeks.slice(0, -1));
      }),
    );
  });
});
