import { describe, expect, it } from "vitest";
import { computeGroupPayout } from "./group";
import { computePayouts, DEFAULT_POLICY, type SubsidyPolicy } from "./index";
import { computePhoneSubsidy, countingSteps, findTierIndex } from "./phone-subsidy";
import type { CallerInput } from "./types";

// The explanation is what the person paid reads: each journey below pins every step, in order, with
// the figures it carries. The rendered sentences are pinned in step-text.test.ts and steps.test.ts.

function caller(overrides: Partial<CallerInput>): CallerInput {
  return {
    callerId: "x",
    groupId: "g",
    assigned: 100,
    admitted: 100,
    enrolled: 96,
    contacts: 400,
    minutes: 2000,
    ...overrides,
  };
}

const workloadMet = (assigned: number) => ({
  kind: "workload",
  contacts: 4 * assigned,
  contactsPerAssigned: 4,
  assigned,
  minutes: 20 * assigned,
  minutesPerAssigned: 20,
  met: true,
  contactsShort: 0,
  minutesShort: 0,
});

describe("a caller's phone subsidy, step by step", () => {
  it("without admitted candidates: no rate, the workload still shown with its shortfall", () => {
    const phone = computePhoneSubsidy(
      caller({ assigned: 5, admitted: 0, enrolled: 0, contacts: 10, minutes: 50 }),
      DEFAULT_POLICY,
    );
    expect(phone).toMatchObject({ ratePermille: null, tierIndex: null, perStudentFen: 0, subsidyFen: 0 });
    expect(phone.meetsMinimumWorkload).toBe(false);
    expect(phone.steps).toEqual([
      { kind: "noAdmitted" },
      {
        kind: "workload",
        contacts: 10,
        contactsPerAssigned: 4,
        assigned: 5,
        minutes: 50,
        minutesPerAssigned: 20,
        met: false,
        contactsShort: 10,
        minutesShort: 50,
      },
      { kind: "phoneSubsidy", subsidyFen: 0 },
    ]);
  });

  it("below the lowest tier: nothing, and the tier it missed", () => {
    const phone = computePhoneSubsidy(caller({ enrolled: 91 }), DEFAULT_POLICY);
    expect(phone).toMatchObject({ ratePermille: 910, tierIndex: null, perStudentFen: 0, subsidyFen: 0 });
    expect(phone.steps).toEqual([
      { kind: "rate", enrolled: 91, admitted: 100, ratePermille: 910 },
      workloadMet(100),
      { kind: "belowLowestTier", lowerBoundPermille: 920, inclusive: true },
      { kind: "phoneSubsidy", subsidyFen: 0 },
    ]);
  });

  it("in the lowest tier, below the basic task: the standard without a step bonus", () => {
    const phone = computePhoneSubsidy(
      caller({ assigned: 1000, admitted: 1000, enrolled: 925, contacts: 4000, minutes: 20_000 }),
      DEFAULT_POLICY,
    );
    expect(phone).toMatchObject({ ratePermille: 925, tierIndex: 7, perStudentFen: 5500, subsidyFen: 5_087_500 });
    expect(phone.steps).toEqual([
      { kind: "rate", enrolled: 925, admitted: 1000, ratePermille: 925 },
      workloadMet(1000),
      { kind: "tier", tierIndex: 7, lowerBoundPermille: 920, inclusive: true, fenPerStudent: 5500 },
      { kind: "noStepBelowBasic", basicPermille: 930 },
      { kind: "perEnrolled", enrolled: 925, perStudentFen: 5500, subsidyFen: 5_087_500 },
      { kind: "phoneSubsidy", subsidyFen: 5_087_500 },
    ]);
  });

  it("just past an exclusive edge: the tier, but no full step above it", () => {
    // 1901/2000 = 95.05 % passes >95 % and floors to 950 ‰, the edge itself
    const phone = computePhoneSubsidy(
      caller({ assigned: 2000, admitted: 2000, enrolled: 1901, contacts: 8000, minutes: 40_000 }),
      DEFAULT_POLICY,
    );
    expect(phone.steps).toEqual([
      { kind: "rate", enrolled: 1901, admitted: 2000, ratePermille: 950 },
      workloadMet(2000),
      { kind: "tier", tierIndex: 4, lowerBoundPermille: 950, inclusive: false, fenPerStudent: 7000 },
      { kind: "noFullStep", basicPermille: 930, lowerBoundPermille: 950, sizePermille: 1 },
      { kind: "perEnrolled", enrolled: 1901, perStudentFen: 7000, subsidyFen: 13_307_000 },
      { kind: "phoneSubsidy", subsidyFen: 13_307_000 },
    ]);
  });

  it("one contact and one minute short: no step bonus, 5 元 off the standard, both shortfalls named", () => {
    const phone = computePhoneSubsidy(caller({ contacts: 399, minutes: 1999 }), DEFAULT_POLICY);
    expect(phone).toMatchObject({ perStudentFen: 6500, subsidyFen: 624_000, meetsMinimumWorkload: false });
    expect(phone.steps).toEqual([
      { kind: "rate", enrolled: 96, admitted: 100, ratePermille: 960 },
      {
        kind: "workload",
        contacts: 399,
        contactsPerAssigned: 4,
        assigned: 100,
        minutes: 1999,
        minutesPerAssigned: 20,
        met: false,
        contactsShort: 1,
        minutesShort: 1,
      },
      { kind: "tier", tierIndex: 4, lowerBoundPermille: 950, inclusive: false, fenPerStudent: 7000 },
      { kind: "noStepWorkload" },
      { kind: "workloadDeduction", deductionFen: 500, beforeFen: 7000, perStudentFen: 6500 },
      { kind: "perEnrolled", enrolled: 96, perStudentFen: 6500, subsidyFen: 624_000 },
      { kind: "phoneSubsidy", subsidyFen: 624_000 },
    ]);
  });

  it("counts a shortfall only where the minimum is missed, never a surplus", () => {
    const [, workload] = computePhoneSubsidy(caller({ contacts: 500, minutes: 1990 }), DEFAULT_POLICY).steps;
    expect(workload).toMatchObject({ met: false, contactsShort: 0, minutesShort: 10 });
    const [, reverse] = computePhoneSubsidy(caller({ contacts: 390, minutes: 2500 }), DEFAULT_POLICY).steps;
    expect(reverse).toMatchObject({ met: false, contactsShort: 10, minutesShort: 0 });
  });

  it("says first what the counts are made of: credit kept by moves, 放弃录取, claims beside the record", () => {
    const counted = caller({ creditMovedAway: 1, creditHeldForOthers: 2, declined: 1, claimedEnrolled: 98 });
    expect(countingSteps(counted)).toEqual([
      { kind: "creditMovedAway", count: 1 },
      { kind: "creditHeldForOthers", count: 2 },
      { kind: "declinedCounted", count: 1 },
      { kind: "enrollmentRecorded", confirmed: 96, claimed: 98 },
    ]);
    expect(computePhoneSubsidy(counted, DEFAULT_POLICY).steps.slice(0, 4)).toEqual(countingSteps(counted));
    expect(countingSteps(caller({ claimedEnrolled: 96 }))).toEqual([]);
    expect(countingSteps(caller({}))).toEqual([]);
  });
});

describe("a group's leader bonus, step by step", () => {
  const MEAN: SubsidyPolicy = { ...DEFAULT_POLICY, leaderBonus: { ...DEFAULT_POLICY.leaderBonus, groupRate: "mean" } };
  const member = (callerId: string, enrolled: number, admitted: number, extra: Partial<CallerInput> = {}) =>
    caller({ callerId, assigned: admitted, admitted, enrolled, ...extra });

  it("the mean of the members' exact rates, over admitted members only, marked when digits are cut", () => {
    // (2/3 + 3/4) / 2 = 17/24 = 70.833…%
    const payout = computeGroupPayout(
      { groupId: "g", leaderId: "l" },
      [member("l", 2, 3), member("m", 3, 4), member("none", 0, 0)],
      MEAN,
    );
    expect(payout).toMatchObject({ ratePermille: 708, leaderBonusFen: 0, awardEligible: true });
    expect(payout.steps).toEqual([
      { kind: "groupRateMean", members: 2, basisPoints: 7083, inexact: true, ratePermille: 708 },
      { kind: "leaderBonusNone", basicPermille: 930 },
      { kind: "leaderBonus", leaderId: "l", bonusFen: 0 },
    ]);
  });

  it("the mean, exact: (1/2 + 3/4) / 2 = 62.5 %", () => {
    const payout = computeGroupPayout({ groupId: "g", leaderId: "l" }, [member("l", 1, 2), member("m", 3, 4)], MEAN);
    expect(payout.steps[0]).toEqual({
      kind: "groupRateMean",
      members: 2,
      basisPoints: 6250,
      inexact: false,
      ratePermille: 625,
    });
  });

  it("no admitted member: no group rate under either reading", () => {
    for (const policy of [DEFAULT_POLICY, MEAN]) {
      const payout = computeGroupPayout({ groupId: "g", leaderId: "l" }, [member("l", 0, 0)], policy);
      expect(payout).toMatchObject({ ratePermille: null, leaderBonusFen: 0 });
      expect(payout.steps).toEqual([{ kind: "groupNoAdmitted" }, { kind: "leaderBonus", leaderId: "l", bonusFen: 0 }]);
    }
  });

  it("the basic bonus, less the leader's own fraud deduction", () => {
    const members = [member("l", 93, 100, { fraudPercent: 20 }), member("m", 94, 100)];
    const payout = computeGroupPayout({ groupId: "g", leaderId: "l" }, members, DEFAULT_POLICY);
    expect(payout).toMatchObject({ ratePermille: 935, leaderBonusFen: 80_000 });
    expect(payout.steps).toEqual([
      { kind: "groupRatePooled", enrolled: 187, admitted: 200, ratePermille: 935 },
      { kind: "leaderBonusBasic", basicPermille: 930, bonusFen: 100_000 },
      {
        kind: "fraud",
        amount: "leaderBonus",
        leaderId: "l",
        percent: 20,
        fromFen: 100_000,
        deductedFen: 20_000,
        paidFen: 80_000,
      },
      { kind: "leaderBonus", leaderId: "l", bonusFen: 80_000 },
    ]);
  });

  it("a member's fraud does not touch the bonus, nor the leader's when the policy keeps it apart", () => {
    // the member comes first: the leader is found by id, not by place
    const memberFraud = [member("m", 94, 100, { fraudPercent: 50 }), member("l", 93, 100)];
    expect(computeGroupPayout({ groupId: "g", leaderId: "l" }, memberFraud, DEFAULT_POLICY).leaderBonusFen).toBe(
      100_000,
    );
    const apart: SubsidyPolicy = { ...DEFAULT_POLICY, fraud: { ...DEFAULT_POLICY.fraud, coversLeaderBonus: false } };
    const leaderFraud = [member("l", 93, 100, { fraudPercent: 20 }), member("m", 94, 100)];
    const payout = computeGroupPayout({ groupId: "g", leaderId: "l" }, leaderFraud, apart);
    expect(payout.leaderBonusFen).toBe(100_000);
    expect(payout.steps.map((step) => step.kind)).toEqual(["groupRatePooled", "leaderBonusBasic", "leaderBonus"]);
  });

  it("a member's 误退 halves the bonus and costs the group its award", () => {
    const members = [member("l", 96, 100), member("m", 96, 100, { mistakenWithdrawal: true })];
    const payout = computeGroupPayout({ groupId: "g", leaderId: "l" }, members, DEFAULT_POLICY);
    expect(payout).toMatchObject({ leaderBonusFen: 75_000, awardEligible: false });
    expect(payout.steps).toEqual([
      { kind: "groupRatePooled", enrolled: 192, admitted: 200, ratePermille: 960 },
      { kind: "leaderBonusTarget", targetPermille: 950, bonusFen: 150_000 },
      { kind: "groupWithdrawal", memberIds: ["m"] },
      { kind: "mistakenWithdrawal", amount: "leaderBonus", percent: 50, fromFen: 150_000, paidFen: 75_000 },
      { kind: "leaderBonus", leaderId: "l", bonusFen: 75_000 },
    ]);
  });
});

describe("a whole payout, step by step", () => {
  it("a group with no caller record of its own: no rate, no bonus", () => {
    const result = computePayouts({
      callers: [caller({ callerId: "x", groupId: "g" })],
      groups: [
        { groupId: "g", leaderId: "x" },
        { groupId: "empty", leaderId: "nobody" },
      ],
    });
    expect(result.groups[1]).toMatchObject({ groupId: "empty", ratePermille: null, leaderBonusFen: 0 });
    expect(result.groups[1]?.steps).toEqual([
      { kind: "groupNoAdmitted" },
      { kind: "leaderBonus", leaderId: "nobody", bonusFen: 0 },
    ]);
  });

  it("a lone caller: bottom of a ranking of one, overtime halved, penalties kept off overtime by the policy", () => {
    const policy: SubsidyPolicy = {
      ...DEFAULT_POLICY,
      mistakenWithdrawal: { ...DEFAULT_POLICY.mistakenWithdrawal, coversOvertime: false },
      fraud: { ...DEFAULT_POLICY.fraud, coversOvertime: false },
    };
    const lone = caller({ overtimeFen: 10_000, mistakenWithdrawal: true, fraudPercent: 20 });
    const result = computePayouts({ callers: [lone], groups: [{ groupId: "g", leaderId: "x" }] }, policy);
    const [payout] = result.callers;
    expect(payout).toMatchObject({
      subsidyFen: 288_000,
      overtimeFen: 5_000,
      registrationFen: 0,
      inBottomRank: true,
      awardEligible: false,
    });
    expect(payout?.steps).toEqual([
      { kind: "rate", enrolled: 96, admitted: 100, ratePermille: 960 },
      workloadMet(100),
      { kind: "tier", tierIndex: 4, lowerBoundPermille: 950, inclusive: false, fenPerStudent: 7000 },
      {
        kind: "stepBonus",
        basicPermille: 930,
        lowerBoundPermille: 950,
        sizePermille: 1,
        steps: 10,
        fenPerStep: 50,
        bonusFen: 500,
        baseFen: 7000,
        perStudentFen: 7500,
      },
      { kind: "perEnrolled", enrolled: 96, perStudentFen: 7500, subsidyFen: 720_000 },
      { kind: "mistakenWithdrawal", amount: "phone", percent: 50, fromFen: 720_000, paidFen: 360_000 },
      { kind: "fraud", amount: "phone", percent: 20, fromFen: 360_000, deductedFen: 72_000, paidFen: 288_000 },
      { kind: "phoneSubsidy", subsidyFen: 288_000 },
      { kind: "bottomRank", place: 1, rankedCount: 1, count: 3, percent: 50 },
      { kind: "overtimeEntered", overtimeFen: 10_000 },
      { kind: "overtimeBottomRank", count: 3, percent: 50, fromFen: 10_000, paidFen: 5_000 },
      { kind: "overtime", overtimeFen: 5_000 },
      { kind: "award", eligible: false, mistakenWithdrawal: true, bottomRankCount: 3 },
      { kind: "callerTotal", subsidyFen: 288_000, overtimeFen: 5_000, totalFen: 293_000 },
      { kind: "leaderOf", groupId: "g", leaderBonusFen: 60_000 },
    ]);
    expect(result.groups[0]?.leaderBonusFen).toBe(60_000);
    expect(result.totalFen).toBe(288_000 + 5_000 + 60_000);
    expect(result.inspectionTeamAwardEligible).toBe(false);
  });

  it("a caller above the bottom: no ranking step, overtime as entered, the award kept", () => {
    const policy: SubsidyPolicy = { ...DEFAULT_POLICY, bottomRank: { count: 1, overtimePayoutPercent: 50 } };
    const top = caller({ callerId: "top", enrolled: 99, overtimeFen: 1000 });
    const low = caller({ callerId: "low", enrolled: 90 });
    const result = computePayouts({ callers: [top, low], groups: [{ groupId: "g", leaderId: "low" }] }, policy);
    const [payout, bottom] = result.callers;
    expect(payout).toMatchObject({ inBottomRank: false, awardEligible: true, overtimeFen: 1000 });
    expect(payout?.steps).toEqual([
      { kind: "rate", enrolled: 99, admitted: 100, ratePermille: 990 },
      workloadMet(100),
      { kind: "tier", tierIndex: 0, lowerBoundPermille: 990, inclusive: true, fenPerStudent: 10_000 },
      { kind: "noFullStep", basicPermille: 930, lowerBoundPermille: 990, sizePermille: 1 },
      { kind: "perEnrolled", enrolled: 99, perStudentFen: 10_000, subsidyFen: 990_000 },
      { kind: "phoneSubsidy", subsidyFen: 990_000 },
      { kind: "overtimeEntered", overtimeFen: 1000 },
      { kind: "overtime", overtimeFen: 1000 },
      { kind: "award", eligible: true, mistakenWithdrawal: false, bottomRankCount: null },
      { kind: "callerTotal", subsidyFen: 990_000, overtimeFen: 1000, totalFen: 991_000 },
    ]);
    expect(bottom).toMatchObject({ inBottomRank: true, awardEligible: false });
    expect(bottom?.steps).toContainEqual({ kind: "bottomRank", place: 1, rankedCount: 2, count: 1, percent: 50 });
    expect(result.inspectionTeamAwardEligible).toBe(true);
  });
});

describe("诋毁他人 and fraud on the phone subsidy", () => {
  const TEN: SubsidyPolicy = { ...DEFAULT_POLICY, slander: { deductionPercent: 10 } };

  it("costs nothing and says nothing at the default 0 %", () => {
    const phone = computePhoneSubsidy(caller({ slanderFindings: 2 }), DEFAULT_POLICY);
    expect(phone.subsidyFen).toBe(96 * 7500);
    expect(phone.steps.map((step) => step.kind)).not.toContain("slander");
  });

  it("deducts the policy's percentage for each finding, after fraud, capped at the whole subsidy", () => {
    const two = computePhoneSubsidy(caller({ slanderFindings: 2, fraudPercent: 20 }), TEN);
    // strict: a caller's own fraud step names no leader, not even as undefined
    expect(two.steps.slice(-3)).toStrictEqual([
      { kind: "fraud", amount: "phone", percent: 20, fromFen: 720_000, deductedFen: 144_000, paidFen: 576_000 },
      { kind: "slander", findings: 2, percent: 20, fromFen: 576_000, deductedFen: 115_200, paidFen: 460_800 },
      { kind: "phoneSubsidy", subsidyFen: 460_800 },
    ]);
    const eleven = computePhoneSubsidy(caller({ slanderFindings: 11 }), TEN);
    expect(eleven.subsidyFen).toBe(0);
    expect(eleven.steps.at(-2)).toEqual({
      kind: "slander",
      findings: 11,
      percent: 100,
      fromFen: 720_000,
      deductedFen: 720_000,
      paidFen: 0,
    });
  });

  it("leaves overtime alone", () => {
    const [payout] = computePayouts(
      {
        callers: [
          caller({ slanderFindings: 3, overtimeFen: 10_000 }),
          caller({ callerId: "a" }),
          caller({ callerId: "b" }),
        ],
        groups: [{ groupId: "g", leaderId: "x" }],
      },
      { ...TEN, bottomRank: { count: 0, overtimePayoutPercent: 50 } },
    ).callers;
    expect(payout).toMatchObject({ subsidyFen: 504_000, overtimeFen: 10_000 });
  });
});

describe("findTierIndex", () => {
  it("has no tier without admitted candidates, although 0 × 1000 ≥ 0 would pass any inclusive edge", () => {
    expect(findTierIndex(0, 0, DEFAULT_POLICY)).toBeNull();
    expect(findTierIndex(99, 100, DEFAULT_POLICY)).toBe(0);
  });
});
