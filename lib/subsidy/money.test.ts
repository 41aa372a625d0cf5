import { describe, expect, it } from "vitest";
import { applyPercentHalfUp, formatExactRate, formatYuan, ratePermilleOf } from "./money";

describe("formatYuan", () => {
  it.each([
    [720_000, "7,200.00 元"],
    [0, "0.00 元"],
    [5, "0.05 元"],
    [50, "0.50 元"],
    [100_000, "1,000.00 元"],
    [123_456_789, "1,234,567.89 元"],
    [-150, "-1.50 元"],
  ])("%i fen -> %s", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
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
  ])("%i / %i -> %i‰", (enrolled, admitted, expected) => {
    expect(ratePermilleOf(enrolled, admitted)).toBe(expected);
  });

  it("has no rate without admitted candidates", () => {
    expect(ratePermilleOf(0, 0)).toBeNull();
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
