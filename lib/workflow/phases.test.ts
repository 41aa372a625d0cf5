import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/common.en.json";
import zh from "@/lib/i18n/messages/common.zh-CN.json";
import { OUTCOMES_BY_PHASE, PHASES, phaseOpenAt } from "./phases";

const windows = [
  { phase: 1, opensAt: new Date("2024-03-20T00:00:00Z"), closesAt: new Date("2024-04-10T00:00:00Z") },
  { phase: 2, opensAt: new Date("2024-04-10T00:00:00Z"), closesAt: new Date("2024-04-25T00:00:00Z") },
  { phase: 4, opensAt: new Date("2024-07-01T00:00:00Z"), closesAt: new Date("2024-09-15T00:00:00Z") },
];

describe("phaseOpenAt", () => {
  it.each([
    ["2024-03-19T23:59:59Z", null],
    ["2024-03-20T00:00:00Z", 1],
    ["2024-04-09T23:59:59Z", 1],
    // a window is open up to, not including, its close: the next one takes over
    ["2024-04-10T00:00:00Z", 2],
    ["2024-05-01T00:00:00Z", null],
    ["2024-09-14T12:00:00Z", 4],
    ["2024-09-15T00:00:00Z", null],
  ])("at %s the open phase is %s", (at, phase) => {
    expect(phaseOpenAt(windows, new Date(at))).toBe(phase);
  });
});

describe("outcomes", () => {
  it("every phase allows reporting an unreachable candidate", () => {
    for (const phase of PHASES) expect(OUTCOMES_BY_PHASE[phase]).toContain("UNREACHABLE_PHONE_OFF");
  });

  it("every outcome has a label in both languages", () => {
    for (const phase of PHASES) {
      for (const outcome of OUTCOMES_BY_PHASE[phase]) {
        expect(zh.outcome, outcome).toHaveProperty(outcome);
        expect(en.outcome, outcome).toHaveProperty(outcome);
      }
    }
  });
});
