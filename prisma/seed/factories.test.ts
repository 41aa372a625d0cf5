import { describe, expect, it } from "vitest";
import { phaseOpenAt } from "@/lib/workflow";
import { phaseWindowsAround } from "./factories";

describe("phaseWindowsAround", () => {
  const now = new Date("2026-11-27T02:00:00Z");

  it.each([1, 2, 3, 4] as const)("opens phase %i now, with the four windows back to back", (open) => {
    const windows = phaseWindowsAround(now, open);
    expect(windows.map((w) => w.phase)).toEqual([1, 2, 3, 4]);
    expect(phaseOpenAt(windows, now)).toBe(open);
    for (let i = 1; i < windows.length; i++) {
      expect(windows[i]?.opensAt.getTime()).toBe(windows[i - 1]?.closesAt.getTime());
    }
  });
});
