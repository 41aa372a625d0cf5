import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import {
  type CallerInput,
  computePayouts,
  DEFAULT_POLICY,
  nextTierHint,
  type PayoutInput,
  type SubsidyStep,
} from "./index";
import { points, stepText, yuan, yuanPerStudent } from "./steps";

const zh = translatorFor("zh-CN");
const en = translatorFor("en");
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const render = (t: typeof zh, steps: readonly SubsidyStep[]) => steps.map((step) => renderText(t, stepText(step)));

// A leader with every penalty and a member below the workload, both in the bottom three.
const MEMBER: CallerInput = {
  callerId: "m1",
  groupId: "g1",
  assigned: 100,
  admitted: 100,
  enrolled: 96,
  contacts: 390,
  minutes: 1990.5,
  overtimeFen: 10_001,
};

const INPUT: PayoutInput = {
  callers: [
    {
      callerId: "lead",
      groupId: "g1",
      assigned: 300,
      admitted: 300,
      enrolled: 287,
      contacts: 1200,
      minutes: 6000,
      overtimeFen: 30_000,
      mistakenWithdrawal: true,
      fraudPercent: 20,
    },
    MEMBER,
    { callerId: "m2", groupId: "g1", assigned: 100, admitted: 100, enrolled: 99, contacts: 400, minutes: 2000 },
    { callerId: "p1", groupId: "g2", assigned: 100, admitted: 100, enrolled: 97, contacts: 400, minutes: 2000 },
    { callerId: "p2", groupId: "g2", assigned: 100, admitted: 100, enrolled: 98, contacts: 400, minutes: 2000 },
  ],
  groups: [
    { groupId: "g1", leaderId: "lead" },
    { groupId: "g2", leaderId: "p1" },
  ],
};

describe("amounts", () => {
  it("read as the payout screens wrote them in Chinese, and with a ¥ in English", () => {
    expect(renderText(zh, yuan(720_000))).toBe("7,200.00 元");
    expect(renderText(en, yuan(720_000))).toBe("¥7,200.00");
    expect(renderText(zh, yuanPerStudent(7000))).toBe("70.00 元/人");
    expect(renderText(en, yuanPerStudent(7000))).toBe("¥70.00 per student");
    expect(renderText(zh, points(1))).toBe("0.1 个百分点");
    expect(renderText(en, points(10))).toBe("1 percentage point");
    expect(renderText(en, points(15))).toBe("1.5 percentage points");
  });
});

describe("the explanation of a payout, rendered", () => {
  // computed inside each test, not when the file is collected, so each test is known to cover it
  function payouts() {
    const result = computePayouts(INPUT, DEFAULT_POLICY);
    const [lead, member] = result.callers;
    const [group] = result.groups;
    return { lead, member, group };
  }

  it("reads in Chinese exactly as the lines lib/subsidy wrote before steps", () => {
    const { lead, member, group } = payouts();
    expect(render(zh, lead?.steps ?? [])).toEqual([
      "报到率 = 报到 287 人 ÷ 录取 300 人 = 95.66…%，计为 956‰（95.6%）",
      "工作量：联系 1200 次（最低 4 × 300 = 1200 次），时长 6000 分钟（最低 20 × 300 = 6000 分钟）：达到最低工作量",
      "档位 >95%：70.00 元/人",
      "达到基本任务 93% 且达到最低工作量，高于档位下限 95% 满 6 个 0.1 个百分点，步进 6 × 0.50 元 = 3.00 元，标准 70.00 + 3.00 = 73.00 元/人",
      "287 人 × 73.00 元 = 20,951.00 元",
      "误退：电话补贴按 50% 发放，20,951.00 × 50% = 10,475.50 元",
      "玩忽职守/弄虚作假：电话补贴扣除 20%，10,475.50 × 20% = 2,095.10 元，余 10,475.50 − 2,095.10 = 8,380.40 元",
      "电话补贴 8,380.40 元",
      "报到率排名倒数第 1 名（5 人有报到率，倒数 3 名含并列）：取消各类评奖资格，加班补贴按 50% 发放（见下）",
      "加班补贴（录入）300.00 元",
      "报到率倒数 3 名：加班补贴按 50% 发放，300.00 × 50% = 150.00 元",
      "误退：加班补贴按 50% 发放，150.00 × 50% = 75.00 元",
      "玩忽职守/弄虚作假：加班补贴扣除 20%，75.00 × 20% = 15.00 元，余 75.00 − 15.00 = 60.00 元",
      "加班补贴 60.00 元",
      "评奖资格：取消（误退、报到率倒数 3 名）",
      "合计：电话补贴 8,380.40 + 加班补贴 60.00 = 8,440.40 元",
      "另：担任小组 g1 组长，组长专项补贴 600.00 元（见小组明细）",
    ]);
    expect(render(zh, member?.steps ?? [])).toEqual([
      "报到率 = 报到 96 人 ÷ 录取 100 人 = 96.00%，计为 960‰（96.0%）",
      "工作量：联系 390 次（最低 4 × 100 = 400 次），时长 1990.5 分钟（最低 20 × 100 = 2000 分钟）：未达到最低工作量（联系次数差 10 次，时长差 9.5 分钟）",
      "档位 >95%：70.00 元/人",
      "未达到最低工作量，无步进",
      "未达到最低工作量，扣除 5.00 元/人：70.00 − 5.00，计 65.00 元/人",
      "96 人 × 65.00 元 = 6,240.00 元",
      "电话补贴 6,240.00 元",
      "报到率排名倒数第 2 名（5 人有报到率，倒数 3 名含并列）：取消各类评奖资格，加班补贴按 50% 发放（见下）",
      "加班补贴（录入）100.01 元",
      "报到率倒数 3 名：加班补贴按 50% 发放，100.01 × 50% = 50.01 元",
      "加班补贴 50.01 元",
      "评奖资格：取消（报到率倒数 3 名）",
      "合计：电话补贴 6,240.00 + 加班补贴 50.01 = 6,290.01 元",
    ]);
    expect(render(zh, group?.steps ?? [])).toEqual([
      "小组报到率（合并计算）= 报到 482 人 ÷ 录取 500 人 = 96.40%，计为 964‰（96.4%）",
      "达到目标任务 ≥95%：组长专项补贴 1,500.00 元（不与基本任务补贴累计）",
      "组员 lead 误退：小组取消评奖资格",
      "误退：组长专项补贴按 50% 发放，1,500.00 × 50% = 750.00 元",
      "组长 lead 玩忽职守/弄虚作假：组长专项补贴扣除 20%，750.00 × 20% = 150.00 元，余 750.00 − 150.00 = 600.00 元",
      "组长 lead 实得组长专项补贴 600.00 元",
    ]);
    expect(renderText(zh, nextTierHint(MEMBER, DEFAULT_POLICY).line)).toBe(
      "再报到 1 人，报到率 97.00%（计为 97.0%），进入档位 >96%：70.00 元/人，电话补贴 6,240.00 → 6,790.00 元，" +
        "多得 550.00 元（按当前工作量计，未达到最低工作量：无步进并扣减标准）",
    );
  });

  it("names people and groups by what the reader passes, from the steps' ids", () => {
    const { lead, group } = payouts();
    const names = new Map([
      ["lead", "张老师"],
      ["g1", "第一组"],
    ]);
    const named = (steps: readonly SubsidyStep[]) =>
      steps.map((step) =>
        renderText(
          zh,
          stepText(step, (id) => names.get(id) ?? id),
        ),
      );
    expect(named(lead?.steps ?? []).at(-1)).toBe("另：担任小组 第一组 组长，组长专项补贴 600.00 元（见小组明细）");
    expect(named(group?.steps ?? []).at(-1)).toBe("组长 张老师 实得组长专项补贴 600.00 元");
    expect(named(group?.steps ?? [])[2]).toBe("组员 张老师 误退：小组取消评奖资格");
  });

  it("reads in English without a Chinese character", () => {
    const { lead, member, group } = payouts();
    const lines = [
      ...render(en, lead?.steps ?? []),
      ...render(en, member?.steps ?? []),
      ...render(en, group?.steps ?? []),
    ];
    expect(lines.filter((line) => CJK.test(line))).toEqual([]);
    expect(lines).toContain("Phone subsidy ¥8,380.40");
    expect(lines).toContain("Leader lead receives a leader bonus of ¥600.00");
  });
});
