import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inChinese } from "@/tests/support/import-fixtures";
import {
  cellText,
  type Normalized,
  normalizeDate,
  normalizeExamNo,
  normalizeFirstChoice,
  normalizeGender,
  normalizePhone,
  normalizePhones,
  normalizeText,
  normalizeYesNo,
} from "./normalize";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const CHINESE = /[\u4e00-\u9fff]/;

describe("normalizeExamNo", () => {
  it.each<[string, unknown, string]>([
    ["a 14-digit string", "24510101234567", "24510101234567"],
    ["a 14-digit number cell, exactly", 24510101234567, "24510101234567"],
    ["the largest exact number cell", 2 ** 53 - 1, "9007199254740991"],
    ["full-width digits", "２４５１０１０１２３４５６７", "24510101234567"],
    ["spaces inside", " 2451 0101 2345 67 ", "24510101234567"],
    ["an ideographic space inside", "2451\u30000101234567", "24510101234567"],
    ["8 digits, the shortest", "12345678", "12345678"],
    ["20 digits, the longest", "12345678901234567890", "12345678901234567890"],
  ])("keeps %s", (_, input, expected) => {
    expect(inChinese(normalizeExamNo(input))).toEqual({ ok: true, value: expected });
  });

  it.each<[string, unknown, string]>([
    ["a number beyond 2^53", 2 ** 53 + 2, "EXAM_NO_PRECISION"],
    ["a 20-digit number cell", Number("24510101000001234567"), "EXAM_NO_PRECISION"],
    ["a fractional number cell", 24510101.5, "EXAM_NO_PRECISION"],
    ["a negative number cell", -24510101234567, "EXAM_NO_PRECISION"],
    ["Excel's scientific notation", "2.45E+13", "EXAM_NO_SCIENTIFIC"],
    ["scientific notation with more digits", "2.45101E+13", "EXAM_NO_SCIENTIFIC"],
    ["lower-case scientific notation", "2.45e13", "EXAM_NO_SCIENTIFIC"],
    ["letters", "2451010123456A", "EXAM_NO_FORMAT"],
    ["a dash", "2451-0101234567", "EXAM_NO_FORMAT"],
    ["7 digits", "1234567", "EXAM_NO_LENGTH"],
    ["21 digits", "123456789012345678901", "EXAM_NO_LENGTH"],
    ["an empty cell", "", "REQUIRED"],
    ["a null cell", null, "REQUIRED"],
    ["only spaces", "   ", "REQUIRED"],
  ])("refuses %s", (_, input, code) => {
    const result = normalizeExamNo(input);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && CHINESE.test(inChinese(result.message))).toBe(true);
  });

  it("says how many digits a wrong-length number has", () => {
    expect(inChinese(normalizeExamNo("1234567"))).toEqual({
      ok: false,
      code: "EXAM_NO_LENGTH",
      message: "考生号应为 8 到 20 位数字，这里是 7 位。",
    });
  });
});

describe("normalizePhone", () => {
  it.each<[unknown, string]>([
    ["13800000000", "13800000000"],
    ["138 0000 0000", "13800000000"],
    ["138-0000-0000", "13800000000"],
    ["+86 13800000000", "13800000000"],
    ["+86-138-0000-0000", "13800000000"],
    ["0086 13800000000", "13800000000"],
    ["008613800000000", "13800000000"],
    ["8613800000000", "13800000000"],
    ["１３８００００００００", "13800000000"],
    [" 199 9999 9999 ", "19999999999"],
    [13800000000, "13800000000"],
    // landlines keep their area code
    ["028-85551234", "028-85551234"],
    ["028－85551234", "028-85551234"],
    ["(028)85551234", "028-85551234"],
    ["（028）85551234", "028-85551234"],
    ["02885551234", "028-85551234"],
    ["010-12345678", "010-12345678"],
    ["01012345678", "010-12345678"],
    ["0755-12345678", "0755-12345678"],
    ["075512345678", "0755-12345678"],
    ["0816-2345678", "0816-2345678"],
  ])("reads %j as %s", (input, expected) => {
    expect(inChinese(normalizePhone(input))).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, string]>([
    ["12345", "PHONE_FORMAT"],
    ["1380000000", "PHONE_FORMAT"], // 10 digits
    ["138000000001", "PHONE_FORMAT"], // 12 digits
    ["12800000000", "PHONE_FORMAT"], // no mobile starts with 12
    ["23800000000", "PHONE_FORMAT"],
    ["138abc00000", "PHONE_FORMAT"],
    ["+1 4155550100", "PHONE_FORMAT"],
    ["85551234", "PHONE_FORMAT"], // a landline without its area code
    ["", "REQUIRED"],
    [null, "REQUIRED"],
  ])("refuses %j", (input, code) => {
    const result = normalizePhone(input);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && CHINESE.test(inChinese(result.message))).toBe(true);
  });

  it("quotes the cell in its message", () => {
    expect(inChinese(normalizePhone("12345"))).toEqual({
      ok: false,
      code: "PHONE_FORMAT",
      message: "“12345”不是有效的手机号（11 位）或带区号的座机号。",
    });
  });
});

describe("normalizePhones (several numbers in one cell)", () => {
  it.each<[unknown, string[]]>([
    ["13800000000", ["13800000000"]],
    ["13800000000/13900000000", ["13800000000", "13900000000"]],
    ["13800000000；13900000000", ["13800000000", "13900000000"]],
    ["13800000000;13900000000", ["13800000000", "13900000000"]],
    ["13800000000，028-85551234", ["13800000000", "028-85551234"]],
    ["13800000000、13900000000", ["13800000000", "13900000000"]],
    ["138 0000 0000 / 139-0000-0000", ["13800000000", "13900000000"]],
    ["13800000000/138-0000-0000", ["13800000000"]], // the same number twice is one number
    [13800000000, ["13800000000"]],
  ])("reads %j", (input, expected) => {
    expect(inChinese(normalizePhones(input))).toEqual({ ok: true, value: expected });
  });

  it("refuses the cell when one of its numbers is bad, naming that number", () => {
    expect(inChinese(normalizePhones("13800000000/abc"))).toEqual({
      ok: false,
      code: "PHONE_FORMAT",
      message: "“abc”不是有效的电话号码。",
    });
  });

  it.each(["", " / ", null])("refuses an empty cell %j", (input) => {
    expect(inChinese(normalizePhones(input))).toMatchObject({ ok: false, code: "REQUIRED" });
  });
});

describe("normalizeDate", () => {
  it("checks the Excel epoch by hand: serial 45474 is 2024-07-01", () => {
    // Serial 1 is 1900-01-01 and Excel counts a 1900-02-29 that never was, so from 1900-03-01 on the
    // serial is the day count from 1899-12-30. 1900-01-01 -> 2024-01-01 is 124 years with 30 leap
    // days (1904..2020) = 45,290 days; Jan-Jun 2024 add 182: 2024-07-01 is 45,472 days after serial 1,
    // plus the phantom leap day: 1 + 45,472 + 1 = 45,474.
    expect(124 * 365 + 30 + (31 + 29 + 31 + 30 + 31 + 30)).toBe(45_472);
    expect(inChinese(normalizeDate(45474))).toEqual({ ok: true, value: utc(2024, 7, 1) });
  });

  it.each<[string, unknown, Date]>([
    ["a Date cell", utc(2024, 7, 1), utc(2024, 7, 1)],
    ["a Date cell with a time", new Date(Date.UTC(2024, 6, 1, 10, 30)), utc(2024, 7, 1)],
    ["a serial number", 45474, utc(2024, 7, 1)],
    ["a serial number with a time", 45474.4375, utc(2024, 7, 1)],
    ["a serial number as text", "45474", utc(2024, 7, 1)],
    ["the first day after the phantom leap day", 61, utc(1900, 3, 1)],
    ["2024/7/1", "2024/7/1", utc(2024, 7, 1)],
    ["2024-07-01", "2024-07-01", utc(2024, 7, 1)],
    ["2024.7.1", "2024.7.1", utc(2024, 7, 1)],
    ["2024年7月1日", "2024年7月1日", utc(2024, 7, 1)],
    ["2024 年 7 月 1 日", "2024 年 7 月 1 日", utc(2024, 7, 1)],
    ["a date with a time", "2024-07-01 10:30", utc(2024, 7, 1)],
    ["an ISO date-time", "2024-07-01T10:30:00", utc(2024, 7, 1)],
    ["full-width digits", "２０２４－０７－０１", utc(2024, 7, 1)],
    ["a leap day", "2024-02-29", utc(2024, 2, 29)],
  ])("reads %s", (_, input, expected) => {
    expect(inChinese(normalizeDate(input))).toEqual({ ok: true, value: expected });
  });

  it.each<[string, number, Date]>([
    ["serial 1 as 1900-01-01", 1, utc(1900, 1, 1)],
    ["serial 59 as 1900-02-28", 59, utc(1900, 2, 28)],
  ])("reads the first serials as Excel shows them: %s", (_, serial, expected) => {
    expect(inChinese(normalizeDate(serial))).toEqual({ ok: true, value: expected });
  });

  it("refuses serial 60, Excel's 1900-02-29 that never was", () => {
    expect(inChinese(normalizeDate(60))).toMatchObject({ ok: false, code: "DATE_FORMAT" });
  });

  it.each<[string, unknown, string]>([
    ["2024-02-30", "2024-02-30", "DATE_FORMAT"],
    ["2023-02-29", "2023-02-29", "DATE_FORMAT"],
    ["month 13", "2024-13-01", "DATE_FORMAT"],
    ["day-first text", "1/7/2024", "DATE_FORMAT"],
    ["words", "七月一日", "DATE_FORMAT"],
    ["serial 0", 0, "DATE_FORMAT"],
    ["a negative serial", -1, "DATE_FORMAT"],
    ["a serial after 9999-12-31", 2958466, "DATE_FORMAT"],
    ["Infinity", Number.POSITIVE_INFINITY, "DATE_FORMAT"],
    ["NaN", Number.NaN, "DATE_FORMAT"],
    ["an invalid Date", new Date(Number.NaN), "DATE_FORMAT"],
    ["an empty cell", "", "REQUIRED"],
  ])("refuses %s", (_, input, code) => {
    const result = normalizeDate(input);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok === false && CHINESE.test(inChinese(result.message))).toBe(true);
  });
});

describe("normalizeYesNo", () => {
  it.each<[unknown, boolean]>([
    ["是", true],
    ["否", false],
    ["已缴费", true],
    ["未缴费", false],
    ["已报到", true],
    ["未报到", false],
    ["已交", true],
    ["未交", false],
    ["Y", true],
    ["n", false],
    ["YES", true],
    ["No", false],
    ["TRUE", true],
    ["false", false],
    ["1", true],
    ["0", false],
    [1, true],
    [0, false],
    [true, true],
    [false, false],
    ["√", true],
    ["×", false],
    [" 是 ", true],
  ])("reads %j as %s", (input, expected) => {
    expect(inChinese(normalizeYesNo(input))).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, string]>([
    ["也许", "YES_NO_FORMAT"],
    ["2", "YES_NO_FORMAT"],
    ["", "REQUIRED"],
  ])("refuses %j", (input, code) => {
    expect(inChinese(normalizeYesNo(input))).toMatchObject({ ok: false, code });
  });

  it("quotes the cell in its message", () => {
    expect(inChinese(normalizeYesNo("也许"))).toEqual({
      ok: false,
      code: "YES_NO_FORMAT",
      message: "“也许”应为“是”或“否”。",
    });
  });
});

describe("normalizeFirstChoice", () => {
  it.each<[unknown, boolean]>([
    ["1", true],
    [1, true],
    ["第一志愿", true],
    ["第1志愿", true],
    ["一", true],
    ["2", false],
    [2, false],
    ["第二志愿", false],
    ["第三志愿", false],
    ["9", false],
    ["是", true],
    ["否", false],
  ])("reads %j as %s", (input, expected) => {
    expect(inChinese(normalizeFirstChoice(input))).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, string]>([
    ["随便", "YES_NO_FORMAT"],
    ["", "REQUIRED"],
  ])("refuses %j", (input, code) => {
    expect(inChinese(normalizeFirstChoice(input))).toMatchObject({ ok: false, code });
  });
});

describe("normalizeGender", () => {
  it.each<[unknown, string]>([
    ["男", "男"],
    ["女", "女"],
    [" 男 ", "男"],
    ["M", "男"],
    ["f", "女"],
  ])("reads %j as %s", (input, expected) => {
    expect(inChinese(normalizeGender(input))).toEqual({ ok: true, value: expected });
  });

  it.each(["男性", "未知", "1"])("refuses %j", (input) => {
    expect(inChinese(normalizeGender(input))).toEqual({
      ok: false,
      code: "GENDER_FORMAT",
      message: `“${input}”应为“男”或“女”。`,
    });
  });
});

describe("normalizeText", () => {
  it.each<[unknown, string]>([
    ["  张三  ", "张三"],
    ["张\u3000三", "张 三"],
    ["成都  七中", "成都 七中"],
    ["ＡＢＣ中学", "ABC中学"],
  ])("reads %j as %j", (input, expected) => {
    expect(inChinese(normalizeText(input))).toEqual({ ok: true, value: expected });
  });

  it("refuses an empty cell and one longer than its limit", () => {
    expect(inChinese(normalizeText("   "))).toMatchObject({ ok: false, code: "REQUIRED" });
    expect(inChinese(normalizeText("张".repeat(51), 50))).toMatchObject({ ok: false, code: "TOO_LONG" });
    expect(inChinese(normalizeText("张".repeat(50), 50))).toEqual({ ok: true, value: "张".repeat(50) });
  });
});

describe("cellText", () => {
  it.each<[unknown, string]>([
    [null, ""],
    [undefined, ""],
    [24510101234567, "24510101234567"],
    [1.5, "1.5"],
    ["  ２０２４ ", "2024"],
    [utc(2024, 7, 1), "2024-07-01T00:00:00.000Z"],
  ])("shows %j as %j", (input, expected) => {
    expect(cellText(input)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties (docs/reliability.md #13): whatever a cell holds, a normaliser answers, never throws, and its
// answer is a value or a coded error in Chinese.

const NORMALIZERS: [string, (value: unknown) => Normalized<unknown>][] = [
  ["normalizeExamNo", normalizeExamNo],
  ["normalizePhone", normalizePhone],
  ["normalizePhones", normalizePhones],
  ["normalizeDate", normalizeDate],
  ["normalizeYesNo", normalizeYesNo],
  ["normalizeFirstChoice", normalizeFirstChoice],
  ["normalizeGender", normalizeGender],
  ["normalizeText", (value) => normalizeText(value)],
];

/** Strings made of what list cells are made of: digits (both widths), separators, Chinese, letters. */
const cellLikeString = fc
  .array(
    fc.constantFrom(
      ..."0123456789０１２３４５６７８９ -+./:()（）年月日第志愿是否男女一二ETe\u3000,，;；/、".split(""),
    ),
    { maxLength: 24 },
  )
  .map((chars) => chars.join(""));

const anyCell = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  cellLikeString,
  fc.integer(),
  fc.double(),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);

function isWellFormed(result: Normalized<unknown>): boolean {
  if (result.ok) {
    const { value } = result;
    if (value === undefined || value === null) return false;
    if (value instanceof Date) return !Number.isNaN(value.getTime());
    if (typeof value === "string") return value.length > 0;
    if (Array.isArray(value)) return value.length > 0;
    return typeof value === "boolean";
  }
  return /^[A-Z][A-Z_]+$/.test(result.code) && CHINESE.test(inChinese(result.message));
}

describe("every normaliser, for any input", () => {
  it("never throws (fc.anything, with dates, boxed values, bigints and prototype-less objects)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.anything({
            withDate: true,
            withBigInt: true,
            withBoxedValues: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withSparseArray: true,
            withNullPrototype: true,
          }),
          fc.date(),
        ),
        (value) => {
          for (const [, normalize] of NORMALIZERS) normalize(value);
        },
      ),
      { numRuns: 500, examples: [[new Date(Number.NaN)], [Object.create(null)], [{ toString: 0 }]] },
    );
  });

  it.each(NORMALIZERS)("%s answers a value or a coded error with a Chinese message", (_, normalize) => {
    fc.assert(
      fc.property(anyCell, (value) => isWellFormed(normalize(value))),
      { numRuns: 500, examples: [[Number.NaN], ["2024-02-30"], ["2.45E+13"], [""]] },
    );
  });

  it("reports an invalid Date cell instead of throwing (exceljs makes one from a date-formatted huge number)", () => {
    const answers = NORMALIZERS.map(([name, normalize]) => {
      try {
        return [name, normalize(new Date(Number.NaN)).ok];
      } catch (error) {
        return [name, `throws ${String(error)}`];
      }
    });
    expect(answers).toEqual(NORMALIZERS.map(([name]) => [name, false]));
  });

  it("reports a value that has no text form instead of throwing", () => {
    for (const value of [Object.create(null), { toString: 0 }]) {
      const answers = NORMALIZERS.map(([name, normalize]) => {
        try {
          return [name, normalize(value).ok];
        } catch (error) {
          return [name, `throws ${String(error)}`];
        }
      });
      expect(answers).toEqual(NORMALIZERS.map(([name]) => [name, false]));
    }
  });
});
