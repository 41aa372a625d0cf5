import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDaysToDay,
  atBeijingClock,
  BEIJING_TIME_ZONE,
  beijingDateTime,
  beijingDay,
  beijingDaysBetween,
  beijingHour,
  beijingMinute,
  endOfBeijingDay,
  fromDateColumn,
  parseBeijingDateTime,
  parseDay,
  startOfBeijingDay,
  toDateColumn,
} from "./beijing";

// instants since China's last summer time (1991), where the tz database and the fixed offset agree
const modernInstant = fc.date({
  min: new Date("1992-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});
const anyDay = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const shanghai = new Intl.DateTimeFormat("en-CA", {
  timeZone: BEIJING_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** "2024-07-15T08:00", as the platform's tz database reads the instant in Asia/Shanghai. */
function shanghaiClock(at: Date): string {
  const part = Object.fromEntries(shanghai.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}

describe("the Beijing clock of an instant", () => {
  it.each([
    ["Beijing midnight is 16:00 UTC the day before", "2024-07-14T16:00:00Z", "2024-07-15T00:00", 0, 0],
    ["a minute earlier is still the day before", "2024-07-14T15:59:00Z", "2024-07-14T23:59", 23, 59],
    ["UTC midnight is 08:00", "2024-07-15T00:00:00Z", "2024-07-15T08:00", 8, 0],
    ["22:00 Beijing", "2024-07-15T14:00:00Z", "2024-07-15T22:00", 22, 0],
    ["New Year's Eve in UTC is New Year in Beijing", "2024-12-31T16:30:00Z", "2025-01-01T00:30", 0, 30],
    ["29 February", "2024-02-28T16:05:00Z", "2024-02-29T00:05", 0, 5],
  ])("%s", (_, instant, clock, hour, minute) => {
    const at = new Date(instant);
    expect(beijingDateTime(at)).toBe(clock);
    expect(beijingDay(at)).toBe(clock.slice(0, 10));
    expect(beijingHour(at)).toBe(hour);
    expect(beijingMinute(at)).toBe(minute);
  });

  it("reads as the tz database's Asia/Shanghai does, for any instant since 1992", () => {
    fc.assert(
      fc.property(modernInstant, (at) => {
        expect(beijingDateTime(at)).toBe(shanghaiClock(at));
      }),
    );
  });
});

describe("days", () => {
  it.each([
    ["2024-07-15", "2024-07-15"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["2024-02-30", null],
    ["2024-13-01", null],
    ["15/07/2024", null],
    ["2024-7-15", null],
    ["", null],
    [undefined, null],
    [null, null],
  ])("parses %j as %j", (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it.each([
    ["2024-08-31", 1, "2024-09-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-07-15", -7, "2024-07-08"],
    ["2024-07-15", 0, "2024-07-15"],
  ])("%s moved by %i days is %s", (day, days, moved) => {
    expect(addDaysToDay(day, days)).toBe(moved);
  });

  it("begins at 00:00 Beijing and ends at 23:59:59.999", () => {
    expect(startOfBeijingDay("2024-07-15")).toEqual(new Date("2024-07-14T16:00:00Z"));
    expect(endOfBeijingDay("2024-07-15")).toEqual(new Date("2024-07-15T15:59:59.999Z"));
    expect(atBeijingClock("2024-07-15", 23, 59, 59)).toEqual(new Date("2024-07-15T15:59:59Z"));
    expect(atBeijingClock("2024-07-15", 9)).toEqual(new Date("2024-07-15T01:00:00Z"));
  });

  it("holds exactly the instants whose Beijing day it is", () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 86_399_999 }), (day, offset) => {
        const start = startOfBeijingDay(day);
        expect(beijingDay(start)).toBe(day);
        expect(beijingDay(new Date(start.getTime() + offset))).toBe(day);
        expect(beijingDay(new Date(start.getTime() - 1))).toBe(addDaysToDay(day, -1));
        expect(beijingDay(endOfBeijingDay(day))).toBe(day);
        expect(beijingDay(new Date(endOfBeijingDay(day).getTime() + 1))).toBe(addDaysToDay(day, 1));
      }),
    );
  });

  it.each([
    ["23:59 to 00:01 Beijing the next day", "2024-07-15T15:59:00Z", "2024-07-15T16:01:00Z", 1],
    ["the same Beijing day across UTC midnight", "2024-07-15T20:00:00Z", "2024-07-16T06:00:00Z", 0],
    ["a week later", "2024-07-15T02:00:00Z", "2024-07-22T01:00:00Z", 7],
    ["across New Year", "2024-12-31T15:00:00Z", "2025-01-01T17:00:00Z", 2],
  ])("counts Beijing calendar days: %s", (_, earlier, later, days) => {
    expect(beijingDaysBetween(new Date(earlier), new Date(later))).toBe(days);
  });

  it("stores a day as its UTC midnight in a date column and reads it back", () => {
    expect(toDateColumn("2024-07-15")).toEqual(new Date("2024-07-15T00:00:00Z"));
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(fromDateColumn(toDateColumn(day))).toBe(day);
      }),
    );
  });
});

describe("Beijing wall-clock input", () => {
  it.each([
    ["2024-06-01T08:00", "2024-06-01T00:00:00.000Z"],
    [" 2024-06-01T00:30 ", "2024-05-31T16:30:00.000Z"],
    ["2024-02-30T08:00", null],
    ["2024-06-01T24:00", null],
    ["2024-06-01T08:60", null],
    ["2024-06-01 08:00", null],
    ["tomorrow", null],
  ])("reads %j as %j", (text, instant) => {
    expect(parseBeijingDateTime(text)?.toISOString() ?? null).toBe(instant);
  });

  it("reads back what it shows", () => {
    fc.assert(
      fc.property(modernInstant, (at) => {
        const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
        expect(parseBeijingDateTime(beijingDateTime(minute))).toEqual(minute);
      }),
    );
  });
});
