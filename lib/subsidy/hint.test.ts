import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, text } from "@/lib/i18n/text";
import { type CallerInput, DEFAULT_POLICY, nextTierHint, SubsidyInputError, type SubsidyPolicy } from "./index";
import { yuan, yuanPerStudent } from "./steps";

const zh = translatorFor("zh-CN");

function caller(enrolled: number, admitted: number, overrides: Partial<CallerInput> = {}): CallerInput {
  return {
    callerId: "c1",
    groupId: "g1",
    assigned: admitted,
    admitted,
    enrolled,
    contacts: 4 * admitted,
    minutes: 20 * admitted,
    ...overrides,
  };
}

describe("nextTierHint", () => {
  it("finds the next tier and what it is worth", () => {
    // Now 45/47 = 95.74% -> 957‰: >95% 70 + 7 × 0.5 = 73.50 元; 45 × 73.50 = 3,307.50 元.
    // One more: 46/47 = 97.87% -> 978‰ skips >96% and lands in >97%: 80 + 8 × 0.5 = 84 元;
    // 46 × 84 = 3,864 元; gain 3,864 - 3,307.50 = 556.50 元.
    expect(nextTierHint(caller(45, 47), DEFAULT_POLICY)).toEqual({
      status: "reachable",
      additionalEnrolled: 1,
      ratePermille: 978,
      tierIndex: 2,
      perStudentFen: 8400,
      subsidyFen: 386_400,
      gainFen: 55_650,
      line: text("subsidy.hint.reachable", {
        extra: "1",
        exact: "97.87…%",
        percent: "97.8%",
        edge: ">97%",
        perStudent: yuanPerStudent(8400),
        current: "3,307.50",
        after: yuan(386_400),
        gain: yuan(55_650),
      }),
    });
    expect(renderText(zh, nextTierHint(caller(45, 47), DEFAULT_POLICY).line)).toBe(
      "再报到 1 人，报到率 97.87…%（计为 97.8%），进入档位 >97%：84.00 元/人，" +
        "电话补贴 3,307.50 → 3,864.00 元，多得 556.50 元",
    );
  });

  it("counts from below the lowest tier", () => {
    // 90/100: nothing. 92/100 = 92% reaches ≥92% with 2 more: 55 元 (below 93 %, no step);
    // 92 × 55 = 5,060 元, all of it a gain.
    const hint = nextTierHint(caller(90, 100), DEFAULT_POLICY);
    expect(hint).toMatchObject({
      status: "reachable",
      additionalEnrolled: 2,
      tierIndex: 7,
      perStudentFen: 5500,
      subsidyFen: 506_000,
      gainFen: 506_000,
    });
  });

  it("needs to pass 93% strictly to leave the 92% tier", () => {
    // 92/100 pays 92 × 55 = 5,060 元. 93/100 = 93.0% is still ≥92% (r <= 93), so 2 more: 94/100 ->
    // >93% 60 + (940 - 930) × 0.5 = 65 元; 94 × 65 = 6,110 元; gain 1,050 元.
    expect(nextTierHint(caller(92, 100), DEFAULT_POLICY)).toMatchObject({
      status: "reachable",
      additionalEnrolled: 2,
      ratePermille: 940,
      tierIndex: 6,
      perStudentFen: 6500,
      subsidyFen: 611_000,
      gainFen: 105_000,
    });
  });

  it("uses the caller's workload and own penalties", () => {
    // Workload missed: now 70 - 5 = 65 元 × 45 = 2,925 元; then 80 - 5 = 75 元 × 46 = 3,450 元;
    // 误退 halves both: 1,462.50 -> 1,725 元, gain 262.50 元.
    const hint = nextTierHint(caller(45, 47, { contacts: 0, mistakenWithdrawal: true }));
    expect(hint).toMatchObject({ status: "reachable", subsidyFen: 172_500, gainFen: 26_250 });
    expect(hint.line.key).toBe("subsidy.hint.reachableWorkloadMissed");
    expect(renderText(zh, hint.line)).toContain("未达到最低工作量");
  });

  it("has nothing to say at the top tier or without admitted candidates", () => {
    expect(nextTierHint(caller(99, 100)).status).toBe("top-tier");
    expect(nextTierHint(caller(0, 0)).status).toBe("no-admitted");
  });

  it("says when no higher tier can be reached", () => {
    // A top tier above 100 % cannot be reached even with every admitted candidate enrolled.
    const policy: SubsidyPolicy = {
      ...DEFAULT_POLICY,
      tiers: [{ lowerBoundPermille: 1000, inclusive: false, fenPerStudent: 1 }, ...DEFAULT_POLICY.tiers],
    };
    expect(nextTierHint(caller(100, 100), policy).status).toBe("unreachable");
  });

  it("names the top tier's edge, and says plainly when there is no rate or no higher tier", () => {
    expect(renderText(zh, nextTierHint(caller(99, 100)).line)).toBe(
      renderText(zh, text("subsidy.hint.topTier", { edge: "≥99%" })),
    );
    expect(nextTierHint(caller(0, 0)).line).toEqual(text("subsidy.hint.noAdmitted"));
    const unreachable: SubsidyPolicy = {
      ...DEFAULT_POLICY,
      tiers: [{ lowerBoundPermille: 1000, inclusive: false, fenPerStudent: 1 }, ...DEFAULT_POLICY.tiers],
    };
    expect(nextTierHint(caller(100, 100), unreachable).line).toEqual(text("subsidy.hint.unreachable"));
  });

  it("skips an enrollment that stays in the same tier: 95.5 % needs two more to pass 96 %", () => {
    // 192/200 = 96.0 % is still >95 %; 193/200 = 96.5 % is >96 %
    const hint = nextTierHint(caller(191, 200));
    expect(hint).toMatchObject({ status: "reachable", additionalEnrolled: 2, ratePermille: 965, tierIndex: 3 });
  });

  it("counts up to every admitted candidate enrolled", () => {
    // 9/10 is below every tier; only the tenth puts the caller at 100 %
    expect(nextTierHint(caller(9, 10))).toMatchObject({ status: "reachable", additionalEnrolled: 1, tierIndex: 0 });
  });

  it("rejects invalid input like computePayouts", () => {
    expect(() => nextTierHint(caller(11, 10))).toThrow(SubsidyInputError);
  });
});
