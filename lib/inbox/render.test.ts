import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { describeNotice } from "./render";

const zh = translatorFor("zh-CN");
const en = translatorFor("en");

/** The notice as a reader sees it: title, lines, then the quote's label and words. */
function read(kind: Parameters<typeof describeNotice>[0], params: unknown, t = zh) {
  const view = describeNotice(kind, params);
  return {
    title: renderText(t, view.title),
    lines: view.lines.map((line) => renderText(t, line)),
    quote: view.quote ? `${renderText(t, view.quote.label)}: ${view.quote.words}` : null,
  };
}

describe("describeNotice", () => {
  it.each([
    [
      "a fraud finding names the violation, the percent, the candidate and the reason as entered",
      "FINDING",
      {
        candidateName: "黄果",
        violation: "FRAUD",
        deductionPercent: 20,
        payoutPercent: null,
        reason: "通话记录与家长说法不符",
        correctionDeadline: "2024-08-20",
      },
      {
        title: "督查认定：徇私舞弊 / 弄虚作假",
        lines: ["扣减补贴 20%", "考生：黄果", "请在 2024-08-20 前整改"],
        quote: "督查说明: 通话记录与家长说法不符",
      },
    ],
    [
      "误退 says the policy's payout percent",
      "FINDING",
      {
        candidateName: null,
        violation: "MISTAKEN_WITHDRAWAL",
        deductionPercent: null,
        payoutPercent: 50,
        reason: "材料不全即退档",
        correctionDeadline: null,
      },
      { title: "督查认定：误退", lines: ["所有补贴按 50% 发放"], quote: "督查说明: 材料不全即退档" },
    ],
    [
      "违规承诺 deducts nothing",
      "FINDING",
      {
        candidateName: "张三",
        violation: "FALSE_PROMISE",
        deductionPercent: null,
        payoutPercent: null,
        reason: "承诺包分配",
      },
      { title: "督查认定：违规承诺", lines: ["不扣补贴，须按要求整改", "考生：张三"], quote: "督查说明: 承诺包分配" },
    ],
    [
      "a 退档 send-back carries the data team's reason",
      "WITHDRAWAL_SENT_BACK",
      { candidateName: "姜风华", withdrawalKind: "WITHDRAW", reason: "缺少家长签字" },
      {
        title: "姜风华 的退档申请被数据组退回",
        lines: ["请按退回原因补齐材料后重新提交。"],
        quote: "退回原因: 缺少家长签字",
      },
    ],
    [
      "a 放弃录取 send-back says which request",
      "WITHDRAWAL_SENT_BACK",
      { candidateName: "李四", withdrawalKind: "DECLINE", reason: "照片不清楚" },
      {
        title: "李四 的放弃录取申请被数据组退回",
        lines: ["请按退回原因补齐材料后重新提交。"],
        quote: "退回原因: 照片不清楚",
      },
    ],
    [
      "the leader's advice",
      "ESCALATION_ADVICE",
      { candidateName: "王五", advice: "先和家长约时间再打" },
      {
        title: "组长退回了 王五 的上报，并给出建议",
        lines: ["请按建议继续跟进这位考生。"],
        quote: "组长建议: 先和家长约时间再打",
      },
    ],
    [
      "a case the strike team lost, with its note",
      "ESCALATION_OUTCOME",
      { candidateName: "赵六", outcome: "LOST", resolution: "已入伍" },
      { title: "突击组确认 赵六 流失", lines: [], quote: "突击组说明: 已入伍" },
    ],
    [
      "a case enrolled without a note has no quote",
      "ESCALATION_OUTCOME",
      { candidateName: "赵六", outcome: "ENROLLED", resolution: null },
      { title: "突击组劝来 赵六，考生已报到", lines: [], quote: null },
    ],
    [
      "candidates moved away after admission keep the reader's credit, and say why",
      "CANDIDATES_MOVED",
      { direction: "out", count: 4, names: ["甲", "乙", "丙"], cause: "MOVE", reason: "平衡工作量", creditKept: 2 },
      {
        title: "4 位考生从你名下调出：甲、乙、丙 等 4 人",
        lines: ["组长调整了考生分配。", "其中 2 人已在录取时计入你的名下，补贴仍计入你。"],
        quote: "调整原因: 平衡工作量",
      },
    ],
    [
      "a refused leave quotes the leader's reason",
      "LEAVE_DECISION",
      { approved: false, from: "2024-08-01", to: "2024-08-03", reason: "报到周人手紧", reassigned: 0 },
      { title: "请假未批准：2024-08-01 至 2024-08-03", lines: [], quote: "组长说明: 报到周人手紧" },
    ],
    [
      "an approved leave says how many candidates went to others",
      "LEAVE_DECISION",
      { approved: true, from: "2024-08-01", to: "2024-08-03", reason: null, reassigned: 7 },
      {
        title: "请假已批准：2024-08-01 至 2024-08-03",
        lines: ["你名下 7 位考生已交给组内其他回访人员。"],
        quote: null,
      },
    ],
  ] as const)("%s", (_name, kind, params, expected) => {
    expect(read(kind, params)).toEqual(expected);
  });

  it("renders in English with the data as entered", () => {
    expect(
      read("FINDING", { violation: "FRAUD", deductionPercent: 30, reason: "伪造通话", candidateName: "黄果" }, en),
    ).toEqual({
      title: "Inspection finding: Fraud",
      lines: ["Subsidy reduced by 30%", "Candidate: 黄果"],
      quote: "Inspector's note: 伪造通话",
    });
  });

  it("still renders a notice whose params are missing or malformed", () => {
    const view = read("FINDING", null);
    expect(view.title).toBe("督查认定：违规");
    expect(view.quote).toBeNull();
    expect(read("CANDIDATES_MOVED", { direction: "in", count: "x", names: "no" }).title).toBe("0 位考生调到你名下：");
  });

  it("marks each datum entered by a person", () => {
    const view = describeNotice(
      "CANDIDATES_MOVED",
      { direction: "in", count: 2, names: ["甲", "乙"], cause: "LEAVE" },
      (d) => `[${d}]`,
    );
    expect(renderText(zh, view.title)).toBe("2 位考生调到你名下：[甲]、[乙]");
  });
});
