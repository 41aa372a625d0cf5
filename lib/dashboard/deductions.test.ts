import { describe, expect, it } from "vitest";
import { cardDeductions, totalDeductedPercent } from "./deductions";

describe("cardDeductions", () => {
  it("names each deducting finding with its percent, 误退 once with the share still paid, and skips the rest", () => {
    const deductions = cardDeductions(
      [
        { id: "f1", kind: "DERELICTION", deductionPercent: 20 },
        { id: "f2", kind: "FALSE_PROMISE", deductionPercent: null },
        { id: "f3", kind: "MISTAKEN_WITHDRAWAL", deductionPercent: null },
        { id: "f4", kind: "FAKE_CALLBACK", deductionPercent: 30 },
        { id: "f5", kind: "MISTAKEN_WITHDRAWAL", deductionPercent: null },
        // a deducting kind recorded without a percentage costs nothing, as in the payout
        { id: "f6", kind: "FRAUD", deductionPercent: null },
      ],
      50,
    );
    expect(deductions).toEqual([
      { id: "f1", kind: "DERELICTION", percent: 20 },
      { id: "f3", kind: "MISTAKEN_WITHDRAWAL", percent: 50 },
      { id: "f4", kind: "FAKE_CALLBACK", percent: 30 },
    ]);
    expect(totalDeductedPercent(deductions)).toBe(50);
  });

  it("caps the total at 100 and has nothing for no findings", () => {
    expect(
      totalDeductedPercent(
        cardDeductions(
          [
            { id: "f7", kind: "FRAUD", deductionPercent: 80 },
            { id: "f8", kind: "DERELICTION", deductionPercent: 40 },
          ],
          50,
        ),
      ),
    ).toBe(100);
    expect(cardDeductions([], 50)).toEqual([]);
  });
});
