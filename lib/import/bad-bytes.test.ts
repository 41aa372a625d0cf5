import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import {
  inChinese,
  makeTempDir,
  removeTempDir,
  writeBytes,
  writeXlsx,
  zipBytes,
  zipEntries,
} from "@/tests/support/import-fixtures";
import { checkListFile } from "./check-file";
import { UnreadableFileError } from "./read";

// Bytes that are not text never reach the database: a NUL in a name (PostgreSQL refuses it, 22P05),
// another control character, or bytes invalid in the file's encoding (decoded as U+FFFD) are row
// errors with the row number as Excel shows it, the column and a Chinese message.

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

const HEADER = "考生号,姓名,联系电话,地区\r\n";
const row = (n: number, name = `考生${n}`) =>
  `245101010${String(n).padStart(5, "0")},${name},138${String(n).padStart(8, "0")},成都市\r\n`;

describe("bad bytes in a csv", () => {
  it("refuses a NUL byte in a name as a row error, not a valid row (tabs and line breaks are whitespace)", async () => {
    const whitespace = `24510101000004,"李\t四",13800000004,"成都\n市"\r\n`;
    const file = writeBytes(dir, "nul.csv", `${HEADER}${row(1)}${row(2, "张\u0000三")}${row(3)}${whitespace}`);
    const report = await checkListFile(file, "toudang");
    expect(report).toMatchObject({ rows: 4, valid: 3, encoding: "utf-8" });
    expect(inChinese(report.errors)).toEqual([
      { row: 3, column: "姓名", code: "CONTROL_CHARACTER", message: expect.stringMatching(/控制字符/) },
    ]);
  });

  it.each([
    ["a bell", "\u0007"],
    ["an escape", "\u001b[31m"],
    ["DEL", "\u007f"],
    ["a C1 control", "\u0085"],
  ])("refuses %s in any imported cell", async (_, control) => {
    const file = writeBytes(
      dir,
      "control.csv",
      `${HEADER}${row(1)}245101010000 02,李四,13800000002,成都${control}市\r\n`,
    );
    const report = await checkListFile(file, "toudang");
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: "地区", code: "CONTROL_CHARACTER" })]);
  });

  it("refuses bytes that are not UTF-8 after the first 64 KB, on their row", async () => {
    // 1,500 valid rows (over 64 KB) decide UTF-8; row 1,502 then carries GBK bytes for 张三
    const head = Buffer.from(HEADER + Array.from({ length: 1500 }, (_, i) => row(i + 1)).join(""), "utf8");
    expect(head.length).toBeGreaterThan(65_536);
    const broken = Buffer.concat([
      Buffer.from("24510101099999,", "utf8"),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from(",13899999999,成都\r\n", "utf8"),
    ]);
    const file = writeBytes(dir, "broken-utf8.csv", Buffer.concat([head, broken, Buffer.from(row(1501), "utf8")]));
    const report = await checkListFile(file, "toudang");
    expect(report.encoding).toBe("utf-8");
    expect(report).toMatchObject({ rows: 1502, valid: 1501 });
    expect(inChinese(report.errors)).toEqual([
      { row: 1502, column: "姓名", code: "INVALID_ENCODING", message: expect.stringMatching(/无法识别的字符/) },
    ]);
  });
});

describe("bad bytes in an xlsx", () => {
  /** A list written by exceljs, then its shared strings changed byte for byte, as a damaged or hand-made file. */
  async function xlsxWithSharedStrings(name: string, change: (xml: Buffer) => Buffer) {
    const written = await writeXlsx(dir, `${name}.source.xlsx`, (sheet) => {
      sheet.getRow(1).values = ["考生号", "姓名", "联系电话", "地区"];
      sheet.getRow(2).values = ["24510101000001", "张三", "13800000001", "成都"];
      sheet.getRow(3).values = ["24510101000002", "李MARK四", "13800000002", "成都"];
    });
    const entries = zipEntries(readFileSync(written)).map((entry) =>
      entry.name === "xl/sharedStrings.xml" ? { name: entry.name, data: change(entry.data) } : entry,
    );
    return writeBytes(dir, `${name}.xlsx`, zipBytes(entries));
  }
  const replaceMark = (bytes: Buffer) => (xml: Buffer) => {
    const [before, after] = xml.toString("utf8").split("MARK");
    return Buffer.concat([Buffer.from(before ?? "", "utf8"), bytes, Buffer.from(after ?? "", "utf8")]);
  };

  it("refuses bytes that are not UTF-8 in a cell, on the row Excel shows", async () => {
    const file = await xlsxWithSharedStrings("broken-utf8", replaceMark(Buffer.from([0xd5, 0xc5])));
    const report = await checkListFile(file, "toudang");
    expect(report).toMatchObject({ rows: 2, valid: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, column: "姓名", code: "INVALID_ENCODING" })]);
  });

  it.each([
    ["a NUL as a character reference", Buffer.from("&#0;")],
    ["a raw control character", Buffer.from([0x01])],
  ])("refuses the file with a Chinese message for %s (XML forbids it: no row can be named)", async (name, bytes) => {
    const file = await xlsxWithSharedStrings(`control-${bytes[0]}`, replaceMark(bytes));
    const error = (await checkListFile(file, "toudang").catch((thrown: unknown) => thrown)) as UnreadableFileError;
    expect(error, name).toBeInstanceOf(UnreadableFileError);
    expect({ code: error?.code, reason: inChinese(error?.reason) }, name).toEqual({
      code: "CORRUPT_XLSX",
      reason: expect.stringMatching(/控制字符/),
    });
  });
});
