import { describe, expect, it } from "vitest";
import { deadlineOf, weeklyStatus } from "./deadline";

describe("deadline and status", () => {
  const week = "2024-07-15";

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
