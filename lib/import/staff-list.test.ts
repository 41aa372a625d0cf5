// The staff list (人员名单): its columns' normalisers and the checker on its spec, table-driven.
import { describe, expect, it } from "vitest";
import { inChinese } from "@/tests/support/import-fixtures";
import { type DuplicateLogin, SpecChecker, type StaffRecord } from "./check";
import { detectHeader, fieldForHeader, mapHeader, STAFF_FIELDS, STAFF_SPEC } from "./columns";
import { normalizeIdentity, normalizeLogin, normalizeMobile, normalizeStaffSource } from "./normalize";

const HEADER = ["工号/学号", "姓名", "手机", "身份", "学院/部门", "来源", "学生干部", "地区"];

function checker(header: unknown[] = HEADER) {
  const records: StaffRecord[] = [];
  const check = new SpecChecker(STAFF_SPEC, mapHeader(header, STAFF_SPEC), 1, (r) => records.push(r));
  return { check, records, report: () => inChinese(check.report<DuplicateLogin>()) };
}

describe("staff list headers", () => {
  it.each([
    ["工号/学号", "login"],
    ["工号", "login"],
    ["学号", "login"],
    ["账号", "login"],
    [" 工 号 ＊", "login"],
    ["姓名", "name"],
    ["手机号码", "phone"],
    ["联系电话（手机）", "phone"],
    ["身份", "identity"],
    ["学院/部门", "department"],
    ["学院", "department"],
    ["部门", "department"],
    ["来源", "source"],
    ["是否学生干部", "studentCadre"],
    ["地区", "region"],
    ["考生号", null],
  ])("%s -> %s", (header, field) => {
    expect(fieldForHeader(header, STAFF_FIELDS)).toBe(field);
  });

  it("finds the header row below a title row, by the login column and one more", () => {
    const found = detectHeader([["2024年回访人员名单"], ["学号", "姓名"]], 20, STAFF_SPEC);
    expect(found?.index).toBe(1);
    expect(detectHeader([["姓名", "手机"]], 20, STAFF_SPEC)).toBeNull();
  });
});

describe("normalizeLogin (工号/学号 -> the login)", () => {
  it.each<[unknown, string]>([
    ["T2024001", "t2024001"],
    [" s2024.02 ", "s2024.02"],
    ["Ｔ２０２４", "t2024"],
    [20240001, "20240001"],
    ["2024 0001", "20240001"],
    ["li_ming-1", "li_ming-1"],
  ])("%j -> %s", (value, login) => {
    expect(normalizeLogin(value)).toEqual({ ok: true, value: login });
  });

  it.each<[unknown, string]>([
    ["张三", "LOGIN_FORMAT"],
    ["a", "LOGIN_FORMAT"],
    ["-abc", "LOGIN_FORMAT"],
    ["a@b", "LOGIN_FORMAT"],
    ["x".repeat(65), "LOGIN_FORMAT"],
    [1.5e20, "LOGIN_PRECISION"],
    [new Date(Date.UTC(2024, 0, 1)), "LOGIN_AS_DATE"],
    ["", "REQUIRED"],
  ])("%j is refused (%s)", (value, code) => {
    expect(normalizeLogin(value)).toMatchObject({ ok: false, code });
  });
});

describe("normalizeMobile (手机: one mainland mobile)", () => {
  it.each<[unknown, string]>([
    ["13800000001", "13800000001"],
    ["138 0000 0001", "13800000001"],
    ["138-0000-0001", "13800000001"],
    ["+86 13800000001", "13800000001"],
    [13800000001, "13800000001"],
  ])("%j -> %s", (value, phone) => {
    expect(normalizeMobile(value)).toEqual({ ok: true, value: phone });
  });

  it.each<[unknown, string, string]>([
    ["028-85551234", "PHONE_NOT_MOBILE", "“028-85551234”不是手机号：这里需要 11 位的大陆手机号。"],
    ["12345", "PHONE_FORMAT", "“12345”不是手机号：这里需要 11 位的大陆手机号。"],
    ["电话", "PHONE_FORMAT", "“电话”不是手机号：这里需要 11 位的大陆手机号。"],
  ])("%j is refused (%s)", (value, code, message) => {
    const result = normalizeMobile(value);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(inChinese(result.message)).toBe(message);
  });
});

describe("normalizeIdentity (身份)", () => {
  it.each<[string, string]>([
    ["教师", "TEACHER"],
    ["老师", "TEACHER"],
    [" 教职工 ", "TEACHER"],
    ["学生", "STUDENT"],
  ])("%s -> %s", (value, identity) => {
    expect(normalizeIdentity(value)).toEqual({ ok: true, value: identity });
  });

  it("names both words when it cannot read one", () => {
    const result = normalizeIdentity("干部");
    expect(result).toMatchObject({ ok: false, code: "IDENTITY_FORMAT" });
    if (!result.ok) expect(inChinese(result.message)).toBe("身份“干部”看不懂：请填“教师”或“学生”。");
  });
});

describe("normalizeStaffSource (来源)", () => {
  it.each<[string, string]>([
    ["2023年优秀回访人员", "EXCELLENT_2023"],
    ["2023年参与回访", "PRIOR_2023"],
    ["自愿报名", "VOLUNTEER"],
    ["推荐", "RECOMMENDED"],
    ["学院选派", "COLLEGE_PICK"],
    ["组长推荐", "LEADER_PICK"],
    ["2023 年 优秀回访人员", "EXCELLENT_2023"],
  ])("%s -> %s", (value, source) => {
    expect(normalizeStaffSource(value)).toEqual({ ok: true, value: source });
  });

  it("refuses an unknown source, naming the accepted ones", () => {
    const result = normalizeStaffSource("随便");
    expect(result).toMatchObject({ ok: false, code: "SOURCE_FORMAT" });
    if (!result.ok) expect(inChinese(result.message)).toContain("2023年优秀回访人员 / 2023年参与回访 / 自愿报名");
  });
});

describe("the staff list checked row by row", () => {
  it("keeps a valid row with its normalised values; an empty 来源 is left for the default", () => {
    const { check, records, report } = checker();
    check.push(2, ["T2024001", " 周老师 ", "138 0000 0001", "教师", "护理学院", "", "", "成都"]);
    check.push(3, ["S01", "吴同学", "13800000002", "学生", "", "推荐", "是", ""]);
    expect(report()).toEqual({ rows: 2, valid: 2, errors: [], duplicates: [] });
    expect(records).toEqual([
      {
        row: 2,
        key: "t2024001",
        values: {
          login: "t2024001",
          name: "周老师",
          phone: "13800000001",
          identity: "TEACHER",
          department: "护理学院",
          region: "成都",
        },
      },
      {
        row: 3,
        key: "s01",
        values: {
          login: "s01",
          name: "吴同学",
          phone: "13800000002",
          identity: "STUDENT",
          source: "RECOMMENDED",
          studentCadre: true,
        },
      },
    ]);
  });

  it.each<[string, unknown[], { column: string; code: string }[]]>([
    ["no name", ["T1", "", "13800000001", "教师"], [{ column: "姓名", code: "REQUIRED" }]],
    ["no mobile", ["T1", "某", "", "教师"], [{ column: "手机", code: "REQUIRED" }]],
    ["no identity", ["T1", "某", "13800000001", ""], [{ column: "身份", code: "REQUIRED" }]],
    ["a landline", ["T1", "某", "028-85551234", "教师"], [{ column: "手机", code: "PHONE_NOT_MOBILE" }]],
    ["a bad login", ["张三", "某", "13800000001", "教师"], [{ column: "工号/学号", code: "LOGIN_FORMAT" }]],
    [
      "a bad cadre and source",
      ["T1", "某", "13800000001", "学生", "", "乱写", "也许"],
      [
        { column: "来源", code: "SOURCE_FORMAT" },
        { column: "学生干部", code: "YES_NO_FORMAT" },
      ],
    ],
  ])("refuses a row with %s, by its Excel row and column", (_case, row, errors) => {
    const { check, records, report } = checker();
    check.push(7, row);
    expect(report()).toMatchObject({ rows: 1, valid: 0, duplicates: [] });
    expect(report().errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual(
      errors.map((e) => ({ row: 7, ...e })),
    );
    expect(records).toEqual([]);
  });

  it("reports a login on several rows (whatever its case) with every row, keyed by login", () => {
    const { check, report } = checker();
    check.push(2, ["T1", "甲", "13800000001", "教师"]);
    check.push(3, ["S2", "乙", "13800000002", "学生"]);
    check.push(4, ["t1", "丙", "13800000003", "教师"]);
    check.push(5, ["T1", "丁", "", "教师"]);
    expect(report()).toMatchObject({ rows: 4, valid: 3, duplicates: [{ login: "t1", rows: [2, 4, 5] }] });
  });

  it("reports the required columns a file lacks against its header row, and finds no row valid", () => {
    const { check, report } = checker(["学号", "姓名", "学院"]);
    check.push(2, ["S1", "甲", "护理学院"]);
    expect(report()).toMatchObject({
      rows: 1,
      valid: 0,
      errors: [
        {
          row: 1,
          column: "手机",
          code: "MISSING_COLUMN",
          message: "人员名单缺少“手机/手机号/手机号码/联系电话/电话”列。",
        },
        { row: 1, column: "身份", code: "MISSING_COLUMN", message: "人员名单缺少“身份/人员身份/教师/学生”列。" },
      ],
    });
  });
});
