import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { DEFAULT_POLICY } from "@/lib/subsidy";
import { deductionError, deductionRule, VIOLATION_KINDS } from "./findings";

describe("deductionRule", () => {
  it("reads the plan: 20-100 % for fraud, dereliction and fake callbacks, the policy's 50 % for 误退, the policy's 0 % for 诋毁他人, none for promises", () => {
    expect(Object.fromEntries(VIOLATION_KINDS.map((k) => [k, deductionRule(k, DEFAULT_POLICY)]))).toEqual({
      FAKE_CALLBACK: { type: "range", min: 20, max: 100 },
      FALSE_PROMISE: { type: "none" },
      MISTAKEN_WITHDRAWAL: { type: "policy", payoutPercent: 50 },
      DERELICTION: { type: "range", min: 20, max: 100 },
      FRAUD: { type: "range", min: 20, max: 100 },
      SLANDER: { type: "policyDeduction", deductionPercent: 0 },
    });
  });

  it("takes the slander percentage from the policy", () => {
    expect(deductionRule("SLANDER", { ...DEFAULT_POLICY, slander: { deductionPercent: 10 } })).toEqual({
      type: "policyDeduction",
      deductionPercent: 10,
    });
  });

  it("follows a policy with another range", () => {
    const policy = { ...DEFAULT_POLICY, fraud: { ...DEFAULT_POLICY.fraud, minPercent: 10, maxPercent: 60 } };
    expect(deductionRule("FRAUD", policy)).toEqual({ type: "range", min: 10, max: 60 });
    expect(deductionError("FRAUD", 61, policy)).toEqual({
      key: "inspection.errors.percentOutOfRange",
      values: { min: 10, max: 60 },
    });
  });
});

describe("deductionError", () => {
  const outOfRange = { key: "inspection.errors.percentOutOfRange", values: { min: 20, max: 100 } };
  it.each([
    ["FRAUD", 20, null],
    ["FRAUD", 100, null],
    ["DERELICTION", 55, null],
    ["FAKE_CALLBACK", 30, null],
    ["FRAUD", 19, outOfRange],
    ["FRAUD", 101, outOfRange],
    ["FRAUD", 20.5, outOfRange],
    ["FRAUD", undefined, { key: "inspection.errors.percentRequired", values: { min: 20, max: 100 } }],
    ["MISTAKEN_WITHDRAWAL", undefined, null],
    ["MISTAKEN_WITHDRAWAL", 50, { key: "inspection.errors.percentByPolicy", values: { percent: 50 } }],
    ["FALSE_PROMISE", undefined, null],
    ["FALSE_PROMISE", 20, { key: "inspection.errors.noDeduction" }],
    ["SLANDER", undefined, null],
    ["SLANDER", 10, { key: "inspection.errors.percentBySlanderPolicy", values: { percent: 0 } }],
  ] as const)("%s with %s -> %j", (kind, percent, expected) => {
    expect(deductionError(kind, percent, DEFAULT_POLICY)).toEqual(expected);
  });

  it("reads in Chinese as the form has always said it", () => {
    const zh = translatorFor("zh-CN");
    const say = (percent: number | undefined, kind: (typeof VIOLATION_KINDS)[number] = "FRAUD") => {
      const sentence = deductionError(kind, percent, DEFAULT_POLICY);
      return sentence && renderText(zh, sentence);
    };
    expect(say(19)).toBe("扣除比例须为 20–100 之间的整数。");
    expect(say(undefined)).toBe("请填写扣除比例（20%–100%）。");
    expect(say(50, "MISTAKEN_WITHDRAWAL")).toBe("误退按方案统一发放 50% 补贴，不填扣除比例。");
    expect(say(20, "FALSE_PROMISE")).toBe("违规承诺不扣补贴，不填扣除比例。");
    expect(say(10, "SLANDER")).toBe("诋毁他人按方案扣除 0% 电话补贴，不填扣除比例。");
  });
});
