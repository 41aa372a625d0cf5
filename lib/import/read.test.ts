import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync, statSync, truncateSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  encodeGb18030,
  generatedCandidate,
  inChinese,
  JIAOFEI_CSV_ROWS,
  LUQU_CSV_ROWS,
  makeTempDir,
  removeTempDir,
  TOUDANG_CSV_ROWS,
  writeBytes,
  writeCsv,
  writeLargeToudangCsv,
  writeToudangXlsx,
  writeXlsx,
} from "@/tests/support/import-fixtures";
import { checkListFile } from "./check-file";
import { detectCsvEncoding, excelCellValue, fileFormat, MAX_FILE_BYTES, openList, UnreadableFileError } from "./read";

let dir: string;

// the temporary-file module exceljs itself loads (not a dependency of ours), to watch its calls
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"));
const tmp = requireFromExceljs("tmp") as { file: (...args: unknown[]) => void };

beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => {
  removeTempDir(dir);
});

/** How many of this process's file descriptors are open on the file (Linux). */
function descriptorsOpenOn(file: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === file;
    } catch {
      return false; // the descriptor of the directory listing itself, closed by now
    }
  }).length;
}

async function allRows(file: string) {
  const { encoding, rows } = await openList(file);
  const read = [];
  for await (const row of rows) read.push(row);
  return { encoding, rows: read };
}

async function unreadable(promise: Promise<unknown>): Promise<UnreadableFileError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(UnreadableFileError);
  return outcome as UnreadableFileError;
}

describe("the fixture's GB18030 encoder", () => {
  it("writes the published GB18030 codes, which Node's decoder reads back", () => {
    // GB 18030 / GBK: 考 BFBC, 生 C9FA, 号 BAC5, 姓 D0D5, 名 C3FB, 中 D6D0, 文 CEC4
    const bytes = encodeGb18030("考生号,姓名 中文");
    expect(bytes).toEqual(Buffer.from("bfbcc9fabac52cd0d5c3fb20d6d0cec4", "hex"));
    expect(new TextDecoder("gb18030").decode(bytes)).toBe("考生号,姓名 中文");
  });

  it("round-trips every character the fixtures use", () => {
    const text = [...TOUDANG_CSV_ROWS, ...JIAOFEI_CSV_ROWS, ...LUQU_CSV_ROWS].flat().join("|");
    expect(new TextDecoder("gb18030").decode(encodeGb18030(text))).toBe(text);
  });
});

describe("fileFormat", () => {
  it.each([
    ["list.xlsx", "xlsx"],
    ["LIST.XLSX", "xlsx"],
    ["list.csv", "csv"],
    ["list.txt", "csv"],
  ])("reads %s as %s", (name, format) => {
    expect(fileFormat(name)).toBe(format);
  });

  it.each(["list.xls", "list.pdf", "list", "list.xlsx.zip", "list.et"])("refuses %s as UNSUPPORTED_FORMAT", (name) => {
    let thrown: unknown;
    try {
      fileFormat(name);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnreadableFileError);
    expect(thrown).toMatchObject({ code: "UNSUPPORTED_FORMAT" });
  });
});

describe("csv encodings", () => {
  it("reads a GB18030 csv, decoding the Chinese text", async () => {
    const file = writeCsv(dir, "gb.csv", TOUDANG_CSV_ROWS, "gb18030");
    expect(await detectCsvEncoding(file)).toBe("gb18030");
    const { encoding, rows } = await allRows(file);
    expect(encoding).toBe("gb18030");
    expect(rows.slice(0, 3)).toEqual([
      { row: 1, cells: ["2024年单招投档名单", "", "", "", "", "", ""] },
      { row: 2, cells: ["考生号", "姓名", "性别", "联系电话", "家长电话", "生源地", "毕业学校"] },
      { row: 3, cells: ["24510101000001", "张三", "男", "138 0000 0001", "", "成都市", "成都七中"] },
    ]);
  });

  it("reads a UTF-8 csv with a BOM, the BOM not part of the first header", async () => {
    const file = writeCsv(dir, "bom.csv", JIAOFEI_CSV_ROWS, "utf-8-bom");
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await detectCsvEncoding(file)).toBe("utf-8-bom");
    const { encoding, rows } = await allRows(file);
    expect(encoding).toBe("utf-8-bom");
    expect(rows[0]).toEqual({ row: 1, cells: ["考生号", "姓名", "缴费状态", "缴费日期"] });
    expect(rows[1]?.cells[3]).toBe("2024/7/1");
  });

  it("reads a plain UTF-8 csv, a quoted comma kept in its field", async () => {
    const file = writeCsv(dir, "utf8.csv", LUQU_CSV_ROWS, "utf-8", "\n");
    expect(await detectCsvEncoding(file)).toBe("utf-8");
    const { encoding, rows } = await allRows(file);
    expect(encoding).toBe("utf-8");
    expect(rows[2]).toEqual({ row: 3, cells: ["2451 0101 0000 02", "李四", "软件技术, 大数据方向", "第二志愿"] });
  });

  it("still detects UTF-8 when a character straddles the 64 KB it samples", async () => {
    const head = Buffer.from("考生号,姓名\n", "utf8");
    const padding = Buffer.alloc(65_535 - head.length, 0x61);
    const file = writeBytes(dir, "straddle.csv", Buffer.concat([head, padding, Buffer.from("张三\n", "utf8")]));
    expect(await detectCsvEncoding(file)).toBe("utf-8");
  });
});

describe("checkListFile on csv fixtures", () => {
  it("leaves no file open when it stops before the end (no header in the first rows)", async () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `填表说明第${i}条,${i}`);
    const file = writeBytes(dir, "no-header.csv", Buffer.from(lines.join("\r\n")));
    expect(statSync(file).size).toBeGreaterThan(512 * 1024);
    const report = await checkListFile(file, "toudang");
    expect(report.errors.map((e) => e.code)).toEqual(["NO_HEADER"]);
    await vi.waitFor(() => expect(descriptorsOpenOn(file)).toBe(0), { timeout: 2000 });
  });

  it("reports the GB18030 投档 list exactly", async () => {
    const file = writeCsv(dir, "toudang.csv", TOUDANG_CSV_ROWS, "gb18030");
    expect(inChinese(await checkListFile(file, "toudang"))).toEqual({
      rows: 5,
      valid: 2,
      errors: [
        {
          row: 5,
          column: "考生号",
          code: "EXAM_NO_SCIENTIFIC",
          message: "考生号被 Excel 显示成了科学计数法（如 2.45E+13），位数已丢失，请把该列设为文本后重新导出。",
        },
        {
          row: 6,
          column: "联系电话",
          code: "PHONE_FORMAT",
          message: "“12345”不是有效的手机号（11 位）或带区号的座机号。",
        },
        { row: 8, column: "性别", code: "GENDER_FORMAT", message: "“男性”应为“男”或“女”。" },
        { row: 8, column: "生源地", code: "REQUIRED", message: "“生源地”不能为空。" },
      ],
      duplicates: [{ examNo: "24510101000001", rows: [3, 6] }],
      encoding: "gb18030",
    });
  });

  it("reports the UTF-8-BOM 缴费 list exactly", async () => {
    const file = writeCsv(dir, "jiaofei.csv", JIAOFEI_CSV_ROWS, "utf-8-bom");
    expect(inChinese(await checkListFile(file, "jiaofei"))).toEqual({
      rows: 4,
      valid: 2,
      errors: [
        {
          row: 4,
          column: "缴费日期",
          code: "DATE_FORMAT",
          message: "“2024-02-30”不是可识别的日期（例如 2024-07-01）。",
        },
        { row: 5, column: "缴费状态", code: "YES_NO_FORMAT", message: "“也许”应为“是”或“否”。" },
      ],
      duplicates: [],
      encoding: "utf-8-bom",
    });
  });

  it("reports the UTF-8 录取 list exactly, trailing blank rows not counted", async () => {
    const file = writeCsv(dir, "luqu.csv", LUQU_CSV_ROWS, "utf-8", "\n");
    const records: unknown[] = [];
    expect(inChinese(await checkListFile(file, "luqu", (record) => records.push(record)))).toEqual({
      rows: 3,
      valid: 2,
      errors: [{ row: 4, column: "录取专业", code: "REQUIRED", message: "“录取专业”不能为空。" }],
      duplicates: [],
      encoding: "utf-8",
    });
    expect(records).toEqual([
      {
        row: 2,
        examNo: "24510101000001",
        values: { examNo: "24510101000001", name: "张三", major: "护理", firstChoice: true },
      },
      {
        row: 3,
        examNo: "24510101000002",
        values: { examNo: "24510101000002", name: "李四", major: "软件技术, 大数据方向", firstChoice: false },
      },
    ]);
  });

  it("reports the same 投档 list the same way whatever its encoding", async () => {
    const reports = await Promise.all(
      (["gb18030", "utf-8-bom", "utf-8"] as const).map(async (encoding) => {
        const { encoding: detected, ...report } = await checkListFile(
          writeCsv(dir, `same-${encoding}.csv`, TOUDANG_CSV_ROWS, encoding),
          "toudang",
        );
        expect(detected).toBe(encoding);
        return report;
      }),
    );
    expect(reports[1]).toEqual(reports[0]);
    expect(reports[2]).toEqual(reports[0]);
  });

  it("finds a header on row 20, below 19 title and note rows", async () => {
    const notes = Array.from({ length: 19 }, (_, i) => [i === 0 ? "2024年单招投档名单" : `说明 ${i}`, "", "", ""]);
    const file = writeCsv(
      dir,
      "late-header.csv",
      [...notes, ["考生号", "姓名", "联系电话", "生源地"], ["24510101000001", "张三", "13800000001", "成都市"]],
      "utf-8",
    );
    expect(inChinese(await checkListFile(file, "toudang"))).toEqual({
      rows: 1,
      valid: 1,
      errors: [],
      duplicates: [],
      encoding: "utf-8",
    });
  });

  it("answers NO_HEADER when the header is not in the first 20 rows", async () => {
    const notes = Array.from({ length: 20 }, (_, i) => [`说明 ${i}`, "", "", ""]);
    const file = writeCsv(
      dir,
      "no-header.csv",
      [...notes, ["考生号", "姓名", "联系电话", "生源地"], ["24510101000001", "张三", "13800000001", "成都市"]],
      "utf-8",
    );
    expect(inChinese(await checkListFile(file, "toudang"))).toEqual({
      rows: 0,
      valid: 0,
      errors: [
        {
          row: 1,
          column: "",
          code: "NO_HEADER",
          message: "在前 20 行中找不到表头（需要“考生号”或“准考证号”等列名）。",
        },
      ],
      duplicates: [],
      encoding: "utf-8",
    });
  });

  it("answers NO_HEADER for a short list without an exam-number column", async () => {
    const file = writeCsv(
      dir,
      "no-exam.csv",
      [
        ["姓名", "联系电话"],
        ["张三", "13800000001"],
      ],
      "gb18030",
    );
    expect(inChinese(await checkListFile(file, "toudang"))).toMatchObject({
      rows: 0,
      valid: 0,
      errors: [{ row: 1, code: "NO_HEADER" }],
      encoding: "gb18030",
    });
  });
});

describe("xlsx", () => {
  it("reads the cells as Excel shows them: exact numbers, formula results, dates, rich text", async () => {
    const file = await writeToudangXlsx(dir, "cells.xlsx");
    const { encoding, rows } = await allRows(file);
    expect(encoding).toBeUndefined();
    const byRow = new Map(rows.map((r) => [r.row, r.cells]));
    expect(byRow.get(1)?.[0]).toBe("2024年单招投档名单");
    expect(byRow.get(2)).toEqual([
      "考生号",
      "姓名",
      "性别",
      "联系电话（手机）",
      "家长电话",
      "生源地",
      "毕业学校",
      "缴费日期",
    ]);
    expect(byRow.get(3)).toEqual([
      24510101000001,
      "张三",
      "男",
      13800000001,
      null,
      "成都市",
      "成都七中",
      new Date(Date.UTC(2024, 6, 1)),
    ]);
    expect(byRow.get(4)?.[3]).toBe("13900000002"); // a formula's result
    expect(byRow.get(7)?.[0]).toBe(24510101000007); // a formula's numeric result, exact
    for (const blank of [8, 9, 10]) expect(byRow.get(blank)?.filter((cell) => cell !== null) ?? []).toEqual([]);
  });

  it("reports the 投档 xlsx exactly", async () => {
    const file = await writeToudangXlsx(dir, "toudang.xlsx");
    expect(inChinese(await checkListFile(file, "toudang"))).toEqual({
      rows: 5,
      valid: 4,
      errors: [
        {
          row: 5,
          column: "考生号",
          code: "EXAM_NO_PRECISION",
          message: "考生号超出了 Excel 数字的精度，请把该列设为文本后重新导出。",
        },
      ],
      duplicates: [{ examNo: "24510101000001", rows: [3, 6] }],
    });
  });

  it("hands over 14-digit exam numbers stored as numbers, exactly", async () => {
    const file = await writeToudangXlsx(dir, "records.xlsx");
    const examNos: string[] = [];
    await checkListFile(file, "toudang", (record) => examNos.push(record.examNo));
    expect(examNos).toEqual(["24510101000001", "24510101000002", "24510101000001", "24510101000007"]);
  });

  it("reads a formula whose result is an error as an empty cell", async () => {
    const file = await writeXlsx(dir, "formula-error.xlsx", (sheet) => {
      sheet.addRow(["考生号", "姓名", "联系电话", "生源地"]);
      sheet.addRow(["24510101000001", { formula: "1/0", result: { error: "#DIV/0!" } }, "13800000001", "成都市"]);
    });
    expect(inChinese(await checkListFile(file, "toudang"))).toEqual({
      rows: 1,
      valid: 0,
      errors: [{ row: 2, column: "姓名", code: "REQUIRED", message: "“姓名”不能为空。" }],
      duplicates: [],
    });
  });

  it("reads the first tab as the workbook orders its tabs, not as the archive stores the sheets", async () => {
    const file = await writeXlsx(dir, "tabs-reordered.xlsx", (notes, workbook) => {
      notes.addRow(["填表说明"]);
      const list = workbook.addWorksheet("名单");
      list.addRow(["考生号", "姓名", "联系电话", "生源地"]);
      list.addRow(["24510101000001", "张三", "13800000001", "成都市"]);
      // the list's tab dragged before the notes: its part is sheet2.xml, its tab the first
      // (exceljs keeps a sheet's tab position in orderNo, which its typings leave out)
      (list as ExcelJS.Worksheet & { orderNo: number }).orderNo = 0;
      (notes as ExcelJS.Worksheet & { orderNo: number }).orderNo = 1;
    });
    const { rows } = await allRows(file);
    expect(rows.map((r) => r.cells[0])).toEqual(["考生号", "24510101000001"]);
  });

  it("reads the sheet straight from the archive's directory, never through a temporary copy", async () => {
    // exceljs's single streaming pass copied a sheet stored before its shared strings to a temporary file,
    // and could lose the archive's last entry (the workbook part) on a busy machine (exceljs #3064).
    // patches/exceljs+4.4.0.patch reads a file by its directory instead; without it this copy is made.
    const copies = vi.spyOn(tmp, "file");
    try {
      const file = await writeToudangXlsx(dir, "no-copy.xlsx");
      expect((await checkListFile(file, "toudang")).rows).toBe(5);
      expect(copies).not.toHaveBeenCalled();
    } finally {
      copies.mockRestore();
    }
  });

  it("leaves no file open when it stops before the end (no header in the first rows)", async () => {
    // a sheet of about 2 MB that does not compress well: its reads are still under way when the header
    // search gives up (written by the streaming writer, with the text in the sheet itself)
    const file = path.join(dir, "no-header.xlsx");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const sheet = workbook.addWorksheet("说明");
    for (let i = 0; i < 4000; i++) sheet.addRow([`填表说明第${i}条`, randomBytes(300).toString("base64")]).commit();
    sheet.commit();
    await workbook.commit();
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    const report = await checkListFile(file, "toudang");
    expect(report.errors.map((e) => e.code)).toEqual(["NO_HEADER"]);
    // a destroyed stream closes its descriptor a moment later; a forgotten one never does
    await vi.waitFor(() => expect(descriptorsOpenOn(file)).toBe(0), { timeout: 2000 });
  });

  it("reports, not throws on, an exam number in a date-formatted cell (exceljs reads it as an invalid Date)", async () => {
    const file = await writeXlsx(dir, "date-formatted.xlsx", (sheet) => {
      sheet.addRow(["考生号", "姓名", "联系电话", "生源地"]);
      sheet.addRow([24510101000001, "张三", "13800000001", "成都市"]);
      sheet.addRow([24510101000002, "李四", "13800000002", "成都市"]);
      sheet.getCell("A2").numFmt = "yyyy-mm-dd";
    });
    const { rows } = await allRows(file);
    const cell = rows[1]?.cells[0];
    expect(cell instanceof Date && Number.isNaN(cell.getTime())).toBe(true);
    const report = await checkListFile(file, "toudang").catch((error: unknown) => `throws ${String(error)}`);
    expect(report).toMatchObject({ rows: 2, valid: 1, errors: [{ row: 2, column: "考生号" }], duplicates: [] });
  });

  it.each<[string, unknown, unknown]>([
    ["null", null, null],
    ["a number", 24510101000001, 24510101000001],
    ["a formula", { formula: "A1", result: "张三" }, "张三"],
    ["a formula without a result", { formula: "A1" }, null],
    ["a shared formula", { sharedFormula: "A1" }, null],
    ["rich text", { richText: [{ text: "张" }, { text: "三" }] }, "张三"],
    ["a hyperlink", { text: "成都七中", hyperlink: "http://example.com" }, "成都七中"],
    ["an error", { error: "#N/A" }, null],
  ])("excelCellValue reads %s", (_, value, expected) => {
    expect(excelCellValue(value)).toEqual(expected);
  });
});

// exceljs's streaming reader decoded each inflated chunk of a sheet on its own, so a Chinese character cut
// by a chunk boundary became U+FFFD and the row was refused as INVALID_ENCODING (exceljs #2084). The
// fix is patches/exceljs+4.4.0.patch (one streaming decoder per entry), applied by patch-package.
describe("xlsx Chinese text cut by a chunk boundary", () => {
  it("keeps a character whose bytes two chunks share (the reader's SAX step)", async () => {
    const { default: parseSax } = await import("exceljs/lib/utils/parse-sax.js");
    const bytes = Buffer.from("<t>大家好，才是真的好</t>");
    // "<t>" and 大家好， take bytes 0-14, 才 15-17, 是 18-20: the first chunk ends inside 是
    async function* cut() {
      yield bytes.subarray(0, 20);
      yield bytes.subarray(20);
    }
    let textRead = "";
    for await (const events of parseSax(cut())) {
      for (const e of events) if (e.eventType === "text") textRead += e.value;
    }
    expect(textRead).toBe("大家好，才是真的好");
  });

  it("reads every name of a sheet far larger than one chunk exactly", async () => {
    const names = Array.from(
      { length: 6000 },
      (_, i) => `考生${"张王李赵刘陈杨黄"[i % 8]}${"一二三四五六七八九十"[i % 10]}${i}`,
    );
    const file = await writeXlsx(dir, "chinese-names.xlsx", (sheet) => {
      sheet.addRow(["考生号", "姓名"]);
      for (const [i, name] of names.entries()) sheet.addRow([`245101010${String(i).padStart(5, "0")}`, name]);
    });
    const { rows } = await allRows(file);
    const read = rows.slice(1).map((r) => r.cells[1]);
    expect(read.filter((name) => String(name).includes("\uFFFD"))).toEqual([]);
    expect(read).toEqual(names);
  });
});

describe("files that cannot be read", () => {
  it.each(["list.xls", "list.pdf"])("refuses %s as UNSUPPORTED_FORMAT", async (name) => {
    const file = writeBytes(dir, name, "%PDF-1.4 or an old xls");
    const error = await unreadable(checkListFile(file, "toudang"));
    expect(error.code).toBe("UNSUPPORTED_FORMAT");
    expect(inChinese(error.reason)).toBe("只支持 .xlsx 和 .csv 文件（.xls 请先用 Excel 另存为 .xlsx）。");
  });

  it("refuses a file that is not a zip named .xlsx as NOT_XLSX", async () => {
    const file = writeBytes(dir, "fake.xlsx", encodeGb18030("考生号,姓名\r\n24510101000001,张三\r\n"));
    expect((await unreadable(checkListFile(file, "toudang"))).code).toBe("NOT_XLSX");
  });

  it("refuses a missing file as NOT_FOUND", async () => {
    const file = path.join(dir, "missing.csv");
    const error = await unreadable(checkListFile(file, "toudang"));
    expect(error.code).toBe("NOT_FOUND");
    expect(inChinese(error.reason)).toBe(`找不到文件：${file}`);
  });

  it("refuses a file over the size limit as TOO_LARGE", async () => {
    const file = writeBytes(dir, "huge.csv", "考生号,姓名\n");
    truncateSync(file, MAX_FILE_BYTES + 1);
    const error = await unreadable(checkListFile(file, "toudang"));
    expect(error.code).toBe("TOO_LARGE");
  });
});

describe("csv rows handed over a parsed chunk at a time", () => {
  it("reads the rows papaparse reads from the whole text, quoted line breaks across chunks, to a slow reader", async () => {
    // quoted cells with line breaks and commas, over several 64 KB chunks of the file
    const rows = Array.from({ length: 12_000 }, (_, i) => [
      `2451${String(i).padStart(10, "0")}`,
      i % 7 === 0 ? `张"三"\n第${i}行` : `李四,${i}`,
      i % 11 === 0 ? "" : "成都",
    ]);
    const file = writeCsv(dir, "quoted-lines.csv", rows, "utf-8");
    const { rows: streamed } = await openList(file);
    const read: string[][] = [];
    for await (const row of streamed) {
      read.push(row.cells as string[]);
      // a reader that writes to the database between chunks: the file waits for it
      if (row.row % 2000 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(read.slice(0, rows.length)).toEqual(rows);
    expect(read.slice(rows.length).every((cells) => cells.join("") === "")).toBe(true);
  });
});

describe("a 100,000-row GB18030 csv", () => {
  it("is read whole, every row valid and every name decoded right across stream chunks", async () => {
    const file = writeLargeToudangCsv(dir, 100_000);
    let records = 0;
    const wrong: number[] = [];
    const report = await checkListFile(file, "toudang", (record) => {
      records += 1;
      const expected = generatedCandidate(record.row - 1);
      if (
        record.examNo !== expected.examNo ||
        record.values.name !== expected.name ||
        record.values.region !== expected.region
      ) {
        wrong.push(record.row);
      }
    });
    expect(report).toEqual({ rows: 100_000, valid: 100_000, errors: [], duplicates: [], encoding: "gb18030" });
    expect(records).toBe(100_000);
    expect(wrong).toEqual([]);
  }, 120_000);
});
