import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { registrationPoints } from "@/lib/prospects/points";
import {
  type CallerInput,
  type CallerPayout,
  computePayouts,
  DEFAULT_POLICY,
  type GroupInput,
  type PayoutResult,
  type SubsidyPolicy,
  stepText,
} from "./index";

// 96 of 100 admitted enrolled, 100 assigned, workload exactly met: 7,200.00 元 (see tiers.test.ts).
function caller(overrides: Partial<CallerInput> = {}): CallerInput {
  return {
    callerId: "c1",
    groupId: "g1",
    assigned: 100,
    admitted: 100,
    enrolled: 96,
    contacts: 400,
    minutes: 2000,
    ...overrides,
  };
}

// Three peers at 50 % take the bottom three places, so the caller under test is not ranked there.
const PEERS: CallerInput[] = ["p1", "p2", "p3"].map((callerId) => caller({ callerId, groupId: "peers", enrolled: 50 }));

function run(callers: CallerInput[], groups?: GroupInput[], policy: SubsidyPolicy = DEFAULT_POLICY): PayoutResult {
  const groupIds = [...new Set(callers.map((c) => c.groupId))];
  const defaultGroups = groupIds.map((groupId) => ({
    groupId,
    leaderId: callers.find((c) => c.groupId === groupId)?.callerId ?? "",
  }));
  return computePayouts({ callers, groups: groups ?? defaultGroups }, policy);
}

function payoutOf(result: PayoutResult, callerId: string): CallerPayout {
  const found = result.callers.find((c) => c.callerId === callerId);
  if (found === undefined) {
    throw new Error(`no payout for ${callerId}`);
  }
  return found;
}

function withPeers(subject: CallerInput): CallerPayout {
  return payoutOf(run([subject, ...PEERS]), subject.callerId);
}

describe("minimum workload", () => {
  // 46/48 = 95.83% -> 958‰, tier >95% 70 元. Met: + (958-950) × 0.5 = 74 元, 46 × 74 = 3,404 元.
  // Missed: no step, 70 - 5 = 65 元, 46 × 65 = 2,990 元.
  const base = { assigned: 50, admitted: 48, enrolled: 46 };

  it.each([
    ["just met", 200, 1000, true, 7400, 340_400],
    ["more than met", 500, 1000.25, true, 7400, 340_400],
    ["one contact short", 199, 1000, false, 6500, 299_000],
    ["one minute short", 200, 999, false, 6500, 299_000],
    ["half a minute short", 200, 999.5, false, 6500, 299_000],
  ])("%s", (_label, contacts, minutes, met, perStudentFen, subsidyFen) => {
    const result = withPeers(caller({ ...base, contacts, minutes }));
    expect(result.meetsMinimumWorkload).toBe(met);
    expect(result.perStudentFen).toBe(perStudentFen);
    expect(result.subsidyFen).toBe(subsidyFen);
  });

  it("never deducts below zero", () => {
    // A policy whose only tier pays 3 元: 3 - 5 would be negative, so 0; 92 × 0 = 0.
    const policy: SubsidyPolicy = {
      ...DEFAULT_POLICY,
      tiers: [{ lowerBoundPermille: 920, inclusive: true, fenPerStudent: 300 }],
    };
    const result = run([caller({ enrolled: 92, contacts: 0 })], undefined, policy);
    const only = payoutOf(result, "c1");
    expect(only.perStudentFen).toBe(0);
    expect(only.subsidyFen).toBe(0);
    // "未达到最低工作量，扣除 5.00 元/人：3.00 − 5.00，不低于 0，计 0.00 元/人"
    expect(only.steps).toContainEqual({
      kind: "workloadDeduction",
      deductionFen: 500,
      beforeFen: 300,
      perStudentFen: 0,
    });
  });

  it("is met by a caller with nothing assigned", () => {
    const result = withPeers(caller({ assigned: 0, admitted: 0, enrolled: 0, contacts: 0, minutes: 0 }));
    expect(result.meetsMinimumWorkload).toBe(true);
    expect(result.subsidyFen).toBe(0);
  });
});

describe("penalties on the phone subsidy", () => {
  it.each([
    // 7,200 元 × 50% = 3,600 元
    ["误退", { mistakenWithdrawal: true }, 360_000, false],
    // 7,200 × 20% = 1,440 deducted -> 5,760 元
    ["fraud 20%", { fraudPercent: 20 }, 576_000, true],
    // everything deducted
    ["fraud 100%", { fraudPercent: 100 }, 0, true],
    // 7,200 × 50% = 3,600; 3,600 × 20% = 720 deducted -> 2,880 元
    ["误退 and fraud 20%", { mistakenWithdrawal: true, fraudPercent: 20 }, 288_000, false],
    // 误退 then 100%: nothing left
    ["误退 and fraud 100%", { mistakenWithdrawal: true, fraudPercent: 100 }, 0, false],
    ["fraud 0 is no penalty", { fraudPercent: 0 }, 720_000, true],
  ])("%s", (_label, penalty, subsidyFen, awardEligible) => {
    const result = withPeers(caller(penalty));
    expect(result.perStudentFen).toBe(7500);
    expect(result.subsidyFen).toBe(subsidyFen);
    expect(result.awardEligible).toBe(awardEligible);
  });

  it("rounds the fraud deduction half up to the fen", () => {
    // 45/47 = 95.74% -> 957‰: 70 + 7 × 0.5 = 73.50 元; 45 × 73.50 = 3,307.50 元 = 330,750 fen.
    // 21 %: 330,750 × 21 / 100 = 69,457.5 -> 69,458 deducted; 330,750 - 69,458 = 261,292.
    const subject = caller({
      assigned: 47,
      admitted: 47,
      enrolled: 45,
      contacts: 188,
      minutes: 940,
    });
    const result = withPeers({ ...subject, fraudPercent: 21 });
    expect(result.perStudentFen).toBe(7350);
    expect(result.subsidyFen).toBe(261_292);
    // "玩忽职守/弄虚作假：电话补贴扣除 21%，3,307.50 × 21% = 694.58 元，余 3,307.50 − 694.58 = 2,612.92 元"
    expect(result.steps).toContainEqual({
      kind: "fraud",
      amount: "phone",
      percent: 21,
      fromFen: 330_750,
      deductedFen: 69_458,
      paidFen: 261_292,
    });
  });

  it("applies 误退 before the fraud percentage", () => {
    // 330,750 × 50% = 165,375; × 21% = 34,728.75 -> 34,729 deducted; 165,375 - 34,729 = 130,646.
    const subject = caller({
      assigned: 47,
      admitted: 47,
      enrolled: 45,
      contacts: 188,
      minutes: 940,
    });
    const result = withPeers({ ...subject, mistakenWithdrawal: true, fraudPercent: 21 });
    expect(result.subsidyFen).toBe(130_646);
  });

  it("costs nothing for 诋毁他人 at the default 0%, and writes no step", () => {
    const result = withPeers(caller({ slanderFindings: 2 }));
    expect(result.subsidyFen).toBe(720_000);
    expect(result.steps.some((s) => s.kind === "slander")).toBe(false);
  });

  it("deducts the policy's slander percentage per finding from the phone subsidy only", () => {
    const policy = { ...DEFAULT_POLICY, slander: { deductionPercent: 10 } };
    const subject = caller({ slanderFindings: 2, overtimeFen: 10_000 });
    const result = payoutOf(run([subject, ...PEERS], undefined, policy), "c1");
    // 7,200 元 × 20% = 1,440 deducted -> 5,760 元; overtime untouched
    expect(result.subsidyFen).toBe(576_000);
    expect(result.overtimeFen).toBe(10_000);
    expect(result.steps).toContainEqual({
      kind: "slander",
      findings: 2,
      percent: 20,
      fromFen: 720_000,
      deductedFen: 144_000,
      paidFen: 576_000,
    });
  });
});

describe("overtime", () => {
  it.each([
    ["kept in full", {}, 20_000, 20_000],
    // 误退 covers all subsidies (所有补贴): 333 × 50% = 166.5 -> 167
    ["halved by 误退, rounding half up", { mistakenWithdrawal: true }, 333, 167],
    // 20,000 × 20% = 4,000 deducted -> 16,000
    ["cut by fraud 20%", { fraudPercent: 20 }, 20_000, 16_000],
    ["gone with fraud 100%", { fraudPercent: 100 }, 20_000, 0],
    // 20,000 × 50% = 10,000; 10,000 × 20% = 2,000 deducted -> 8,000
    ["误退 then fraud", { mistakenWithdrawal: true, fraudPercent: 20 }, 20_000, 8_000],
  ])("%s", (_label, penalty, entered, paid) => {
    expect(withPeers(caller({ ...penalty, overtimeFen: entered })).overtimeFen).toBe(paid);
  });

  it("follows the policy when penalties do not cover overtime", () => {
    const policy: SubsidyPolicy = {
      ...DEFAULT_POLICY,
      mistakenWithdrawal: { ...DEFAULT_POLICY.mistakenWithdrawal, coversOvertime: false },
      fraud: { ...DEFAULT_POLICY.fraud, coversOvertime: false },
    };
    const subject = caller({ mistakenWithdrawal: true, fraudPercent: 20, overtimeFen: 20_000 });
    const result = payoutOf(run([subject, ...PEERS], undefined, policy), "c1");
    expect(result.overtimeFen).toBe(20_000);
    // the phone subsidy is still 7,200 × 50% × 80% = 2,880 元
    expect(result.subsidyFen).toBe(288_000);
  });
});

describe("bottom three by rate", () => {
  // Ascending: a 80%, b 90%, c 92% (23/25), d 92% (46/50) tied with c at third place. e is 93/101 =
  // 92.08% (also 920‰ when floored) and so ranks fifth. g has nothing admitted and is not ranked.
  const callers: CallerInput[] = [
    caller({ callerId: "a", enrolled: 80, overtimeFen: 1000 }),
    caller({ callerId: "b", enrolled: 90, overtimeFen: 1000 }),
    caller({ callerId: "c", assigned: 25, admitted: 25, enrolled: 23, overtimeFen: 333 }),
    caller({ callerId: "d", assigned: 50, admitted: 50, enrolled: 46, overtimeFen: 1000 }),
    caller({ callerId: "e", assigned: 101, admitted: 101, enrolled: 93, overtimeFen: 1000 }),
    caller({ callerId: "f", enrolled: 99, overtimeFen: 1000 }),
    caller({ callerId: "g", assigned: 5, admitted: 0, enrolled: 0, overtimeFen: 1000 }),
  ];
  // computed inside each test, not when the file is collected, so each test is known to cover it
  const result = () => run(callers);

  it.each([
    // 1,000 × 50% = 500
    ["a", true, 500],
    ["b", true, 500],
    // 333 × 50% = 166.5 -> 167
    ["c", true, 167],
    ["d", true, 500],
    ["e", false, 1000],
    ["f", false, 1000],
    ["g", false, 1000],
  ])("%s: bottom %s, overtime %i fen", (callerId, bottom, overtimeFen) => {
    const payout = payoutOf(result(), callerId);
    expect(payout.inBottomRank).toBe(bottom);
    expect(payout.awardEligible).toBe(!bottom);
    expect(payout.overtimeFen).toBe(overtimeFen);
  });

  it("names the shared place in the steps", () => {
    for (const callerId of ["c", "d"]) {
      // "报到率排名倒数第 3 名（6 人有报到率，倒数 3 名含并列）：取消各类评奖资格，加班补贴按 50% 发放（见下）"
      expect(payoutOf(result(), callerId).steps).toContainEqual({
        kind: "bottomRank",
        place: 3,
        rankedCount: 6,
        count: 3,
        percent: 50,
      });
    }
  });

  it("does not touch the phone subsidy", () => {
    // a: 80% < 92%: nothing; d: 92% -> 55 元 × 46 = 2,530 元
    expect(payoutOf(result(), "a").subsidyFen).toBe(0);
    expect(payoutOf(result(), "d").subsidyFen).toBe(253_000);
  });

  it("includes everyone tied at the third place, even when all are tied", () => {
    const tied = run(
      ["t1", "t2", "t3", "t4", "t5"].map((callerId) => caller({ callerId, enrolled: 100, overtimeFen: 1000 })),
    );
    expect(tied.callers.map((c) => c.overtimeFen)).toEqual([500, 500, 500, 500, 500]);
  });

  it("ranks only callers with a rate when fewer than three have one", () => {
    const few = run([
      caller({ callerId: "x", enrolled: 99, overtimeFen: 1000 }),
      caller({ callerId: "y", enrolled: 100, overtimeFen: 1000 }),
      caller({ callerId: "z", admitted: 0, enrolled: 0, overtimeFen: 1000 }),
    ]);
    expect(few.callers.map((c) => [c.callerId, c.inBottomRank, c.overtimeFen])).toEqual([
      ["x", true, 500],
      ["y", true, 500],
      ["z", false, 1000],
    ]);
  });
});

describe("a caller with nothing admitted", () => {
  it("has no rate and no subsidy but keeps overtime", () => {
    const result = withPeers(
      caller({ assigned: 5, admitted: 0, enrolled: 0, contacts: 0, minutes: 0, overtimeFen: 2000 }),
    );
    expect(result.ratePermille).toBeNull();
    expect(result.perStudentFen).toBe(0);
    expect(result.subsidyFen).toBe(0);
    expect(result.overtimeFen).toBe(2000);
    expect(result.meetsMinimumWorkload).toBe(false);
    expect(result.inBottomRank).toBe(false);
    expect(result.steps[0]).toEqual({ kind: "noAdmitted" });
  });
});

describe("group leader bonus", () => {
  function group(members: Partial<CallerInput>[], policy: SubsidyPolicy = DEFAULT_POLICY) {
    const callers = members.map((member, index) => caller({ callerId: `m${index}`, groupId: "g", ...member }));
    const result = run(callers, [{ groupId: "g", leaderId: "m0" }], policy);
    const only = result.groups[0];
    if (only === undefined) {
      throw new Error("no group");
    }
    return only;
  }

  it.each([
    // 929/1000 = 92.9% < 93%: nothing
    ["92.9%", [{ assigned: 1000, admitted: 1000, enrolled: 929 }], 929, 0],
    // exactly 93% -> 1,000 元
    ["93.0%", [{ enrolled: 93 }], 930, 100_000],
    // 949/1000 = 94.9% -> still 1,000 元
    ["94.9%", [{ assigned: 1000, admitted: 1000, enrolled: 949 }], 949, 100_000],
    // exactly 95% -> 1,500 元, not 1,000 + 1,500
    ["95.0%", [{ enrolled: 95 }], 950, 150_000],
    ["100%", [{ enrolled: 100 }], 1000, 150_000],
  ])("%s", (_label, members, ratePermille, bonus) => {
    const payout = group(members);
    expect(payout.ratePermille).toBe(ratePermille);
    expect(payout.leaderBonusFen).toBe(bonus);
  });

  it("has no rate and no bonus without admitted candidates", () => {
    const payout = group([{ admitted: 0, enrolled: 0 }]);
    expect(payout.ratePermille).toBeNull();
    expect(payout.leaderBonusFen).toBe(0);
  });

  it("pools the group: 108/120 = 90% although the members' mean is 94%", () => {
    // leader 20/20 = 100 %, member 88/100 = 88 %: mean 94 % would pay 1,000 元; pooled 90 % pays 0.
    const members = [
      { assigned: 20, admitted: 20, enrolled: 20 },
      { assigned: 100, admitted: 100, enrolled: 88 },
    ];
    const pooled = group(members);
    expect(pooled.ratePermille).toBe(900);
    expect(pooled.leaderBonusFen).toBe(0);

    const mean = group(members, {
      ...DEFAULT_POLICY,
      leaderBonus: { ...DEFAULT_POLICY.leaderBonus, groupRate: "mean" },
    });
    expect(mean.ratePermille).toBe(940);
    expect(mean.leaderBonusFen).toBe(100_000);
  });

  it("pools the group: 100/102 = 98.0% although the members' mean is 74.5%", () => {
    // 100000 / 102 = 980.39 -> 980‰ >= 950: 1,500 元. Mean (50 % + 99 %) / 2 = 74.5 % -> 745‰: 0.
    const members = [
      { assigned: 2, admitted: 2, enrolled: 1 },
      { assigned: 100, admitted: 100, enrolled: 99 },
    ];
    expect(group(members).leaderBonusFen).toBe(150_000);
    const mean = group(members, {
      ...DEFAULT_POLICY,
      leaderBonus: { ...DEFAULT_POLICY.leaderBonus, groupRate: "mean" },
    });
    expect(mean.ratePermille).toBe(745);
    expect(mean.leaderBonusFen).toBe(0);
  });

  it.each([
    // a member's 误退: 1,500 × 50% = 750 元, group loses award eligibility
    ["member 误退", [{ enrolled: 95 }, { enrolled: 95, mistakenWithdrawal: true }], 75_000, false],
    // two 误退 halve once
    [
      "two 误退",
      [
        { enrolled: 95, mistakenWithdrawal: true },
        { enrolled: 95, mistakenWithdrawal: true },
      ],
      75_000,
      false,
    ],
    // the leader's fraud 20 % counts the bonus among 所有补贴: 1,500 × 20% = 300 -> 1,200 元
    ["leader fraud 20%", [{ enrolled: 95, fraudPercent: 20 }, { enrolled: 95 }], 120_000, true],
    // a member's fraud does not touch the leader's bonus
    ["member fraud", [{ enrolled: 95 }, { enrolled: 95, fraudPercent: 100 }], 150_000, true],
    // 1,500 × 50% = 750; 750 × 20% = 150 -> 600 元
    [
      "误退 and leader fraud",
      [
        { enrolled: 95, fraudPercent: 20 },
        { enrolled: 95, mistakenWithdrawal: true },
      ],
      60_000,
      false,
    ],
  ])("%s", (_label, members, bonus, awardEligible) => {
    const payout = group(members);
    expect(payout.ratePermille).toBe(950);
    expect(payout.leaderBonusFen).toBe(bonus);
    expect(payout.awardEligible).toBe(awardEligible);
  });

  it("tells the leader about the bonus in their own steps", () => {
    const result = run([caller({ callerId: "L", enrolled: 95 })], [{ groupId: "g1", leaderId: "L" }]);
    // "另：担任小组 g1 组长，组长专项补贴 1,500.00 元（见小组明细）"
    expect(payoutOf(result, "L").steps).toContainEqual({ kind: "leaderOf", groupId: "g1", leaderBonusFen: 150_000 });
    // "达到目标任务 ≥95%：组长专项补贴 1,500.00 元（不与基本任务补贴累计）"
    expect(result.groups[0]?.steps).toContainEqual({
      kind: "leaderBonusTarget",
      targetPermille: 950,
      bonusFen: 150_000,
    });
  });
});

describe("totals", () => {
  it("adds subsidies, overtime and leader bonuses", () => {
    // A 96/100 met: 7,200 元, overtime 200 元 (two ranked callers, both bottom three: 100 元).
    // B 95/100 met: 95 × 70 = 6,650 元. Group 191/200 = 95.5% -> 1,500 元.
    // 720,000 + 10,000 + 665,000 + 150,000 = 1,545,000
    const result = run(
      [caller({ callerId: "A", overtimeFen: 20_000 }), caller({ callerId: "B", enrolled: 95 })],
      [{ groupId: "g1", leaderId: "A" }],
    );
    expect(result.totalFen).toBe(1_545_000);
    expect(result.inspectionTeamAwardEligible).toBe(true);
  });

  it("takes award eligibility from the inspection team on any 误退", () => {
    expect(run([caller({ mistakenWithdrawal: true })]).inspectionTeamAwardEligible).toBe(false);
  });

  it("pays nobody for an empty campaign", () => {
    expect(computePayouts({ callers: [], groups: [] })).toEqual({
      callers: [],
      groups: [],
      totalFen: 0,
      inspectionTeamAwardEligible: true,
    });
  });
});

describe("what the counts are made of", () => {
  it("pays on recorded enrollment and explains the claims beside it", () => {
    const claimed = withPeers(caller({ claimedEnrolled: 99 }));
    const recordedOnly = withPeers(caller());
    expect(claimed.subsidyFen).toBe(recordedOnly.subsidyFen);
    expect(claimed.steps).toContainEqual({ kind: "enrollmentRecorded", confirmed: 96, claimed: 99 });
    expect(recordedOnly.steps.some((s) => s.kind === "enrollmentRecorded")).toBe(false);
  });

  it("names kept credits and 放弃录取 before the rate, and changes no amount by naming them", () => {
    const named = withPeers(caller({ creditMovedAway: 2, creditHeldForOthers: 1, declined: 3 }));
    expect(named.steps.slice(0, 4).map((s) => s.kind)).toEqual([
      "creditMovedAway",
      "creditHeldForOthers",
      "declinedCounted",
      "rate",
    ]);
    expect(named.subsidyFen).toBe(withPeers(caller()).subsidyFen);
  });
});

describe("生源报备积分 (phase 1 registrations)", () => {
  const zh = translatorFor("zh-CN");
  const lines = (payout: CallerPayout) => payout.steps.map((step) => renderText(zh, stepText(step)));

  it("adds the points' money to the caller's total, to the fen, with a line naming it", () => {
    // 7,200.00 元 phone subsidy (96 × 75.00) + 3 registrations × 2 points × 1.25 元 = 7.50 元
    const points = registrationPoints(3, { pointsPerRegistration: 2, fenPerPoint: 125 });
    const result = run([caller({ registrationPoints: points }), ...PEERS]);
    const payout = payoutOf(result, "c1");
    expect(payout.subsidyFen).toBe(720_000);
    expect(payout.registrationFen).toBe(750);
    expect(payout.steps).toContainEqual({
      kind: "registrationPoints",
      registrations: 3,
      pointsEach: 2,
      points: 6,
      fenPerPoint: 125,
      fen: 750,
    });
    expect(lines(payout)).toContain("生源报备 3 条 × 每条 2 积分 = 6 积分，6 积分 × 1.25 元/积分 = 7.50 元");
    expect(lines(payout)).toContain("合计：电话补贴 7,200.00 + 加班补贴 0.00 + 生源报备积分 7.50 = 7,207.50 元");
    const peersFen = result.callers
      .filter((c) => c.callerId !== "c1")
      .reduce((sum, c) => sum + c.subsidyFen + c.overtimeFen, 0);
    const bonusFen = result.groups.reduce((sum, g) => sum + g.leaderBonusFen, 0);
    expect(result.totalFen).toBe(720_000 + 750 + peersFen + bonusFen);
  });

  it("pays nothing and says nothing about money when a point pays 0 (the default)", () => {
    const points = registrationPoints(4, { pointsPerRegistration: 1, fenPerPoint: 0 });
    const payout = withPeers(caller({ registrationPoints: points }));
    expect(payout.registrationFen).toBe(0);
    expect(payout.steps.some((step) => step.kind === "registrationPoints")).toBe(false);
    expect(payout.steps.find((step) => step.kind === "callerTotal")).toEqual({
      kind: "callerTotal",
      subsidyFen: 720_000,
      overtimeFen: 0,
      totalFen: 720_000,
    });
  });

  it("pays registrations to a caller with no admitted candidate, who has no phone subsidy", () => {
    const points = registrationPoints(1, { pointsPerRegistration: 1, fenPerPoint: 1999 });
    const payout = withPeers(caller({ admitted: 0, enrolled: 0, registrationPoints: points }));
    expect(payout.subsidyFen).toBe(0);
    expect(payout.registrationFen).toBe(1999);
  });

  it("refuses a record whose amount does not follow from its counts", () => {
    const forged = { registrations: 2, pointsEach: 1, points: 2, fenPerPoint: 100, fen: 300 };
    expect(() => run([caller({ registrationPoints: forged })])).toThrow(/registrationPoints/);
  });
});
