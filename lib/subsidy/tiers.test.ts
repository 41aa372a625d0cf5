import { describe, expect, it } from "vitest";
import { type CallerInput, computePayouts } from "./index";

// One caller whose assigned = admitted; `met` decides whether the minimum workload (4 contacts and
// 20 minutes per assigned candidate) is exactly met or missed entirely.
function payout(enrolled: number, admitted: number, met: boolean) {
  const caller: CallerInput = {
    callerId: "c1",
    groupId: "g1",
    assigned: admitted,
    admitted,
    enrolled,
    contacts: met ? 4 * admitted : 0,
    minutes: met ? 20 * admitted : 0,
  };
  const result = computePayouts({ callers: [caller], groups: [{ groupId: "g1", leaderId: "c1" }] });
  const first = result.callers[0];
  if (first === undefined) {
    throw new Error("no payout");
  }
  return first;
}

// Workload met: step bonus = 50 fen per full permille above the tier's lower bound, only at r >= 93%.
describe("tier edges, minimum workload met", () => {
  it.each([
    // label, enrolled, admitted, permille, per-student fen, subsidy fen
    // 919/1000 = 91.9% < 92%: no tier, nothing
    ["91.9%", 919, 1000, 919, 0, 0],
    // 92.0%: tier ≥92% 55 元, below basic 93% so no step; 92 × 55 = 5,060 元
    ["92.0%", 92, 100, 920, 5500, 506_000],
    // 1859/2000 = 92.95% -> 929‰: tier ≥92% 55 元, below 93% no step; 1859 × 55 = 102,245 元
    ["92.95%", 1859, 2000, 929, 5500, 10_224_500],
    // 93.0% is still the 92 % tier (92 <= r <= 93); r >= 93 so step (930-920) = 10 × 0.5 = 5 -> 60 元;
    // 93 × 60 = 5,580 元
    ["93.0%", 93, 100, 930, 6000, 558_000],
    // 1861/2000 = 93.05% > 93%: tier 60 元, 930-930 = 0 steps -> 60 元; 1861 × 60 = 111,660 元
    ["93.05%", 1861, 2000, 930, 6000, 11_166_000],
    // 94.0%: tier >93% (r <= 94) 60 元 + (940-930) × 0.5 = 65 元; 94 × 65 = 6,110 元
    ["94.0%", 94, 100, 940, 6500, 611_000],
    // 95.0%: tier >94% 65 元 + 10 × 0.5 = 70 元; 95 × 70 = 6,650 元
    ["95.0%", 95, 100, 950, 7000, 665_000],
    // 96.0%: tier >95% 70 元 + 5 = 75 元; 96 × 75 = 7,200 元 (docs/domain.md's example)
    ["96.0%", 96, 100, 960, 7500, 720_000],
    // 97.0%: tier >96% 75 + 5 = 80 元; 97 × 80 = 7,760 元
    ["97.0%", 97, 100, 970, 8000, 776_000],
    // 98.0%: tier >97% 80 + 5 = 85 元; 98 × 85 = 8,330 元
    ["98.0%", 98, 100, 980, 8500, 833_000],
    // 1961/2000 = 98.05% > 98%: tier 85 元, 0 steps; 1961 × 85 = 166,685 元
    ["98.05%", 1961, 2000, 980, 8500, 16_668_500],
    // 99.0%: tier ≥99% 100 元, 0 steps; 99 × 100 = 9,900 元
    ["99.0%", 99, 100, 990, 10_000, 990_000],
    // 100%: tier ≥99% 100 元 + (1000-990) × 0.5 = 105 元; 100 × 105 = 10,500 元
    ["100%", 100, 100, 1000, 10_500, 1_050_000],
  ])("%s", (_label, enrolled, admitted, permille, perStudentFen, subsidyFen) => {
    const caller = payout(enrolled, admitted, true);
    expect(caller.ratePermille).toBe(permille);
    expect(caller.meetsMinimumWorkload).toBe(true);
    expect(caller.perStudentFen).toBe(perStudentFen);
    expect(caller.subsidyFen).toBe(subsidyFen);
  });
});

// Workload missed: no step bonus and 5 元 off the tier's standard, never below 0.
describe("tier edges, minimum workload missed", () => {
  it.each([
    // below 92%: 0 stays 0
    ["91.9%", 919, 1000, 0, 0],
    // 55 - 5 = 50 元; 92 × 50 = 4,600 元
    ["92.0%", 92, 100, 5000, 460_000],
    // 55 - 5 = 50 元; 1859 × 50 = 92,950 元
    ["92.95%", 1859, 2000, 5000, 9_295_000],
    // still the 55 tier, no step: 50 元; 93 × 50 = 4,650 元
    ["93.0%", 93, 100, 5000, 465_000],
    // tier 60 - 5 = 55 元; 1861 × 55 = 102,355 元
    ["93.05%", 1861, 2000, 5500, 10_235_500],
    // tier >93% (r <= 94) 60 - 5 = 55 元; 94 × 55 = 5,170 元
    ["94.0%", 94, 100, 5500, 517_000],
    // tier >94% 65 - 5 = 60 元; 95 × 60 = 5,700 元
    ["95.0%", 95, 100, 6000, 570_000],
    // tier >95% 70 - 5 = 65 元; 96 × 65 = 6,240 元
    ["96.0%", 96, 100, 6500, 624_000],
    // tier >96% 75 - 5 = 70 元; 97 × 70 = 6,790 元
    ["97.0%", 97, 100, 7000, 679_000],
    // tier >97% 80 - 5 = 75 元; 98 × 75 = 7,350 元
    ["98.0%", 98, 100, 7500, 735_000],
    // tier >98% 85 - 5 = 80 元; 1961 × 80 = 156,880 元
    ["98.05%", 1961, 2000, 8000, 15_688_000],
    // tier ≥99% 100 - 5 = 95 元; 99 × 95 = 9,405 元
    ["99.0%", 99, 100, 9500, 940_500],
    // no step without the workload: 95 元; 100 × 95 = 9,500 元
    ["100%", 100, 100, 9500, 950_000],
  ])("%s", (_label, enrolled, admitted, perStudentFen, subsidyFen) => {
    const caller = payout(enrolled, admitted, false);
    expect(caller.meetsMinimumWorkload).toBe(false);
    expect(caller.perStudentFen).toBe(perStudentFen);
    expect(caller.subsidyFen).toBe(subsidyFen);
  });
});

describe("explanation steps", () => {
  it("explains docs/domain.md's 95.67% example step by step", () => {
    // 287/300 = 95.67% -> 956‰; tier >95% 70 元; 956 - 950 = 6 steps × 0.50 = 3.00 -> 73.00 元;
    // 287 × 73 = 20,951 元
    const caller = payout(287, 300, true);
    expect(caller.perStudentFen).toBe(7300);
    expect(caller.subsidyFen).toBe(2_095_100);
    // "档位 >95%：70.00 元/人"
    expect(caller.steps).toContainEqual({
      kind: "tier",
      tierIndex: 4,
      lowerBoundPermille: 950,
      inclusive: false,
      fenPerStudent: 7000,
    });
    // "…步进 6 × 0.50 元 = 3.00 元，标准 70.00 + 3.00 = 73.00 元/人"
    expect(caller.steps).toContainEqual(
      expect.objectContaining({ kind: "stepBonus", steps: 6, fenPerStep: 50, bonusFen: 300 }),
    );
    // "287 人 × 73.00 元 = 20,951.00 元"
    expect(caller.steps).toContainEqual({
      kind: "perEnrolled",
      enrolled: 287,
      perStudentFen: 7300,
      subsidyFen: 2_095_100,
    });
    // "电话补贴 20,951.00 元"
    expect(caller.steps).toContainEqual({ kind: "phoneSubsidy", subsidyFen: 2_095_100 });
  });

  it("shows the exact rate and the floored permille", () => {
    const caller = payout(1861, 2000, true);
    // "报到率 = 报到 1861 人 ÷ 录取 2000 人 = 93.05%，计为 930‰（93.0%）"
    expect(caller.steps[0]).toEqual({ kind: "rate", enrolled: 1861, admitted: 2000, ratePermille: 930 });
    // "档位 >93%：60.00 元/人"
    expect(caller.steps).toContainEqual(
      expect.objectContaining({ kind: "tier", lowerBoundPermille: 930, fenPerStudent: 6000 }),
    );
  });

  it("says why there is no subsidy below the lowest tier", () => {
    const caller = payout(919, 1000, true);
    // "未达到最低档 ≥92%：无电话补贴"
    expect(caller.steps).toContainEqual({ kind: "belowLowestTier", lowerBoundPermille: 920, inclusive: true });
  });

  it("explains the workload deduction", () => {
    const caller = payout(96, 100, false);
    // "未达到最低工作量，无步进"
    expect(caller.steps).toContainEqual({ kind: "noStepWorkload" });
    // "未达到最低工作量，扣除 5.00 元/人：70.00 − 5.00，计 65.00 元/人"
    expect(caller.steps).toContainEqual({
      kind: "workloadDeduction",
      deductionFen: 500,
      beforeFen: 7000,
      perStudentFen: 6500,
    });
    // "96 人 × 65.00 元 = 6,240.00 元"
    expect(caller.steps).toContainEqual({
      kind: "perEnrolled",
      enrolled: 96,
      perStudentFen: 6500,
      subsidyFen: 624_000,
    });
  });
});
