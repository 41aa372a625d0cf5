import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, text } from "@/lib/i18n/text";
import { type CallerInput, computePayouts, type GroupInput, SubsidyInputError } from "./index";

const zh = translatorFor("zh-CN");

function caller(overrides: Partial<CallerInput> = {}): CallerInput {
  return {
    callerId: "c7",
    groupId: "g1",
    assigned: 10,
    admitted: 10,
    enrolled: 9,
    contacts: 40,
    minutes: 200,
    ...overrides,
  };
}

const GROUPS: GroupInput[] = [{ groupId: "g1", leaderId: "c7" }];

/** The refusal as the reader sees it in Chinese (the error carries a catalogue sentence). */
function compute(callers: CallerInput[], groups: GroupInput[] = GROUPS) {
  return () => {
    try {
      computePayouts({ callers, groups });
    } catch (error) {
      if (error instanceof SubsidyInputError) throw new Error(renderText(zh, error.sentence));
      throw error;
    }
  };
}

describe("invalid caller input is rejected, naming the caller and the field", () => {
  it.each([
    ["negative enrolled", { enrolled: -1 }, /回访人员 c7：enrolled（报到人数）为 -1/],
    ["fractional admitted", { admitted: 9.5 }, /回访人员 c7：admitted（录取人数）为 9.5/],
    ["negative assigned", { assigned: -3 }, /回访人员 c7：assigned（投档人数）/],
    ["NaN contacts", { contacts: Number.NaN }, /回访人员 c7：contacts（联系次数）为 NaN/],
    ["negative minutes", { minutes: -1 }, /回访人员 c7：minutes/],
    ["infinite minutes", { minutes: Number.POSITIVE_INFINITY }, /回访人员 c7：minutes/],
    ["enrolled above admitted", { enrolled: 11 }, /回访人员 c7：enrolled（报到人数）11 大于 admitted/],
    ["admitted above assigned", { assigned: 9, enrolled: 8 }, /回访人员 c7：admitted（录取人数）10 大于 assigned/],
    ["negative overtime", { overtimeFen: -5 }, /回访人员 c7：overtimeFen/],
    ["fractional overtime", { overtimeFen: 1.5 }, /回访人员 c7：overtimeFen/],
    ["fraud below the range", { fraudPercent: 10 }, /回访人员 c7：fraudPercent.*0 或 20–100/],
    ["fraud above the range", { fraudPercent: 101 }, /回访人员 c7：fraudPercent/],
    ["fractional fraud", { fraudPercent: 20.5 }, /回访人员 c7：fraudPercent/],
    ["negative fraud", { fraudPercent: -20 }, /回访人员 c7：fraudPercent/],
    ["unknown group", { groupId: "g9" }, /回访人员 c7：groupId（小组）g9 不在小组列表中/],
  ])("%s", (_label, overrides, message) => {
    expect(compute([caller(overrides)])).toThrow(message);
  });

  it("rejects a duplicate caller", () => {
    expect(compute([caller(), caller()])).toThrow(/回访人员 c7：callerId（回访人员编号）重复/);
  });

  it("rejects an empty caller id by position", () => {
    expect(compute([caller(), caller({ callerId: "" })])).toThrow(/第 2 条回访人员记录/);
  });

  it("rejects a duplicate group", () => {
    expect(compute([caller()], [...GROUPS, ...GROUPS])).toThrow(/小组 g1：groupId（小组编号）重复/);
  });

  it("rejects a leader whose own record is in another group", () => {
    const groups = [
      { groupId: "g1", leaderId: "c7" },
      { groupId: "g2", leaderId: "c7" },
    ];
    expect(compute([caller()], groups)).toThrow(/小组 g2：组长 c7 的回访记录属于小组 g1/);
  });

  it.each([0, 20, 55, 100])("accepts fraudPercent %i", (fraudPercent) => {
    expect(compute([caller({ fraudPercent })])).not.toThrow();
  });

  it("accepts fractional minutes and a leader without a caller record", () => {
    expect(compute([caller({ minutes: 200.5 })], [{ groupId: "g1", leaderId: "someone-else" }])).not.toThrow();
  });
});

describe("blank ids and odd values, refused with their sentence", () => {
  it.each([
    [
      "a blank caller id",
      [caller(), caller({ callerId: "  " })],
      GROUPS,
      "第 2 条回访人员记录：callerId（回访人员编号）不能为空",
    ],
    ["a blank group id", [caller({ groupId: " " })], GROUPS, "回访人员 c7：groupId（小组）不能为空"],
    [
      "a missing group id",
      [caller({ groupId: undefined as unknown as string })],
      GROUPS,
      "回访人员 c7：groupId（小组）不能为空",
    ],
    [
      "negative minutes",
      [caller({ minutes: -0.5 })],
      GROUPS,
      "回访人员 c7：minutes（回访时长，分钟）为 -0.5，必须是非负数",
    ],
    [
      "a 误退 flag that is not true or false",
      [caller({ mistakenWithdrawal: "yes" as unknown as boolean })],
      GROUPS,
      "回访人员 c7：mistakenWithdrawal（误退）为 yes，必须是 true 或 false",
    ],
    [
      "negative 诋毁他人 findings",
      [caller({ slanderFindings: -1 })],
      GROUPS,
      "回访人员 c7：诋毁他人次数应为非负整数，收到 -1",
    ],
    [
      "a caller without an id",
      [caller({ callerId: undefined as unknown as string })],
      GROUPS,
      "第 1 条回访人员记录：callerId（回访人员编号）不能为空",
    ],
    ["a group without an id", [caller()], [{ groupId: " ", leaderId: "c7" }], "小组：groupId（小组编号）不能为空"],
    [
      "a group whose id is missing",
      [caller()],
      [{ groupId: undefined as unknown as string, leaderId: "c7" }],
      "小组：groupId（小组编号）不能为空",
    ],
    [
      "a group whose leader is missing",
      [caller()],
      [{ groupId: "g1", leaderId: undefined as unknown as string }],
      "小组 g1：leaderId（组长）不能为空",
    ],
    ["a group without a leader", [caller()], [{ groupId: "g1", leaderId: "" }], "小组 g1：leaderId（组长）不能为空"],
    [
      "a group with a blank leader",
      [caller()],
      [{ groupId: "g1", leaderId: "  " }],
      "小组 g1：leaderId（组长）不能为空",
    ],
  ])("%s", (_label, callers, groups, sentence) => {
    expect(compute(callers, groups)).toThrow(new Error(sentence));
  });

  it("refuses registration points whose figures do not multiply out", () => {
    const consistent = { registrations: 3, pointsEach: 2, points: 6, fenPerPoint: 150, fen: 900 };
    expect(compute([caller({ registrationPoints: consistent })])).not.toThrow();
    for (const wrong of [
      { ...consistent, points: 5 },
      { ...consistent, points: 5, fen: 750 },
      { ...consistent, fen: 901 },
      { ...consistent, registrations: -3, points: -6, fen: -900 },
      { ...consistent, fenPerPoint: 1.5, fen: 9 },
    ]) {
      expect(compute([caller({ registrationPoints: wrong })])).toThrow(/registrationPoints（生源报备积分）/);
    }
  });

  it("carries the sentence and, for the server's log, its key and values", () => {
    try {
      computePayouts({ callers: [caller({ groupId: "g9" })], groups: GROUPS });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SubsidyInputError);
      const refusal = error as SubsidyInputError;
      expect(refusal.name).toBe("SubsidyInputError");
      expect(refusal.message).toBe(
        'subsidy.errors.caller {"caller":"c7","problem":{"key":"subsidy.errors.unknownGroup","values":{"group":"g9"}}}',
      );
    }
    expect(new SubsidyInputError(text("subsidy.errors.groupsGroupIdEmpty")).message).toBe(
      "subsidy.errors.groupsGroupIdEmpty {}",
    );
  });
});
