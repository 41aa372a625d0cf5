import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyPercentHalfUp,
  enrollmentsNeeded,
  formatExactRate,
  formatPermille,
  formatYuanNumber,
  ratePermilleOf,
} from "./money";

describe("formatYuanNumber", () => {
  it.each([
    [720_000, "7,200.00"],
    [0, "0.00"],
    [5, "0.05"],
    [50, "0.50"],
    [100_000, "1,000.00"],
    [123_456_789, "1,234,567.89"],
    [-150, "-1.50"],
  ])("%i fen -> %s", (fen, text) => {
    expect(formatYuanNumber(fen)).toBe(text);
  });
});

describe("applyPercentHalfUp", () => {
  it.each([
    // 333 × 50% = 166.5 -> 167 (half up)
    [333, 50, 167],
    // 332 × 50% = 166
    [332, 50, 166],
    // 1 × 50% = 0.5 -> 1
    [1, 50, 1],
    // 1 × 49% = 0.49 -> 0
    [1, 49, 0],
    // 330750 × 21% = 69457.5 -> 69458
    [330_750, 21, 69_458],
    // 720000 × 20% = 144000
    [720_000, 20, 144_000],
    [720_000, 100, 720_000],
    [720_000, 0, 0],
  ])("%i fen × %i%% = %i fen", (amount, percent, expected) => {
    expect(applyPercentHalfUp(amount, percent)).toBe(expected);
  });
});

describe("ratePermilleOf", () => {
  it.each([
    // 1859000 / 2000 = 929.5 -> 929
    [1859, 2000, 929],
    // 287000 / 300 = 956.67 -> 956
    [287, 300, 956],
    // 45000 / 47 = 957.45 -> 957
    [45, 47, 957],
    [100, 100, 1000],
    [0, 7, 0],
    [93, 100, 930],
    // 939.11... floored
    [1234, 1314, 939],
    [2, 3, 666],
  ])("%i / %i -> %i‰", (enrolled, admitted, expected) => {
    expect(ratePermilleOf(enrolled, admitted)).toBe(expected);
  });

  it("has no rate without admitted candidates", () => {
    expect(ratePermilleOf(0, 0)).toBeNull();
  });
});

describe("enrollmentsNeeded", () => {
  it.each([
    // 297/319 = 93.1% already over 93%
    [297, 319, 930, 0],
    // 95% of 319 is 303.05 -> 304 needed, 297 enrolled -> 7 more
    [297, 319, 950, 7],
    // 93% of 100 is exactly 93
    [92, 100, 930, 1],
    [93, 100, 930, 0],
    [90, 100, 930, 3],
    [186, 200, 930, 0],
    [185, 200, 930, 1],
    [0, 1, 950, 1],
    [0, 0, 930, 0],
    [10, 0, 930, 0],
    // 1403 × 93% = 1304.79: 1305 are needed
    [1298, 1403, 930, 7],
  ])("%i of %i to reach %i‰ needs %i more", (enrolled, admitted, target, needed) => {
    expect(enrollmentsNeeded(enrolled, admitted, target)).toBe(needed);
  });

  it("is the smallest number that reaches the target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (admitted, enrolledSeed, target) => {
          const enrolled = enrolledSeed % (admitted + 1);
          const k = enrollmentsNeeded(enrolled, admitted, target);
          const reaches = (n: number) => n * 1000 >= target * admitted;
          expect(reaches(enrolled + k)).toBe(true);
          if (k > 0) expect(reaches(enrolled + k - 1)).toBe(false);
        },
      ),
    );
  });
});

describe("formatPermille", () => {
  it("shows permille as a percentage with one decimal", () => {
    expect(formatPermille(939)).toBe("93.9%");
    expect(formatPermille(1000)).toBe("100.0%");
    expect(formatPermille(5)).toBe("0.5%");
  });

  it("shows a dash where there is no rate", () => {
    expect(formatPermille(null)).toBe("—");
  });
});

describe("formatExactRate", () => {
  it.each([
    [96, 100, "96.00%"],
    // 287/300 = 95.666…%
    [287, 300, "95.66…%"],
    [1861, 2000, "93.05%"],
  ])("%i / %i -> %s", (enrolled, admitted, text) => {
    expect(formatExactRate(enrolled, admitted)).toBe(text);
  });
});
