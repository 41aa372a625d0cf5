import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { withNames } from "./names";

describe("withNames", () => {
  const zh = translatorFor("zh-CN");
  const names = new Map([
    ["ckleader1", "张老师"],
    ["ckgroup1", "第一组"],
  ]);

  it("names the people and groups a step carries by id", () => {
    expect(renderText(zh, withNames({ kind: "leaderBonus", leaderId: "ckleader1", bonusFen: 100_000 }, names))).toBe(
      "组长 张老师 实得组长专项补贴 1,000.00 元",
    );
    expect(renderText(zh, withNames({ kind: "leaderOf", groupId: "ckgroup1", leaderBonusFen: 0 }, names))).toBe(
      "另：担任小组 第一组 组长，组长专项补贴 0.00 元（见小组明细）",
    );
  });

  it("leaves figures alone, even when they look like an id, and keeps an unknown id", () => {
    const step = { kind: "groupWithdrawal", memberIds: ["ckleader1", "cknobody"] } as const;
    expect(renderText(zh, withNames({ ...step, memberIds: [...step.memberIds] }, names))).toBe(
      "组员 张老师、cknobody 误退：小组取消评奖资格",
    );
    const numeric = new Map([["100", "不是金额"]]);
    expect(renderText(zh, withNames({ kind: "phoneSubsidy", subsidyFen: 10_000 }, numeric))).toBe("电话补贴 100.00 元");
  });
});
