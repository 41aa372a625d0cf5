import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, text } from "@/lib/i18n/text";
import { inChinese, makeTempDir, removeTempDir, writeCsv } from "@/tests/support/import-fixtures";
import type { CheckReport } from "./check";
import { checkListFile } from "./check-file";
import {
  chosenMapping,
  type HeaderMapping,
  headerMapping,
  mapHeader,
  mappingChoiceSchema,
  mappingProblem,
  parseMapping,
} from "./columns";
import { errorReportRows, errorReportWorkbook } from "./error-report";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeTempDir(dir));

describe("a mapping chosen by hand", () => {
  it("lets the phone numbers come from two columns and any other field from one", () => {
    expect(inChinese(mappingProblem({ row: 1, fields: ["examNo", "phones", "phones", null, null] }))).toBeNull();
    expect(inChinese(mappingProblem({ row: 1, fields: ["examNo", "name", "name"] }))).toBe(
      "“姓名”只能对应一列，请把多余的列设为“不导入”。",
    );
  });

  it("is parsed from JSON with a reason when refused", () => {
    expect(inChinese(parseMapping(undefined))).toEqual({ ok: true });
    expect(inChinese(parseMapping('{"row":2,"fields":["examNo",null]}'))).toEqual({
      ok: true,
      value: { row: 2, fields: ["examNo", null] },
    });
    expect(inChinese(parseMapping("{not json"))).toEqual({
      ok: false,
      error: "列对应关系无法识别，请刷新页面后重试。",
    });
    expect(inChinese(parseMapping('{"row":2,"fields":["examNo","password"]}'))).toMatchObject({ ok: false });
    expect(inChinese(parseMapping('{"row":2,"fields":["examNo","examNo"]}'))).toEqual({
      ok: false,
      error: "“考生号”只能对应一列，请把多余的列设为“不导入”。",
    });
    expect(mappingChoiceSchema.safeParse({ row: 0, fields: ["examNo"] }).success).toBe(false);
    expect(mappingChoiceSchema.safeParse({ row: 1, fields: ["examNo"], extra: 1 }).success).toBe(false);
  });

  it("names each mapped column by its header text, or by its position when it has none", () => {
    const mapping = chosenMapping({ row: 1, fields: ["examNo", null, "phones"] }, [" 学号 ", "备注", null]);
    expect([...mapping.fields]).toEqual([
      [0, "examNo"],
      [2, "phones"],
    ]);
    expect([...mapping.headers]).toEqual([
      [0, "学号"],
      [2, "第 3 列"],
    ]);
  });

  it("shows a detected header row column by column, without the empty cells after it", () => {
    const cells = ["考生号", "姓名", "备注", "", null];
    expect(headerMapping(2, cells, mapHeader(cells))).toEqual({
      row: 2,
      columns: [
        { header: "考生号", field: "examNo" },
        { header: "姓名", field: "name" },
        { header: "备注", field: null },
      ],
    });
  });
});

describe("checking a file with a corrected mapping", () => {
  // 学号 is not a name the checker knows for the exam number: no header row is found on its own
  const rows = [
    ["2024年单招投档名单（补充）", "", "", "", ""],
    ["学号", "姓名", "电话", "片区", "备注"],
    ["24510101000001", "张一", "13800000001", "成都", '=HYPERLINK("x")'],
    ["24510101000002", "张二", "13800000002", "绵阳", ""],
  ];

  it("proposes the row naming the most known columns when none names the exam number", async () => {
    const file = writeCsv(dir, "xuehao.csv", rows, "gb18030");
    let header: HeaderMapping | null = null;
    const report = await checkListFile(file, "toudang", undefined, {
      onHeader: (found) => {
        header = found;
      },
    });
    expect(report.errors.map((e) => e.code)).toEqual(["NO_HEADER"]);
    expect(header).toEqual({
      row: 2,
      columns: [
        { header: "学号", field: null },
        { header: "姓名", field: "name" },
        { header: "电话", field: "phones" },
        { header: "片区", field: null },
        { header: "备注", field: null },
      ],
    });
  });

  it("reads the rows below the chosen header row with the chosen fields, and ignores the rest", async () => {
    const file = writeCsv(dir, "xuehao-2.csv", rows, "utf-8-bom");
    const records: unknown[] = [];
    let header: HeaderMapping | null = null;
    const report = await checkListFile(file, "toudang", (record) => records.push(record), {
      mapping: { row: 2, fields: ["examNo", "name", "phones", "region", null] },
      onHeader: (found) => {
        header = found;
      },
    });
    expect(report).toEqual({ rows: 2, valid: 2, errors: [], duplicates: [], encoding: "utf-8-bom" });
    expect(records).toEqual([
      {
        row: 3,
        examNo: "24510101000001",
        values: { examNo: "24510101000001", name: "张一", phones: ["13800000001"], region: "成都" },
      },
      {
        row: 4,
        examNo: "24510101000002",
        values: { examNo: "24510101000002", name: "张二", phones: ["13800000002"], region: "绵阳" },
      },
    ]);
    expect(header).toMatchObject({ row: 2, columns: [{ header: "学号", field: "examNo" }, {}, {}, {}, {}] });
  });

  it("reports a required column left out of the mapping against the header row", async () => {
    const file = writeCsv(dir, "xuehao-3.csv", rows, "utf-8");
    const report = await checkListFile(file, "toudang", undefined, {
      mapping: { row: 2, fields: ["examNo", "name", "phones", null, null] },
    });
    expect(inChinese(report.errors)).toEqual([
      { row: 2, column: "地区", code: "MISSING_COLUMN", message: expect.stringContaining("缺少“地区") },
    ]);
    expect(report.valid).toBe(0);
  });

  it("answers NO_HEADER when the chosen header row is past the end of the file", async () => {
    const file = writeCsv(dir, "xuehao-4.csv", rows, "utf-8");
    const report = await checkListFile(file, "toudang", undefined, { mapping: { row: 40, fields: ["examNo"] } });
    expect(report.errors.map((e) => e.code)).toEqual(["NO_HEADER"]);
  });
});

describe("the row-error report", () => {
  const report: CheckReport = {
    rows: 4,
    valid: 1,
    errors: [
      {
        row: 5,
        column: "联系电话",
        code: "PHONE_FORMAT",
        message: text("imports.rowErrors.phoneFormat", { value: "1" }),
      },
      {
        row: 2,
        column: "=SUM(A1)",
        code: "REQUIRED",
        message: text("imports.rowErrors.columnRequired", { column: "=SUM(A1)" }),
      },
    ],
    duplicates: [{ examNo: "24510101000001", rows: [3, 4] }],
  };

  it("lists the errors and each duplicated row in file order", () => {
    expect(errorReportRows(report).map((r) => [r.row, r.code])).toEqual([
      [2, "REQUIRED"],
      [3, "DUPLICATE_EXAM_NO"],
      [4, "DUPLICATE_EXAM_NO"],
      [5, "PHONE_FORMAT"],
    ]);
  });

  const reportIn = async (locale: "zh-CN" | "en") => {
    const t = translatorFor(locale);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await errorReportWorkbook(report, (sentence) => renderText(t, sentence))) as unknown as Parameters<
        typeof workbook.xlsx.load
      >[0],
    );
    return workbook;
  };

  it("is an xlsx with Chinese headers, Excel row numbers as numbers, formula-like text neutralised", async () => {
    const workbook = await reportIn("zh-CN");
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.name).toBe("错误报告");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["行号", "列", "错误代码", "说明"]);
    expect(values(2)).toEqual([2, "'=SUM(A1)", "REQUIRED", "“=SUM(A1)”不能为空。"]);
    expect(values(3)).toEqual([3, "考生号", "DUPLICATE_EXAM_NO", "考生号 24510101000001 在第 3、4 行重复出现。"]);
    expect(sheet.rowCount).toBe(5);
  });

  it("is in English for an English reader, the file's own texts as they were", async () => {
    const sheet = (await reportIn("en")).worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.name).toBe("Errors");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Row", "Column", "Error code", "Description"]);
    expect(values(3)).toEqual([
      3,
      "考生号",
      "DUPLICATE_EXAM_NO",
      "Exam number 24510101000001 appears more than once: rows 3, 4.",
    ]);
  });
});
