import { describe, expect, it } from "vitest";
import { type PhaseRow, shiftPhaseRows } from "./phases";

describe("phase rows moved on by whole years", () => {
  const rows: PhaseRow[] = [
    { phase: 1, opensAt: "2024-04-20T08:00", closesAt: "2024-05-10T22:00" },
    { phase: 2, opensAt: "2024-02-29T08:00", closesAt: "2024-12-31T23:59" },
  ];

  it("moves every edge by the years between two campaigns, the time of day kept", () => {
    expect(shiftPhaseRows(rows, 1)).toEqual([
      { phase: 1, opensAt: "2025-04-20T08:00", closesAt: "2025-05-10T22:00" },
      { phase: 2, opensAt: "2025-02-28T08:00", closesAt: "2025-12-31T23:59" },
    ]);
  });

  it("keeps a 29 February in a leap year, backwards too", () => {
    expect(shiftPhaseRows(rows, 4)[1]?.opensAt).toBe("2028-02-29T08:00");
    expect(shiftPhaseRows(rows, -4)[1]?.opensAt).toBe("2020-02-29T08:00");
    expect(shiftPhaseRows(rows, 76)[1]?.opensAt).toBe("2100-02-28T08:00");
  });

  it("leaves an empty or unreadable edge for the admin to fill in", () => {
    expect(shiftPhaseRows([{ phase: 3, opensAt: "", closesAt: "6月1日" }], 1)).toEqual([
      { phase: 3, opensAt: "", closesAt: "6月1日" },
    ]);
  });
});
