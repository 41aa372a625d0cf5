import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { redactWeekFigures } from "@/lib/retention/rules";
import { buildDraft, LIST_LIMIT, type WeekFigures, type WeekPerson, weekLabel } from "./draft";

const week = "2024-07-15";

function figures(patch: Partial<WeekFigures> = {}): WeekFigures {
  return {
    weekStart: "2024-07-15",
    contacts: 42,
    minutes: 310.4,
    admitted: 50,
    enrolled: 46,
    enrolledThisWeek: 5,
    newWithdrawals: [{ name: "张三", examNo: "24510101000001", caller: "李老师" }],
    hesitant: [],
    willNotCome: [{ name: "王五", examNo: "24510101000003", caller: "赵同学" }],
    notEnrolled: [{ name: "邵桂英", examNo: "24510101000004", caller: "赵同学" }],
    unreachable: [],
    escalationsOpened: 2,
    escalationsClosed: 1,
    standard: { contacts: 4, minutes: 20 },
    laggards: [{ name: "赵同学", assigned: 10, contacts: 21, minutes: 95 }],
    ...patch,
  };
}

describe("buildDraft", () => {
  it("writes every section from the week's figures", () => {
    const body = buildDraft("第一组（成都片区）", week, figures());
    expect(body).toContain("第一组（成都片区） 每周学生动态（7月15日—7月21日）");
    expect(body).toContain(
      "本周联系 42 次，共 310 分钟；本周新增报到 5 人。目前录取 50 人，报到 46 人，报到率 92.0%。",
    );
    expect(body).toContain("二、新增退档（1 人）\n- 张三（24510101000001），回访人员 李老师");
    expect(body).toContain("三、犹豫考生（0 人）\n（无）");
    expect(body).toContain("四、明确不来（1 人）\n- 王五（24510101000003），回访人员 赵同学");
    expect(body).toContain("五、未报到（1 人）\n- 邵桂英（24510101000004），回访人员 赵同学");
    expect(body).toContain("六、无法联系（0 人）\n（无）");
    expect(body).toContain("七、上报处理\n本周新上报组长 2 人，办结 1 人。");
    expect(body).toContain("八、工作量未达标（标准：每生 4 次、20 分钟）\n- 赵同学：负责 10 人，每生 2.1 次、9.5 分钟");
    expect(body).toContain("九、下周安排");
  });

  it("says the whole group met the standard when nobody lags", () => {
    expect(buildDraft("甲组", week, figures({ laggards: [] }))).toContain("（全组均已达标）");
  });

  it("shows no rate before anyone is admitted", () => {
    expect(buildDraft("甲组", week, figures({ admitted: 0, enrolled: 0 }))).toContain("报到率 —。");
  });

  it("lists at most LIST_LIMIT names and then the count", () => {
    const many = Array.from({ length: LIST_LIMIT + 3 }, (_, i) => ({
      name: `考生${i}`,
      examNo: String(24510000000000 + i),
      caller: "李老师",
    }));
    const body = buildDraft("甲组", week, figures({ hesitant: many }));
    expect(body).toContain(`三、犹豫考生（${LIST_LIMIT + 3} 人）`);
    expect(body).toContain(`- 考生${LIST_LIMIT - 1}（`);
    expect(body).not.toContain(`- 考生${LIST_LIMIT}（`);
    expect(body).toContain(`- 等 ${LIST_LIMIT + 3} 人`);
  });

  it("labels weeks across a month end", () => {
    expect(weekLabel("2024-07-29")).toBe("7月29日—8月4日");
  });

  it("writes the same draft in English for a leader who reads English, names as they are", () => {
    const body = buildDraft("第一组", week, figures({ contacts: 1234 }), translatorFor("en"));
    expect(body).toContain("第一组 weekly student summary (7/15 – 7/21)");
    expect(body).toContain("This week: 1234 contacts, 310 minutes in all; 5 newly enrolled.");
    expect(body).toContain("2. New withdrawals (1)\n- 张三 (24510101000001), caller 李老师");
    expect(body).toContain("3. Hesitant candidates (0)\n(none)");
    expect(body).toContain("5. Not enrolled (1)\n- 邵桂英 (24510101000004), caller 赵同学");
    expect(body).toContain("- 赵同学: 10 candidates, 2.1 contacts and 9.5 minutes per candidate");
    const withoutNames = body.replace(/第一组|张三|李老师|王五|邵桂英|赵同学/g, "");
    expect(withoutNames).not.toMatch(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/);
  });

  it("labels a week in English as month/day", () => {
    expect(weekLabel("2024-07-29", translatorFor("en"))).toBe("7/29 – 8/4");
  });

  it("keeps the sections in order: 明确不来, then 未报到, then 无法联系", () => {
    const body = buildDraft("甲组", week, figures());
    const at = (heading: string) => body.indexOf(heading);
    expect(at("四、明确不来")).toBeLessThan(at("五、未报到"));
    expect(at("五、未报到")).toBeLessThan(at("六、无法联系"));
    expect(body.slice(at("四、明确不来"), at("五、未报到"))).not.toContain("邵桂英");
  });
});

describe("the stored figures and retention", () => {
  it("names no candidate once redacted: every list of people is one retention empties", () => {
    const person: WeekPerson = { name: "邵桂英", examNo: "24510101000004", caller: "赵同学" };
    const full = figures();
    const lists = Object.keys(full).filter((key) => {
      const value = full[key as keyof WeekFigures];
      return Array.isArray(value) && key !== "laggards";
    });
    const everyListNamed = Object.fromEntries(lists.map((key) => [key, [person]]));
    const redacted = JSON.stringify(redactWeekFigures({ ...full, ...everyListNamed }));
    expect(lists).toContain("notEnrolled");
    expect(redacted).not.toContain("邵桂英");
    expect(redacted).not.toContain("24510101000004");
  });
});
