import { describe, expect, it } from "vitest";
import { notEnrolledCaseWhere, notEnrolledSince } from "./not-enrolled";

const closes = new Date("2024-09-15T00:00:00Z");
const windows = [
  { phase: 3, opensAt: new Date("2024-07-10T00:00:00Z"), closesAt: new Date("2024-08-01T00:00:00Z") },
  { phase: 4, opensAt: new Date("2024-08-01T00:00:00Z"), closesAt: closes },
];

describe("notEnrolledSince: when the queue derives 未报到 cases", () => {
  it.each([
    ["before the 报到 window closes", new Date(closes.getTime() - 1), true, null],
    ["from the moment it closes", closes, true, closes],
    ["long after", new Date("2024-12-01T00:00:00Z"), true, closes],
    ["with the policy's switch off", closes, false, null],
  ])("%s", (_, now, escalateNotEnrolled, expected) => {
    expect(notEnrolledSince(windows, { escalateNotEnrolled }, now)).toEqual(expected);
  });

  it("never for a campaign without a 报到 window", () => {
    expect(notEnrolledSince(windows.slice(0, 1), { escalateNotEnrolled: true }, closes)).toBeNull();
  });

  it("counts only 未报到 cases raised since the close as already routed", () => {
    const where = notEnrolledCaseWhere(closes);
    expect(where).toMatchObject({ admitted: true, enrollmentRecord: null, enrollment: { not: "ENROLLED" } });
    expect(JSON.stringify(where.escalations)).toContain(closes.toISOString());
  });
});
