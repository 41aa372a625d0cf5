import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "@/lib/subsidy";
import { deductionError, deductionRule, VIOLATION_KINDS } from "./findings";

describe("deductionRule", () => {
  it("reads the plan: 20-100 % for fraud, dereliction and fake callbacks, the policy's 50 % for 误退, none for promises", () => {
    expect(Object.fromEntries(VIOLATION_KINDS.map((k) => [k, deductionRule(k, DEFAULT_POLICY)]))).toEqual({
      FAKE_CALLBACK: { type: "range", min: 20, max: 100 },
      FALSE_PROMISE: { type: "none" },
      MISTAKEN_WITHDRAWAL: { type: "policy", payoutPercent: 50 },
      DERELICTION: { type: "range", min: 20, max: 100 },
      FRAUD: { type: "range", min: 20, max: 100 },
    });
  });

  it("follows a policy with another range", () => {
    const policy = { ...DEFAULT_POLICY, fraud: { ...DEFAULT_POLICY.fraud, minPercent: 10, maxPercent: 60 } };
    expect(deductionRule("FRAUD", policy)).toEqual({ type: "range", min: 10, max: 60 });
    expect(deductionError("FRAUD", 61, policy)).toBe("扣除比例须为 10–60 之间的整数。");
  });
});

describe("deductionError", () => {
  it.each([
    ["FRAUD", 20, null],
    ["FRAUD", 100, null],
    ["DERELICTION", 55, null],
    ["FAKE_CALLBACK", 30, null],
    ["FRAUD", 19, "扣除比例须为 20–100 之间的整数。"],
    ["FRAUD", 101, "扣除比例须为 20–100 之间的整数。"],
    ["FRAUD", 20.5, "扣除比例须为 20–100 之间的整数。"],
    ["FRAUD", undefined, "请填写扣除比例（20%–100%）。"],
    ["MISTAKEN_WITHDRAWAL", undefined, null],
    ["MISTAKEN_WITHDRAWAL", 50, "误退按方案统一发放 50% 补贴，不填扣除比例。"],
    ["FALSE_PROMISE", undefined, null],
    ["FALSE_PROMISE", 20, "违规承诺不扣补贴，不填扣除比例。"],
  ] as const)("%s with %s -> %s", (kind, percent, expected) => {
    expect(deductionError(kind, percent, DEFAULT_POLICY)).toBe(expected);
  });
});
