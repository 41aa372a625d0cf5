import { describe, expect, it } from "vitest";
import {
  ANONYMOUS_TEXT,
  anonymousExamNo,
  isAnonymousExamNo,
  isRetentionDue,
  redactWeekFigures,
  retentionDueAt,
  scrubPhoneNumbers,
  scrubText,
} from "./rules";

const at = (iso: string) => new Date(iso);
// no clean-up period, so the dates read as the retention period alone; the clean-up test below adds it
const campaign = (retentionDays: number, closes: string[], cleanupDays = 0) => ({
  retentionDays,
  phaseWindows: closes.map((c) => ({ closesAt: at(c) })),
  workflowPolicy: { cleanupDays },
});

describe("retentionDueAt / isRetentionDue (fake clock: now is passed in)", () => {
  const c = campaign(365, ["2024-06-20T16:00:00Z", "2024-09-10T16:00:00Z", "2024-07-15T16:00:00Z"]);

  it("counts from the last phase window's close, whatever the order", () => {
    expect(retentionDueAt(c)).toEqual(at("2025-09-10T16:00:00Z"));
  });

  it.each([
    ["a day after the last close", "2024-09-11T16:00:00Z", false],
    ["one millisecond before the due moment", "2025-09-10T15:59:59.999Z", false],
    ["exactly at the due moment", "2025-09-10T16:00:00Z", true],
    ["a year later", "2026-09-10T16:00:00Z", true],
  ])("%s -> due %s", (_label, now, due) => {
    expect(isRetentionDue(c, at(now))).toBe(due);
  });

  it("uses the campaign's own retention period", () => {
    const short = campaign(30, ["2024-09-10T16:00:00Z"]);
    expect(isRetentionDue(short, at("2024-10-10T15:59:59Z"))).toBe(false);
    expect(isRetentionDue(short, at("2024-10-10T16:00:00Z"))).toBe(true);
    const zero = campaign(0, ["2024-09-10T16:00:00Z"]);
    expect(isRetentionDue(zero, at("2024-09-10T16:00:00Z"))).toBe(true);
  });

  it("counts from the end of the clean-up period after the last close (7 days unless the policy says otherwise)", () => {
    expect(retentionDueAt(campaign(30, ["2024-09-10T16:00:00Z"], 7))).toEqual(at("2024-10-17T16:00:00Z"));
    const stored = { retentionDays: 30, phaseWindows: [{ closesAt: at("2024-09-10T16:00:00Z") }] };
    expect(retentionDueAt(stored)).toEqual(at("2024-10-17T16:00:00Z"));
  });

  it("never makes a campaign without phase windows due", () => {
    const none = campaign(0, []);
    expect(retentionDueAt(none)).toBeNull();
    expect(isRetentionDue(none, at("2999-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("anonymousExamNo", () => {
  it("is stable, prefixed, 12 hex digits, and does not contain the exam number", () => {
    const token = anonymousExamNo("camp1", "24510101000123");
    expect(token).toBe(anonymousExamNo("camp1", "24510101000123"));
    expect(token).toMatch(/^ANON-[0-9a-f]{12}$/);
    expect(token).not.toContain("24510101000123");
    expect(isAnonymousExamNo(token)).toBe(true);
    expect(isAnonymousExamNo("24510101000123")).toBe(false);
  });

  it("is the first 12 hex digits of sha256(campaignId + examNo)", () => {
    // sha256("ab") = fb8e20fc2e4c3f248c60c39bd652f3c1347298bb977b8b4d5903b85055620603
    expect(anonymousExamNo("a", "b")).toBe("ANON-fb8e20fc2e4c");
  });

  it("differs between exam numbers and between campaigns", () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 2000; i++) tokens.add(anonymousExamNo("camp1", `2451${String(i).padStart(10, "0")}`));
    expect(tokens.size).toBe(2000);
    expect(anonymousExamNo("camp1", "245100")).not.toBe(anonymousExamNo("camp2", "245100"));
  });
});

describe("scrubText", () => {
  it("replaces names, exam numbers and phones, longest first", () => {
    const text = "回访人员对考生张三丰（24510101000123，13911112222）承诺录取；张三另案";
    expect(scrubText(text, ["张三", "张三丰", "24510101000123", "13911112222"])).toBe(
      `回访人员对考生${ANONYMOUS_TEXT}（${ANONYMOUS_TEXT}，${ANONYMOUS_TEXT}）承诺录取；${ANONYMOUS_TEXT}另案`,
    );
  });

  it("leaves text without identifiers, and one-character names, alone", () => {
    expect(scrubText("通话记录时长造假", ["张三", "李"])).toBe("通话记录时长造假");
    expect(scrubText("李老师未按时回访", ["李"])).toBe("李老师未按时回访");
  });

  it("is idempotent", () => {
    const once = scrubText("考生王五未接", ["王五"]);
    expect(scrubText(once, ["王五"])).toBe(once);
  });
});

describe("scrubPhoneNumbers", () => {
  const X = ANONYMOUS_TEXT;

  it.each([
    ["a mobile", "家长来电 13800001234 反映", `家长来电 ${X} 反映`],
    ["a mobile written 3-4-4", "号码 138-0000-1234、139 1111 2222", `号码 ${X}、${X}`],
    ["a mobile after the country code", "+86 13800001234 与 008613911112222", `${X} 与 ${X}`],
    ["full-width digits", "电话１３８００００１２３４", `电话${X}`],
    ["a landline with its area code", "028-85551234，(010)12345678，0833 1234567", `${X}，${X}，${X}`],
    ["a bare local number", "座机85551234", `座机${X}`],
    ["the impersonation incident's title", "疑似冒充回访人员：02885551234", `疑似冒充回访人员：${X}`],
  ])("replaces %s", (_, text, expected) => {
    expect(scrubPhoneNumbers(text)).toBe(expected);
  });

  it("leaves exam numbers, dates, times and short figures alone", () => {
    const text = "考生号 24510101000123，2024-07-12 14:30 回访 3 次，补贴 120 元，编号 123456";
    expect(scrubPhoneNumbers(text)).toBe(text);
  });

  it("is idempotent", () => {
    const once = scrubPhoneNumbers("家长 13800001234 与 028-85551234");
    expect(scrubPhoneNumbers(once)).toBe(once);
  });
});

describe("redactWeekFigures", () => {
  const person = { name: "赵六", examNo: "24510101000999", caller: "甲组回访" };
  const figures = {
    weekStart: "2024-07-15",
    contacts: 12,
    admitted: 3,
    newWithdrawals: [person],
    hesitant: [person, person],
    willNotCome: [],
    unreachable: [person],
    laggards: [{ name: "甲组回访", assigned: 2, contacts: 1, minutes: 3 }],
  };

  it("empties the per-person lists, keeps their counts and every other figure", () => {
    const out = redactWeekFigures(figures) as Record<string, unknown>;
    expect(JSON.stringify(out)).not.toContain("赵六");
    expect(JSON.stringify(out)).not.toContain("24510101000999");
    expect(out).toMatchObject({
      weekStart: "2024-07-15",
      contacts: 12,
      admitted: 3,
      newWithdrawals: [],
      hesitant: [],
      willNotCome: [],
      unreachable: [],
      laggards: figures.laggards,
      anonymisedCounts: { newWithdrawals: 1, hesitant: 2, willNotCome: 0, unreachable: 1 },
    });
  });

  it("is idempotent and leaves non-objects alone", () => {
    const once = redactWeekFigures(figures);
    expect(redactWeekFigures(once)).toBe(once);
    expect(redactWeekFigures(null)).toBeNull();
    expect(redactWeekFigures([1])).toEqual([1]);
  });
});
