import { describe, expect, it } from "vitest";
import { computePayouts, DEFAULT_POLICY, subsidyPolicySchema } from "./index";

function issuePaths(candidate: unknown): PropertyKey[][] {
  const parsed = subsidyPolicySchema.safeParse(candidate);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path);
}

describe("DEFAULT_POLICY", () => {
  it("is a valid policy", () => {
    expect(subsidyPolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true);
  });

  it("is the seed's table, read row by row", () => {
    // ≥99 100元, >98% 85元, >97% 80元, >96% 75元, >95% 70元, >94% 65元, >93% 60元, ≥92% 55元, 92%以下 无
    expect(DEFAULT_POLICY.tiers.map((t) => [t.inclusive ? "≥" : ">", t.lowerBoundPermille, t.fenPerStudent])).toEqual([
      ["≥", 990, 10_000],
      [">", 980, 8_500],
      [">", 970, 8_000],
      [">", 960, 7_500],
      [">", 950, 7_000],
      [">", 940, 6_500],
      [">", 930, 6_000],
      ["≥", 920, 5_500],
    ]);
    expect(DEFAULT_POLICY.basicTaskPermille).toBe(930);
    expect(DEFAULT_POLICY.targetTaskPermille).toBe(950);
    expect(DEFAULT_POLICY.leaderBonus).toEqual({
      groupRate: "pooled",
      atBasicFen: 100_000,
      atTargetFen: 150_000,
    });
  });
});

describe("an invalid policy is rejected with the path of the wrong field", () => {
  it.each([
    [
      "tiers out of order",
      {
        ...DEFAULT_POLICY,
        tiers: [DEFAULT_POLICY.tiers[1], DEFAULT_POLICY.tiers[0], ...DEFAULT_POLICY.tiers.slice(2)],
      },
      ["tiers", 1, "lowerBoundPermille"],
    ],
    [
      "fractional fen per student",
      {
        ...DEFAULT_POLICY,
        tiers: [{ lowerBoundPermille: 920, inclusive: true, fenPerStudent: 5500.5 }],
      },
      ["tiers", 0, "fenPerStudent"],
    ],
    [
      "bound above 100%",
      {
        ...DEFAULT_POLICY,
        tiers: [{ lowerBoundPermille: 1001, inclusive: true, fenPerStudent: 1 }],
      },
      ["tiers", 0, "lowerBoundPermille"],
    ],
    ["no tiers", { ...DEFAULT_POLICY, tiers: [] }, ["tiers"]],
    ["negative step", { ...DEFAULT_POLICY, step: { sizePermille: 1, fenPerStep: -50 } }, ["step", "fenPerStep"]],
    ["zero step size", { ...DEFAULT_POLICY, step: { sizePermille: 0, fenPerStep: 50 } }, ["step", "sizePermille"]],
    ["target below basic", { ...DEFAULT_POLICY, targetTaskPermille: 920 }, ["targetTaskPermille"]],
    [
      "unknown group rate",
      { ...DEFAULT_POLICY, leaderBonus: { ...DEFAULT_POLICY.leaderBonus, groupRate: "median" } },
      ["leaderBonus", "groupRate"],
    ],
    [
      "target bonus below basic bonus",
      { ...DEFAULT_POLICY, leaderBonus: { ...DEFAULT_POLICY.leaderBonus, atTargetFen: 50_000 } },
      ["leaderBonus", "atTargetFen"],
    ],
    [
      "factor above 100%",
      { ...DEFAULT_POLICY, mistakenWithdrawal: { payoutPercent: 150, coversOvertime: true } },
      ["mistakenWithdrawal", "payoutPercent"],
    ],
    [
      "negative bottom count",
      { ...DEFAULT_POLICY, bottomRank: { count: -1, overtimePayoutPercent: 50 } },
      ["bottomRank", "count"],
    ],
    [
      "fraud range upside down",
      { ...DEFAULT_POLICY, fraud: { ...DEFAULT_POLICY.fraud, minPercent: 60, maxPercent: 40 } },
      ["fraud", "maxPercent"],
    ],
    [
      "missing workload deduction",
      { ...DEFAULT_POLICY, workload: { contactsPerAssigned: 4, minutesPerAssigned: 20 } },
      ["workload", "deductionFenPerStudent"],
    ],
    ["misspelt key", { ...DEFAULT_POLICY, step: { ...DEFAULT_POLICY.step, fenPerSteps: 50 } }, ["step"]],
  ])("%s", (_label, candidate, path) => {
    expect(issuePaths(candidate)).toEqual([path]);
  });

  it("is refused by computePayouts", () => {
    const policy = { ...DEFAULT_POLICY, basicTaskPermille: 1200 };
    expect(() => computePayouts({ callers: [], groups: [] }, policy)).toThrow(/basicTaskPermille/);
  });
});

describe("the cross-field rules, at their edges", () => {
  const issues = (candidate: unknown) => {
    const parsed = subsidyPolicySchema.safeParse(candidate);
    return parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ code: issue.code, path: issue.path, message: issue.message }));
  };

  it("accepts equal edges where the plan allows them", () => {
    expect(issues({ ...DEFAULT_POLICY, targetTaskPermille: DEFAULT_POLICY.basicTaskPermille })).toEqual([]);
    expect(issues({ ...DEFAULT_POLICY, leaderBonus: { ...DEFAULT_POLICY.leaderBonus, atTargetFen: 100_000 } })).toEqual(
      [],
    );
    expect(issues({ ...DEFAULT_POLICY, fraud: { ...DEFAULT_POLICY.fraud, minPercent: 40, maxPercent: 40 } })).toEqual(
      [],
    );
  });

  it("refuses two tiers with the same lower edge, naming the rule for the settings page", () => {
    const [first, second] = DEFAULT_POLICY.tiers;
    expect(
      issues({ ...DEFAULT_POLICY, tiers: [first, { ...second, lowerBoundPermille: first?.lowerBoundPermille }] }),
    ).toEqual([{ code: "custom", path: ["tiers", 1, "lowerBoundPermille"], message: "subsidy.policy.tiersOrder" }]);
  });

  it("names each rule's sentence", () => {
    expect(issues({ ...DEFAULT_POLICY, targetTaskPermille: 929 })).toEqual([
      { code: "custom", path: ["targetTaskPermille"], message: "subsidy.policy.targetBelowBasic" },
    ]);
    expect(issues({ ...DEFAULT_POLICY, leaderBonus: { ...DEFAULT_POLICY.leaderBonus, atTargetFen: 99_999 } })).toEqual([
      { code: "custom", path: ["leaderBonus", "atTargetFen"], message: "subsidy.policy.bonusOrder" },
    ]);
    expect(issues({ ...DEFAULT_POLICY, fraud: { ...DEFAULT_POLICY.fraud, minPercent: 41, maxPercent: 40 } })).toEqual([
      { code: "custom", path: ["fraud", "maxPercent"], message: "subsidy.policy.fraudRange" },
    ]);
  });

  it("reads a policy stored before 诋毁他人 had a percentage as 0", () => {
    const { slander: _slander, ...before } = DEFAULT_POLICY;
    expect(subsidyPolicySchema.parse(before).slander).toEqual({ deductionPercent: 0 });
  });
});
