import { describe, expect, it } from "vitest";
import { penaltiesFromFindings } from "@/lib/payouts/penalties";
import { type CallerInput, computePayouts, DEFAULT_POLICY, type PayoutInput } from "@/lib/subsidy";
import { callerTotalFen, findingEffects } from "./money";

// caller a: 96 of 100 enrolled (96.0 % -> tier 70 yuan, 10 full steps above 95.0 -> +5.00), workload met
const a: CallerInput = {
  callerId: "a",
  groupId: "g",
  assigned: 110,
  admitted: 100,
  enrolled: 96,
  contacts: 500,
  minutes: 2500,
};
const b: CallerInput = { ...a, callerId: "b", enrolled: 97 };

function inputWith(findings: Parameters<typeof penaltiesFromFindings>[0]): PayoutInput {
  const penalties = penaltiesFromFindings(findings);
  return {
    callers: [a, b].map((c) => ({
      ...c,
      mistakenWithdrawal: penalties.get(c.callerId)?.mistakenWithdrawal ?? false,
      fraudPercent: penalties.get(c.callerId)?.fraudPercent ?? 0,
    })),
    groups: [{ groupId: "g", leaderId: "b" }],
  };
}

describe("findingEffects", () => {
  it("shows a 30 % fake-callback deduction: 96 x 75.00 = 7,200.00 yuan before, 5,040.00 after", () => {
    const findings = [{ id: "f1", callerId: "a", kind: "FAKE_CALLBACK" as const, deductionPercent: 30 }];
    const effect = findingEffects(inputWith(findings), DEFAULT_POLICY, findings).get("f1");
    // hand-computed: 96 enrolled x 7,500 fen = 720,000 fen; 70 % of it = 504,000 fen
    expect(effect).toMatchObject({ callerId: "a", beforeFen: 720_000, afterFen: 504_000 });
  });

  it("gives each of two findings against one caller its own share, and agrees with computePayouts", () => {
    const findings = [
      { id: "f1", callerId: "a", kind: "MISTAKEN_WITHDRAWAL" as const, deductionPercent: null },
      { id: "f2", callerId: "a", kind: "FRAUD" as const, deductionPercent: 20 },
    ];
    const effects = findingEffects(inputWith(findings), DEFAULT_POLICY, findings);
    const all = callerTotalFen(computePayouts(inputWith(findings), DEFAULT_POLICY), "a");
    const onlyFraud = callerTotalFen(computePayouts(inputWith([findings[1] as never]), DEFAULT_POLICY), "a");
    const onlyWithdrawal = callerTotalFen(computePayouts(inputWith([findings[0] as never]), DEFAULT_POLICY), "a");
    expect(effects.get("f1")).toMatchObject({ beforeFen: onlyFraud, afterFen: all });
    expect(effects.get("f2")).toMatchObject({ beforeFen: onlyWithdrawal, afterFen: all });
    // 720,000 x 50 % = 360,000; x 80 % = 288,000
    expect(all).toBe(288_000);
  });

  it("leaves other callers alone and costs nothing for a false promise", () => {
    const findings = [{ id: "f1", callerId: "b", kind: "FALSE_PROMISE" as const, deductionPercent: null }];
    const effect = findingEffects(inputWith(findings), DEFAULT_POLICY, findings).get("f1");
    expect(effect?.beforeFen).toBe(effect?.afterFen);
  });

  it("has no entry for someone who is not paid as a caller", () => {
    const findings = [{ id: "f1", callerId: "nobody", kind: "FRAUD" as const, deductionPercent: 50 }];
    expect(findingEffects(inputWith([]), DEFAULT_POLICY, findings).size).toBe(0);
  });
});
