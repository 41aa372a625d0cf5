import { describe, expect, it } from "vitest";
import { penaltiesFromFindings } from "./penalties";

describe("penaltiesFromFindings", () => {
  it("sets the 误退 flag and adds deductions per caller, capped at 100%", () => {
    const penalties = penaltiesFromFindings([
      { callerId: "a", kind: "MISTAKEN_WITHDRAWAL", deductionPercent: null },
      { callerId: "a", kind: "FRAUD", deductionPercent: 30 },
      { callerId: "b", kind: "DERELICTION", deductionPercent: 60 },
      { callerId: "b", kind: "FAKE_CALLBACK", deductionPercent: 50 },
    ]);
    expect(penalties.get("a")).toEqual({ mistakenWithdrawal: true, fraudPercent: 30, slanderFindings: 0 });
    expect(penalties.get("b")).toEqual({ mistakenWithdrawal: false, fraudPercent: 100, slanderFindings: 0 });
  });

  it("costs nothing for a false promise or a finding without a percentage", () => {
    const penalties = penaltiesFromFindings([
      { callerId: "a", kind: "FALSE_PROMISE", deductionPercent: 40 },
      { callerId: "a", kind: "FRAUD", deductionPercent: null },
    ]);
    expect(penalties.get("a")).toEqual({ mistakenWithdrawal: false, fraudPercent: 0, slanderFindings: 0 });
    expect(penalties.has("c")).toBe(false);
  });

  it("counts 诋毁他人 findings, whatever percentage was typed (the policy's applies)", () => {
    const penalties = penaltiesFromFindings([
      { callerId: "a", kind: "SLANDER", deductionPercent: null },
      { callerId: "a", kind: "SLANDER", deductionPercent: 10 },
    ]);
    expect(penalties.get("a")).toEqual({ mistakenWithdrawal: false, fraudPercent: 0, slanderFindings: 2 });
  });
});
