import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { list, type SubsidyStep, stepText } from "./steps";

const zh = translatorFor("zh-CN");
const en = translatorFor("en");
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

// Every kind of step the explanation.test.ts journeys do not reach, each as the person paid reads it.
// The sentence pins the catalogue key and every value the step passes to it.
const SENTENCES: [SubsidyStep, string][] = [
  [{ kind: "noAdmitted" }, "无录取考生：无报到率，无电话补贴"],
  [
    {
      kind: "workload",
      contacts: 40,
      contactsPerAssigned: 4,
      assigned: 10,
      minutes: 150.25,
      minutesPerAssigned: 20,
      met: false,
      contactsShort: 0,
      minutesShort: 49.75,
    },
    "工作量：联系 40 次（最低 4 × 10 = 40 次），时长 150.25 分钟（最低 20 × 10 = 200 分钟）：未达到最低工作量（时长差 49.75 分钟）",
  ],
  [
    {
      kind: "workload",
      contacts: 35,
      contactsPerAssigned: 4,
      assigned: 10,
      minutes: 200,
      minutesPerAssigned: 20,
      met: false,
      contactsShort: 5,
      minutesShort: 0,
    },
    "工作量：联系 35 次（最低 4 × 10 = 40 次），时长 200 分钟（最低 20 × 10 = 200 分钟）：未达到最低工作量（联系次数差 5 次）",
  ],
  [{ kind: "creditMovedAway", count: 2 }, "录取后调给他人的 2 名考生仍计入本人（调动时写明了原因，见各人明细）"],
  [{ kind: "creditHeldForOthers", count: 3 }, "本人现负责的 3 名考生系录取后调入，仍计入原回访人员，不计入本人"],
  [{ kind: "declinedCounted", count: 1 }, "放弃录取 1 人仍计入录取人数（方案未设例外）"],
  [
    { kind: "enrollmentRecorded", confirmed: 7, claimed: 9 },
    "报到人数以报到名单和数据组确认为准，计 7 人；本人登记“已报到” 9 人，未经确认的不计",
  ],
  [{ kind: "belowLowestTier", lowerBoundPermille: 920, inclusive: true }, "未达到最低档 ≥92%：无电话补贴"],
  [{ kind: "noStepBelowBasic", basicPermille: 930 }, "未达到基本任务 93%，无步进"],
  [{ kind: "noStepWorkload" }, "未达到最低工作量，无步进"],
  [
    { kind: "noFullStep", basicPermille: 930, lowerBoundPermille: 955, sizePermille: 15 },
    "达到基本任务 93% 且达到最低工作量，高于档位下限 95.5% 不满 1.5 个百分点，无步进",
  ],
  [
    { kind: "workloadDeduction", deductionFen: 500, beforeFen: 300, perStudentFen: 0 },
    "未达到最低工作量，扣除 5.00 元/人：3.00 − 5.00，不低于 0，计 0.00 元/人",
  ],
  [
    { kind: "workloadDeduction", deductionFen: 500, beforeFen: 500, perStudentFen: 0 },
    "未达到最低工作量，扣除 5.00 元/人：5.00 − 5.00，计 0.00 元/人",
  ],
  [
    { kind: "slander", findings: 2, percent: 20, fromFen: 100_000, deductedFen: 20_000, paidFen: 80_000 },
    "诋毁他人（2 次）：电话补贴扣除 20%，1,000.00 × 20% = 200.00 元，余 1,000.00 − 200.00 = 800.00 元",
  ],
  [
    { kind: "registrationPoints", registrations: 3, pointsEach: 2, points: 6, fenPerPoint: 150, fen: 900 },
    "生源报备 3 条 × 每条 2 积分 = 6 积分，6 积分 × 1.50 元/积分 = 9.00 元",
  ],
  [
    { kind: "callerTotal", subsidyFen: 100_000, overtimeFen: 5_000, registrationFen: 900, totalFen: 105_900 },
    "合计：电话补贴 1,000.00 + 加班补贴 50.00 + 生源报备积分 9.00 = 1,059.00 元",
  ],
  [{ kind: "groupNoAdmitted" }, "小组无录取考生：无小组报到率，无组长专项补贴"],
  [
    { kind: "groupRateMean", members: 3, basisPoints: 9566, inexact: true, ratePermille: 956 },
    "小组报到率（3 名组员报到率的平均）= 95.66…%，计为 956‰（95.6%）",
  ],
  [
    { kind: "groupRateMean", members: 2, basisPoints: 9405, inexact: false, ratePermille: 940 },
    "小组报到率（2 名组员报到率的平均）= 94.05%，计为 940‰（94.0%）",
  ],
  [{ kind: "leaderBonusBasic", basicPermille: 930, bonusFen: 100_000 }, "达到基本任务 ≥93%：组长专项补贴 1,000.00 元"],
  [{ kind: "leaderBonusNone", basicPermille: 930 }, "未达到基本任务 93%：无组长专项补贴"],
  [
    { kind: "award", eligible: true, mistakenWithdrawal: false, bottomRankCount: null },
    "评奖资格：未被本方案的处罚措施取消",
  ],
  [{ kind: "award", eligible: false, mistakenWithdrawal: true, bottomRankCount: null }, "评奖资格：取消（误退）"],
  [
    { kind: "fraud", amount: "overtime", percent: 30, fromFen: 1000, deductedFen: 300, paidFen: 700 },
    "玩忽职守/弄虚作假：加班补贴扣除 30%，10.00 × 30% = 3.00 元，余 10.00 − 3.00 = 7.00 元",
  ],
];

describe("each kind of step, as the person paid reads it", () => {
  it.each(SENTENCES)("%o", (step, sentence) => {
    expect(renderText(zh, stepText(step))).toBe(sentence);
  });

  it("reads in English without a Chinese character", () => {
    const lines = SENTENCES.map(([step]) => renderText(en, stepText(step)));
    expect(lines.filter((line) => CJK.test(line))).toEqual([]);
    expect(lines).toContain("Below the lowest tier ≥92%: no phone subsidy");
    expect(lines).toContain(
      "Candidates who gave up their place, still counted as admitted: 1 (the plan makes no exception)",
    );
  });
});

describe("people and groups, named by the reader", () => {
  // the reader's lookup is told whether an id is a person's or a group's
  const tagged = (step: SubsidyStep) =>
    renderText(
      zh,
      stepText(step, (id, kind) => `${kind}:${id}`),
    );

  it("asks for a person or a group by the step's kind", () => {
    expect(
      tagged({
        kind: "fraud",
        amount: "leaderBonus",
        leaderId: "l",
        percent: 20,
        fromFen: 100_000,
        deductedFen: 20_000,
        paidFen: 80_000,
      }),
    ).toContain("组长 person:l");
    expect(tagged({ kind: "leaderOf", groupId: "g", leaderBonusFen: 100 })).toContain("小组 group:g");
    expect(tagged({ kind: "groupWithdrawal", memberIds: ["a", "b"] })).toContain("person:a、person:b");
    expect(tagged({ kind: "leaderBonus", leaderId: "l", bonusFen: 100 })).toContain("组长 person:l");
  });

  it("lists nobody as an empty text", () => {
    expect(list([])).toBe("");
  });
});
