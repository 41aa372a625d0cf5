import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inChinese } from "@/tests/support/import-fixtures";
import { ListChecker, type ListRecord } from "./check";
import { type ListKind, mapHeader } from "./columns";

function checkerFor(kind: ListKind, header: unknown[], headerRow = 1) {
  const records: ListRecord[] = [];
  const checker = new ListChecker(kind, mapHeader(header), headerRow, (record) => records.push(record));
  return { checker, records };
}

const TOUDANG_HEADER = ["考生号", "姓名", "性别", "联系电话（手机）", "家长电话", "生源地", "毕业学校"];

describe("ListChecker: a complete, valid row for each list kind", () => {
  it.each<[ListKind, unknown[], unknown[], Record<string, unknown>]>([
    [
      "toudang",
      ["考生号", "姓名", "联系电话", "生源地"],
      ["24510101000001", " 张三 ", "138 0000 0001", "成都市"],
      { examNo: "24510101000001", name: "张三", phones: ["13800000001"], region: "成都市" },
    ],
    [
      "luqu",
      ["准考证号", "考生姓名", "录取专业", "志愿序号"],
      [24510101000001, "张三", "护理", "第一志愿"],
      { examNo: "24510101000001", name: "张三", major: "护理", firstChoice: true },
    ],
    [
      "jiaofei",
      ["考生号", "缴费状态", "缴费日期"],
      ["24510101000001", "已缴费", 45474],
      { examNo: "24510101000001", paid: true, paidAt: new Date(Date.UTC(2024, 6, 1)) },
    ],
    [
      "baodao",
      ["考生号", "报到状态", "报到日期"],
      ["24510101000001", "未报到", "2024年9月1日"],
      { examNo: "24510101000001", enrolled: false, enrolledAt: new Date(Date.UTC(2024, 8, 1)) },
    ],
  ])("%s", (kind, header, row, values) => {
    const { checker, records } = checkerFor(kind, header);
    checker.push(2, row);
    expect(inChinese(checker.report())).toEqual({ rows: 1, valid: 1, errors: [], duplicates: [] });
    expect(records).toEqual([{ row: 2, examNo: "24510101000001", values }]);
  });
});

describe("ListChecker: a missing required column", () => {
  it.each<[ListKind, unknown[], { column: string; message: string }[]]>([
    [
      "toudang",
      ["考生号", "姓名", "毕业学校"],
      [
        {
          column: "联系电话",
          message: "投档名单缺少“联系电话/手机号/手机号码/手机/电话/家长电话/联系方式/考生电话”列。",
        },
        { column: "地区", message: "投档名单缺少“地区/生源地/市州/地市/所在地区/生源地区”列。" },
      ],
    ],
    ["luqu", ["考生号", "姓名"], [{ column: "专业", message: "录取名单缺少“专业/录取专业/报考专业/专业名称”列。" }]],
    ["jiaofei", ["考生号", "姓名"], [{ column: "缴费状态", message: "缴费名单缺少“缴费状态/是否缴费/缴费”列。" }]],
    ["baodao", ["准考证号", "姓名"], [{ column: "报到状态", message: "报到名单缺少“报到状态/是否报到/报到”列。" }]],
  ])("%s: reported once, on the header row, however many rows follow", (kind, header, missing) => {
    const { checker, records } = checkerFor(kind, header, 3);
    checker.push(4, ["24510101000001", "张三", "成都七中"]);
    checker.push(5, ["24510101000002", "李四", "绵阳中学"]);
    checker.push(6, ["24510101000003", "王五", "德阳中学"]);
    const report = checker.report();
    expect(inChinese(report.errors)).toEqual(missing.map((m) => ({ row: 3, code: "MISSING_COLUMN", ...m })));
    expect(report.rows).toBe(3);
    expect(report.valid).toBe(0);
    expect(records).toEqual([]);
  });
});

describe("ListChecker: row errors", () => {
  it("gives a row with several bad cells one error per cell, each with its Excel row and header text", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER, 2);
    checker.push(7, ["2.45E+13", "张三", "男性", "12345", "", "", "成都七中"]);
    expect(inChinese(checker.report())).toEqual({
      rows: 1,
      valid: 0,
      errors: [
        {
          row: 7,
          column: "考生号",
          code: "EXAM_NO_SCIENTIFIC",
          message: "考生号被 Excel 显示成了科学计数法（如 2.45E+13），位数已丢失，请把该列设为文本后重新导出。",
        },
        { row: 7, column: "性别", code: "GENDER_FORMAT", message: "“男性”应为“男”或“女”。" },
        {
          row: 7,
          column: "联系电话（手机）",
          code: "PHONE_FORMAT",
          message: "“12345”不是有效的手机号（11 位）或带区号的座机号。",
        },
        { row: 7, column: "生源地", code: "REQUIRED", message: "“生源地”不能为空。" },
      ],
      duplicates: [],
    });
  });

  it("checks a known optional column when it is filled, and leaves it alone when empty", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["24510101000001", "张三", "", "13800000001", "", "成都市", ""]);
    checker.push(3, ["24510101000002", "李四", "X", "13800000002", "", "成都市", ""]);
    expect(inChinese(checker.report())).toEqual({
      rows: 2,
      valid: 1,
      errors: [{ row: 3, column: "性别", code: "GENDER_FORMAT", message: "“X”应为“男”或“女”。" }],
      duplicates: [],
    });
  });

  it("skips blank rows without counting them", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["24510101000001", "张三", "男", "13800000001", "", "成都市", "成都七中"]);
    checker.push(3, []);
    checker.push(4, [null, null, null]);
    checker.push(5, ["", " ", "\u3000", "", null, undefined, ""]);
    checker.push(6, ["24510101000002", "李四", "女", "13800000002", "", "绵阳市", "绵阳中学"]);
    expect(inChinese(checker.report())).toEqual({ rows: 2, valid: 2, errors: [], duplicates: [] });
  });

  it("counts a row whose only content is in a column it does not know", () => {
    const { checker } = checkerFor("toudang", ["考生号", "姓名", "联系电话", "生源地", "备注"]);
    checker.push(2, ["", "", "", "", "转学"]);
    const report = checker.report();
    expect(report.rows).toBe(1);
    expect(report.valid).toBe(0);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "考生号", "REQUIRED"],
      [2, "姓名", "REQUIRED"],
      [2, "联系电话", "REQUIRED"],
      [2, "生源地", "REQUIRED"],
    ]);
  });

  it("reports an invalid Date cell as an error instead of throwing", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    expect(() => checker.push(2, [new Date(Number.NaN), "张三", "男", "13800000001", "", "成都市", ""])).not.toThrow();
    expect(inChinese(checker.report())).toMatchObject({ rows: 1, valid: 0, errors: [{ row: 2, column: "考生号" }] });
  });
});

describe("ListChecker: duplicates inside the file", () => {
  it("lists every exam number seen more than once with all its rows, in file order", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    const row = (examNo: unknown, phone = "13800000001") => [examNo, "张三", "男", phone, "", "成都市", ""];
    checker.push(2, row("24510101000001"));
    checker.push(3, row("24510101000002"));
    checker.push(5, row(24510101000001)); // a number cell
    checker.push(6, row("24510101000003"));
    checker.push(8, row("２４５１０１０１０００００１")); // full-width digits
    checker.push(9, row("24510101000002", "12345")); // a duplicate with another error
    checker.push(10, row("2451 0101 0000 03"));
    expect(inChinese(checker.report())).toEqual({
      rows: 7,
      valid: 6,
      errors: [
        {
          row: 9,
          column: "联系电话（手机）",
          code: "PHONE_FORMAT",
          message: "“12345”不是有效的手机号（11 位）或带区号的座机号。",
        },
      ],
      duplicates: [
        { examNo: "24510101000001", rows: [2, 5, 8] },
        { examNo: "24510101000002", rows: [3, 9] },
        { examNo: "24510101000003", rows: [6, 10] },
      ],
    });
  });

  it("tells each valid row whether every row up to it was valid and unique (the apply stops at the first that was not)", () => {
    const told: [number, boolean][] = [];
    const checker = new ListChecker("toudang", mapHeader(TOUDANG_HEADER), 1, (record, clean) =>
      told.push([record.row, clean]),
    );
    const row = (examNo: string, phone = "13800000001") => [examNo, "张三", "男", phone, "", "成都市", ""];
    checker.push(2, row("24510101000001"));
    checker.push(3, row("24510101000002"));
    checker.push(4, row("24510101000001")); // its second row
    checker.push(5, row("24510101000003"));
    expect(told).toEqual([
      [2, true],
      [3, true],
      [4, false],
      [5, false],
    ]);

    const afterError: [number, boolean][] = [];
    const second = new ListChecker("toudang", mapHeader(TOUDANG_HEADER), 1, (record, clean) =>
      afterError.push([record.row, clean]),
    );
    second.push(2, row("24510101000001"));
    second.push(3, row("24510101000002", "12345")); // not told: it has an error
    second.push(4, row("24510101000003"));
    expect(afterError).toEqual([
      [2, true],
      [4, false],
    ]);
  });

  it("does not count a refused exam number as a duplicate", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["2.45E+13", "张三", "男", "13800000001", "", "成都市", ""]);
    checker.push(3, ["2.45E+13", "李四", "女", "13800000002", "", "成都市", ""]);
    expect(checker.report().duplicates).toEqual([]);
  });
});

describe("ListChecker: two phone columns", () => {
  it("uses the second phone column when the first is empty", () => {
    const { checker, records } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["24510101000001", "张三", "男", "", "139 0000 0002", "成都市", ""]);
    expect(inChinese(checker.report())).toEqual({ rows: 1, valid: 1, errors: [], duplicates: [] });
    expect(records[0]?.values.phones).toEqual(["13900000002"]);
  });

  it("keeps the numbers of both columns, each once", () => {
    const { checker, records } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["24510101000001", "张三", "男", "13800000001", "13900000002/13800000001", "成都市", ""]);
    expect(records[0]?.values.phones).toEqual(["13800000001", "13900000002"]);
  });

  it("reports a bad number in the second column against that column", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["24510101000001", "张三", "男", "", "12345", "成都市", ""]);
    expect(inChinese(checker.report().errors)).toEqual([
      {
        row: 2,
        column: "家长电话",
        code: "PHONE_FORMAT",
        message: "“12345”不是有效的手机号（11 位）或带区号的座机号。",
      },
    ]);
  });

  it("reports a row with no phone in either column once, against the first phone column", () => {
    const { checker } = checkerFor("toudang", TOUDANG_HEADER);
    checker.push(2, ["24510101000001", "张三", "男", "", "", "成都市", ""]);
    expect(inChinese(checker.report())).toEqual({
      rows: 1,
      valid: 0,
      errors: [{ row: 2, column: "联系电话（手机）", code: "REQUIRED", message: "“联系电话（手机）”不能为空。" }],
      duplicates: [],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// docs/reliability.md #13: the checker never throws, and every non-blank row is valid or has an error that
// carries its row number.

const plausibleCell = fc.oneof(
  fc.constantFrom("24510101000001", "24510101000002", "２４５１０１０１０００００３", "2.45E+13", "2451-01"),
  fc.constantFrom("138 0000 0001", "+86 13900000002", "028-85551234", "12345", "13800000001/13900000002"),
  fc.constantFrom("张三", "成都市", "男", "女", "是", "否", "第一志愿", "2024-07-01", "2024-02-30", " ", "\u3000"),
  fc.constant(24510101000004),
  fc.constant(45474),
);
/** The brief's cells: fc.date() makes an invalid Date now and then. */
const randomCell = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.date(), plausibleCell);
/** The same without invalid Dates, so the invariant below is checked apart from that bug. */
const randomValidCell = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }),
  plausibleCell,
);

/** Independent of the checker's own cellText: what the generators above produce that is blank. */
function isBlank(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === "string" && cell.replace(/[\s\u3000]/g, "") === "";
}

/** Every kind's required columns are here, so no header-level error is expected. */
const PROPERTY_HEADER = [
  "考生号",
  "姓名",
  "性别",
  "联系电话",
  "家长电话",
  "生源地",
  "毕业学校",
  "志愿",
  "缴费日期",
  "录取专业",
  "缴费状态",
  "报到状态",
];
const column = (...right: fc.Arbitrary<unknown>[]) =>
  fc.oneof({ arbitrary: fc.oneof(...right), weight: 6 }, { arbitrary: randomValidCell, weight: 1 });
/** A row laid out like PROPERTY_HEADER, each cell usually right for its column: valid rows and duplicates. */
const likelyRow = fc.tuple(
  column(fc.constantFrom("24510101000001", "24510101000002", "24510101000003"), fc.constant(24510101000004)),
  column(fc.constantFrom("张三", "李四")),
  column(fc.constantFrom("男", "女", "")),
  column(fc.constantFrom("138 0000 0001", "+86 13900000002", "028-85551234", "")),
  column(fc.constantFrom("", "13900000003")),
  column(fc.constantFrom("成都市", "绵阳市")),
  column(fc.constantFrom("成都七中", "")),
  column(fc.constantFrom("1", "第二志愿", "是", "")),
  column(fc.constantFrom("2024-07-01", ""), fc.constant(45474)),
  column(fc.constantFrom("护理", "软件技术")),
  column(fc.constantFrom("已缴费", "未缴费")),
  column(fc.constantFrom("是", "否")),
);
const listKind = fc.constantFrom<ListKind>("toudang", "luqu", "jiaofei", "baodao");

function checkInvariant(kind: ListKind, rows: readonly (readonly unknown[])[]) {
  const records: ListRecord[] = [];
  const checker = new ListChecker(kind, mapHeader(PROPERTY_HEADER), 1, (r) => records.push(r));
  const pushed: number[] = [];
  rows.forEach((cells, i) => {
    const rowNumber = i + 2;
    checker.push(rowNumber, cells);
    if (!cells.every(isBlank)) pushed.push(rowNumber);
  });
  const report = checker.report();
  const rowsWithErrors = new Set(report.errors.map((e) => e.row));
  expect(report.rows).toBe(pushed.length);
  expect(report.valid + rowsWithErrors.size).toBe(report.rows);
  for (const error of report.errors) {
    expect(pushed).toContain(error.row);
    expect(PROPERTY_HEADER).toContain(error.column);
    expect(error.code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(inChinese(error.message)).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(records.map((r) => r.row)).toEqual(pushed.filter((row) => !rowsWithErrors.has(row)));
  for (const duplicate of report.duplicates) {
    expect(duplicate.rows.length).toBeGreaterThan(1);
    for (const row of duplicate.rows) expect(pushed).toContain(row);
  }
  return report;
}

describe("ListChecker properties", () => {
  it("never throws on random rows (strings, integers, doubles, nulls, dates), and keeps the invariant", () => {
    fc.assert(
      fc.property(listKind, fc.array(fc.array(randomCell, { maxLength: 12 }), { maxLength: 30 }), (kind, rows) => {
        checkInvariant(kind, rows);
      }),
      {
        numRuns: 300,
        // an invalid Date, which fc.date() makes only now and then (exceljs makes one from a huge
        // date-formatted number)
        examples: [["toudang", [["24510101000001", new Date(Number.NaN), "男", "13800000001", "", "成都市"]]]],
      },
    );
  });

  it("keeps the invariant on rows that are mostly right: valid + rows with errors = rows", () => {
    let valid = 0;
    let duplicates = 0;
    fc.assert(
      fc.property(
        listKind,
        fc.array(fc.oneof(fc.array(randomValidCell, { maxLength: 12 }), likelyRow), { maxLength: 30 }),
        (kind, rows) => {
          const report = checkInvariant(kind, rows);
          valid += report.valid;
          duplicates += report.duplicates.length;
        },
      ),
      { numRuns: 300 },
    );
    // the generator reaches the valid path and the duplicate path, not only errors
    expect(valid).toBeGreaterThan(0);
    expect(duplicates).toBeGreaterThan(0);
  });

  it("with a required column missing, counts every non-blank row and finds none valid", () => {
    fc.assert(
      fc.property(fc.array(fc.array(randomValidCell, { maxLength: 6 }), { maxLength: 20 }), (rows) => {
        const checker = new ListChecker("toudang", mapHeader(["考生号", "姓名", "联系电话"]), 1);
        const pushed = rows.filter((cells) => !cells.every(isBlank)).length;
        rows.forEach((cells, i) => {
          checker.push(i + 2, cells);
        });
        const report = checker.report();
        expect(report.rows).toBe(pushed);
        expect(report.valid).toBe(0);
        expect(inChinese(report.errors.filter((e) => e.code === "MISSING_COLUMN"))).toEqual([
          expect.objectContaining({ row: 1, column: "地区" }),
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
