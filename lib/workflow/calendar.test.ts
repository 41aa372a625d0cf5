import { describe, expect, it } from "vitest";
import { atBeijingClock, startOfBeijingDay } from "@/lib/time";
import { phaseCalendar } from "./calendar";

const windows = [
  { phase: 2, opensAt: startOfBeijingDay("2024-07-10"), closesAt: startOfBeijingDay("2024-07-20") },
  { phase: 1, opensAt: startOfBeijingDay("2024-06-25"), closesAt: startOfBeijingDay("2024-07-05") },
  { phase: 3, opensAt: startOfBeijingDay("2024-07-20"), closesAt: startOfBeijingDay("2024-08-31") },
  { phase: 4, opensAt: startOfBeijingDay("2024-08-31"), closesAt: startOfBeijingDay("2024-09-10") },
];

describe("phaseCalendar", () => {
  it("orders the windows and names today's phase with its days left, today counted", () => {
    const c = phaseCalendar(windows, atBeijingClock("2024-06-25", 9));
    expect(c.windows.map((w) => [w.phase, w.state])).toEqual([
      [1, "open"],
      [2, "upcoming"],
      [3, "upcoming"],
      [4, "upcoming"],
    ]);
    expect(c.today).toBe(1);
    expect(c.daysLeft).toBe(10);
    expect(c.next).toBeNull();
  });

  it.each([
    ["2024-07-04", 23, 1],
    ["2024-07-04", 0, 1],
    ["2024-07-03", 12, 2],
  ])("on %s at %i:00 phase 1 has %i day(s) left", (day, hour, left) => {
    expect(phaseCalendar(windows, atBeijingClock(day, hour)).daysLeft).toBe(left);
  });

  it("between windows shows the next one and the days until it opens", () => {
    const c = phaseCalendar(windows, atBeijingClock("2024-07-06", 8));
    expect(c.today).toBeNull();
    expect(c.daysLeft).toBeNull();
    expect(c.next).toEqual({ phase: 2, daysUntil: 4 });
  });

  it("after the last window nothing is open or next", () => {
    const c = phaseCalendar(windows, atBeijingClock("2024-09-11", 8));
    expect(c.windows.every((w) => w.state === "closed")).toBe(true);
    expect(c.next).toBeNull();
  });
});
