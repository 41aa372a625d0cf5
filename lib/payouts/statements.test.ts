import { describe, expect, it } from "vitest";
import { computePayouts, DEFAULT_POLICY, type PayoutInput, type SubsidyPolicy } from "@/lib/subsidy";
import type { PayoutNames } from "./names";
import { type FrozenLines, resultToSign } from "./runs";
import { deductionOf, payoutPeople, payoutTotals, statementIssuer } from "./statements";

// A run small enough to pay by hand (DEFAULT_POLICY, bottom rank narrowed to 1):
// - A (一组): 19/20 = 95.0%, tier >94% = 65 元, workload missed (no step, 5 元/生 off) = 60 元 × 19 = 1,140.00,
//   fraud 20% -> 912.00 (228.00 off); overtime 100.00, fraud 20% -> 80.00 (20.00 off).
//   Deducted 19 × 5.00 + 228.00 + 20.00 = 343.00.
// - L (一组's leader): 10/10 = 100%, ≥99% = 100 元 + 10 steps × 0.5 = 105 元 × 10 = 1,050.00; 一组 pools
//   29/30 = 96.6% ≥ 95%: bonus 1,500.00. Deducted nothing.
// - B (二组): 9/10 = 90%, below the lowest tier: 0; the lowest rate, so overtime 50.00 -> 50% = 25.00, then
//   误退 50% -> 12.50. Deducted 25.00 + 12.50 = 37.50.
// - M leads 二组 without calling: 9/10 = 90% < 93%: no bonus (误退 halves 0).
// Total 912.00 + 80.00 + 1,050.00 + 1,500.00 + 12.50 = 3,554.50.
const policy: SubsidyPolicy = { ...DEFAULT_POLICY, bottomRank: { count: 1, overtimePayoutPercent: 50 } };
const input: PayoutInput = {
  callers: [
    {
      callerId: "a",
      groupId: "g1",
      assigned: 20,
      admitted: 20,
      enrolled: 19,
      contacts: 10,
      minutes: 30,
      overtimeFen: 10_000,
      fraudPercent: 20,
    },
    { callerId: "l", groupId: "g1", assigned: 10, admitted: 10, enrolled: 10, contacts: 40, minutes: 200 },
    {
      callerId: "b",
      groupId: "g2",
      assigned: 10,
      admitted: 10,
      enrolled: 9,
      contacts: 40,
      minutes: 200,
      overtimeFen: 5_000,
      mistakenWithdrawal: true,
    },
  ],
  groups: [
    { groupId: "g1", leaderId: "l" },
    { groupId: "g2", leaderId: "m" },
  ],
};
const names: PayoutNames = {
  people: { a: "王芳", l: "李明", b: "赵强", m: "陈静" },
  groups: { g1: "一组", g2: "二组" },
};

function signedRun() {
  const result = computePayouts(input, policy);
  const signed = resultToSign({ policy, input, names, result });
  const frozen: FrozenLines = {
    callers: Object.fromEntries(signed.callers.map((c) => [c.callerId, c.lines])),
    groups: Object.fromEntries(signed.groups.map((g) => [g.groupId, g.lines])),
  };
  return { policy, input, names, result, frozen };
}

describe("payoutPeople", () => {
  const run = signedRun();
  const people = payoutPeople(run);
  const byId = (id: string) => {
    const found = people.find((p) => p.personId === id);
    if (!found) throw new Error(id);
    return found;
  };

  it("gives one row per person, the leader who does not call too, by group in the run's order then name (pinyin)", () => {
    // 二组 sorts before 一组 by pinyin; the run's order keeps 一组 first
    expect(people.map((p) => [p.name, p.groups])).toEqual([
      ["李明", ["一组"]],
      ["王芳", ["一组"]],
      ["陈静", ["二组"]],
      ["赵强", ["二组"]],
    ]);
    expect(byId("m")).toMatchObject({ leads: true, admitted: null, enrolled: null, ratePermille: null, totalFen: 0 });
  });

  it("takes every amount from the run, and works out what was deducted from its steps, to the fen", () => {
    expect(byId("a")).toMatchObject({
      admitted: 20,
      enrolled: 19,
      ratePermille: 950,
      subsidyFen: 91_200,
      overtimeFen: 8_000,
      leaderBonusFen: 0,
      deductionFen: 34_300,
      totalFen: 99_200,
      leads: false,
    });
    expect(byId("l")).toMatchObject({
      subsidyFen: 105_000,
      leaderBonusFen: 150_000,
      deductionFen: 0,
      totalFen: 255_000,
      leads: true,
    });
    expect(byId("b")).toMatchObject({ subsidyFen: 0, overtimeFen: 1_250, deductionFen: 3_750, totalFen: 1_250 });
  });

  it("adds up to the run's own total", () => {
    const totals = payoutTotals(people);
    expect(totals).toEqual({
      people: 4,
      admitted: 40,
      enrolled: 38,
      subsidyFen: 196_200,
      overtimeFen: 9_250,
      registrationFen: 0,
      leaderBonusFen: 150_000,
      deductionFen: 38_050,
      totalFen: 355_450,
    });
    expect(totals.totalFen).toBe(run.result.totalFen);
  });

  it("keeps the frozen lines as signed, each under the amount it explains", () => {
    const a = byId("a");
    expect(a.lines).toEqual(run.frozen.callers.a);
    expect([...a.explanation.phone, ...a.explanation.overtime, ...a.explanation.total].sort()).toEqual(
      [...a.lines].sort(),
    );
    expect(a.explanation.phone.at(-1)).toBe("电话补贴 912.00 元");
    expect(a.explanation.phone.some((line) => line.startsWith("未达到最低工作量，扣除 5.00 元/人"))).toBe(true);
    expect(a.explanation.overtime[0]).toBe("加班补贴（录入）100.00 元");
    expect(a.explanation.overtime.at(-1)).toBe("加班补贴 80.00 元");
    expect(a.explanation.total.at(-1)).toBe("合计：电话补贴 912.00 + 加班补贴 80.00 = 992.00 元");

    const l = byId("l");
    // the leader's own "另：担任小组" line, then the group's lines, under the bonus
    expect(l.explanation.leaderBonus[0]).toBe("另：担任小组 一组 组长，组长专项补贴 1,500.00 元（见小组明细）");
    expect(l.explanation.leaderBonus.at(-1)).toBe("组长 李明 实得组长专项补贴 1,500.00 元");
    expect(l.lines).toEqual([...(run.frozen.callers.l ?? []), ...(run.frozen.groups.g1 ?? [])]);
  });

  it("reads a run signed before steps were kept: its lines under the total, deductions unknown", () => {
    const legacy = {
      ...run,
      result: {
        ...run.result,
        callers: run.result.callers.map(({ steps: _steps, ...c }) => c),
        groups: run.result.groups.map(({ steps: _steps, ...g }) => g),
      },
    } as unknown as typeof run;
    const a = payoutPeople(legacy).find((p) => p.personId === "a");
    expect(a).toMatchObject({ subsidyFen: 91_200, deductionFen: null, totalFen: 99_200 });
    expect(a?.explanation.total).toEqual(run.frozen.callers.a);
    expect(a?.explanation.phone).toEqual([]);
    expect(payoutTotals(payoutPeople(legacy)).deductionFen).toBe(0);
  });
});

describe("deductionOf", () => {
  it("counts a workload deduction once per enrolled student, floored at what there was", () => {
    expect(
      deductionOf([
        { kind: "workloadDeduction", deductionFen: 500, beforeFen: 300, perStudentFen: 0 },
        { kind: "perEnrolled", enrolled: 4, perStudentFen: 0, subsidyFen: 0 },
      ]),
    ).toBe(1_200);
    expect(deductionOf([{ kind: "perEnrolled", enrolled: 4, perStudentFen: 100, subsidyFen: 400 }])).toBe(0);
  });
});

describe("statementIssuer", () => {
  const campaign = { name: "成都文理学院2024年高职单招" };
  it("is the college's full name once it is set", () => {
    expect(statementIssuer({ name: "成都文理学院" }, campaign)).toBe("成都文理学院");
  });
  it("is the campaign's name while the college is not set", () => {
    expect(statementIssuer(null, campaign)).toBe("成都文理学院2024年高职单招");
  });
});
