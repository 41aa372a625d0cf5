// Test fixtures for the list importer, built at test time into a temporary folder: no binary
// fixture is committed. Used by the unit tests in lib/import, the import integration tests and
// the import benchmark.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib, { deflateRawSync, inflateRawSync, constants as zlibConstants } from "node:zlib";
import ExcelJS from "exceljs";
import { translatorFor } from "@/lib/i18n/messages";
import { isText, renderText, type Text } from "@/lib/i18n/text";

/** A fresh folder under the OS temp folder; remove it with `removeTempDir`. */
export function makeTempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "huifang-import-"));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeBytes(dir: string, name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

// ---------------------------------------------------------------------------------------------
// GB18030. Node's TextEncoder only writes UTF-8, and iconv-lite is not a dependency, so the
// encoder is the inverse of Node's own GB18030 decoder over the two-byte (GBK) range, which holds
// every common Chinese character. The tests pin a few of its byte sequences to the published code
// points (考 = BF BC, 生 = C9 FA, 号 = BA C5 ...) so it is not only checked against itself.

let gbTable: Map<string, Buffer> | null = null;

function gb18030Table(): Map<string, Buffer> {
  if (gbTable) return gbTable;
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, Buffer>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Buffer.from([lead, trail]);
      const char = decoder.decode(bytes);
      if (char.length === 1 && char !== "\uFFFD" && !table.has(char)) table.set(char, bytes);
    }
  }
  gbTable = table;
  return table;
}

/** Text to GB18030 bytes: ASCII as is, other characters by their two-byte code. */
export function encodeGb18030(text: string): Buffer {
  const table = gb18030Table();
  const parts: Buffer[] = [];
  let ascii = "";
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      ascii += char;
      continue;
    }
    const bytes = table.get(char);
    if (!bytes) throw new Error(`no two-byte GB18030 code for “${char}” in the fixture encoder`);
    if (ascii) parts.push(Buffer.from(ascii, "latin1"));
    ascii = "";
    parts.push(bytes);
  }
  if (ascii) parts.push(Buffer.from(ascii, "latin1"));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// CSV

export type FixtureEncoding = "gb18030" | "utf-8" | "utf-8-bom";

/** Rows as Excel writes them: fields with a comma, quote or line break are quoted; CRLF between rows. */
export function csvText(rows: readonly (readonly string[])[], eol = "\r\n"): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(field).join(",")).join(eol) + eol;
}

export function encodeText(text: string, encoding: FixtureEncoding): Buffer {
  if (encoding === "gb18030") return encodeGb18030(text);
  const utf8 = Buffer.from(text, "utf8");
  return encoding === "utf-8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

export function writeCsv(
  dir: string,
  name: string,
  rows: readonly (readonly string[])[],
  encoding: FixtureEncoding,
  eol = "\r\n",
): string {
  return writeBytes(dir, name, encodeText(csvText(rows, eol), encoding));
}

/**
 * A 投档 list as a Chinese Windows Excel saves it (GB18030, CRLF), with a title row, a valid row, a
 * row whose phone is only in the second phone column, an exam number Excel turned into 2.45101E+13,
 * a duplicate exam number with a bad phone, a blank row and a row with two bad cells.
 */
export const TOUDANG_CSV_ROWS: readonly (readonly string[])[] = [
  ["2024年单招投档名单", "", "", "", "", "", ""], // row 1
  ["考生号", "姓名", "性别", "联系电话", "家长电话", "生源地", "毕业学校"], // row 2
  ["24510101000001", "张三", "男", "138 0000 0001", "", "成都市", "成都七中"], // row 3
  ["24510101000002", "李四", "女", "", "13900000002", "绵阳市", "绵阳中学"], // row 4
  ["2.45101E+13", "王五", "男", "13800000003", "", "德阳市", "德阳中学"], // row 5
  ["24510101000001", "赵六", "女", "12345", "", "成都市", "树德中学"], // row 6
  ["", "", "", "", "", "", ""], // row 7
  ["24510101000007", "钱七", "男性", "13800000007", "", "", "石室中学"], // row 8
];

/** A 缴费 list saved as "CSV UTF-8" (with a BOM), dates in several Excel forms. */
export const JIAOFEI_CSV_ROWS: readonly (readonly string[])[] = [
  ["考生号", "姓名", "缴费状态", "缴费日期"], // row 1
  ["24510101000001", "张三", "已缴费", "2024/7/1"], // row 2
  ["24510101000002", "李四", "未缴费", "2024年7月2日"], // row 3
  ["24510101000003", "王五", "是", "2024-02-30"], // row 4
  ["24510101000004", "赵六", "也许", "2024-07-01 10:30"], // row 5
];

/** A 录取 list in plain UTF-8 with full-width and spaced exam numbers and a quoted field. */
export const LUQU_CSV_ROWS: readonly (readonly string[])[] = [
  ["准考证号", "考生姓名", "录取专业", "志愿序号"], // row 1
  ["２４５１０１０１０００００１", "张三", "护理", "1"], // row 2
  ["2451 0101 0000 02", "李四", "软件技术, 大数据方向", "第二志愿"], // row 3
  ["24510101000003", "王五", "", "3"], // row 4
  ["", "", "", ""], // row 5
  ["", "", "", ""], // row 6
];

// ---------------------------------------------------------------------------------------------
// XLSX, written by exceljs as Excel would save it.

export async function writeXlsx(
  dir: string,
  name: string,
  build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  build(sheet, workbook);
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/**
 * A 投档 list: "2024年单招投档名单" merged over the columns (row 1), the header (row 2), numeric
 * 14-digit exam numbers, one beyond 2^53, a formula for an exam number and one for a phone, a date
 * cell, a rich-text name, a duplicate (number on row 3, text on row 6) and formatted blank rows at
 * the end (rows 8-10).
 */
export function writeToudangXlsx(dir: string, name = "toudang.xlsx"): Promise<string> {
  return writeXlsx(dir, name, (sheet) => {
    sheet.getCell("A1").value = "2024年单招投档名单";
    sheet.mergeCells("A1:H1");
    sheet.getRow(2).values = [
      "考生号",
      "姓名",
      "性别",
      "联系电话（手机）",
      "家长电话",
      "生源地",
      "毕业学校",
      "缴费日期",
    ];
    sheet.getRow(3).values = [
      24510101000001,
      { richText: [{ text: "张" }, { text: "三", font: { bold: true } }] },
      "男",
      13800000001,
      null,
      "成都市",
      "成都七中",
      new Date(Date.UTC(2024, 6, 1)),
    ];
    sheet.getCell("H3").numFmt = "yyyy-mm-dd";
    sheet.getRow(4).values = [
      24510101000002,
      "李四",
      "女",
      { formula: '"139"&"00000002"', result: "13900000002" },
      null,
      "绵阳市",
      "绵阳中学",
      45475,
    ];
    sheet.getRow(5).values = [
      Number("24510101000001234567"),
      "王五",
      "男",
      13800000003,
      null,
      "德阳市",
      "德阳中学",
      null,
    ];
    sheet.getRow(6).values = ["24510101000001", "赵六", "女", null, 13900000006, "成都市", "树德中学", null];
    sheet.getRow(7).values = [
      { formula: "24510101000000+7", result: 24510101000007 },
      "钱七",
      "男",
      "028-85551234",
      null,
      "乐山市",
      "乐山一中",
      null,
    ];
    for (const row of [8, 9, 10]) {
      for (const column of [1, 2, 3]) {
        sheet.getCell(row, column).border = { bottom: { style: "thin" } };
      }
    }
  });
}

// ---------------------------------------------------------------------------------------------
// ZIP, written byte by byte so a test can make the central directory claim what it likes.

let crcTable: Uint32Array | null = null;

/** CRC-32 as zip uses it: zlib.crc32 where Node has it (20.15+), else the same sum in JavaScript. */
function crc32(data: Buffer, previous = 0): number {
  if (typeof zlib.crc32 === "function") return zlib.crc32(data, previous);
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}

export type ZipFixtureEntry = {
  name: string;
  /** the uncompressed size the central directory (and local header) state, instead of the true one */
  claimedSize?: number;
} & (
  | {
      data: Buffer;
      /** the compressed bytes to store, instead of deflating `data` (e.g. bytes that are not deflate) */
      compressed?: Buffer;
    }
  | DeflatedData
);

/** Deflated bytes with the size and CRC-32 of what they inflate to. */
export interface DeflatedData {
  compressed: Buffer;
  size: number;
  crc: number;
}

/**
 * `prefix`, then `megabytes` MiB of `fill`, then `suffix`, deflated in milliseconds however large:
 * one sync-flushed block of 1 MiB of `fill` refers only to itself, so repeating it is valid deflate.
 */
export function deflatedFill(prefix: string, fill: number, megabytes: number, suffix: string): DeflatedData {
  const sync = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const head = Buffer.from(prefix, "utf8");
  const tail = Buffer.from(suffix, "utf8");
  const block = deflateRawSync(chunk, sync);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  return {
    compressed: Buffer.concat([
      deflateRawSync(head, sync),
      ...Array.from({ length: megabytes }, () => block),
      deflateRawSync(tail),
    ]),
    size: head.length + megabytes * chunk.length + tail.length,
    crc,
  };
}

export interface ZipFixtureOptions {
  /** the entry count the end-of-directory record states, instead of the true one */
  claimedEntries?: number;
}

/** A zip archive (deflate, no data descriptors, no comment). */
export function zipBytes(entries: readonly ZipFixtureEntry[], options: ZipFixtureOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = "data" in entry ? (entry.compressed ?? deflateRawSync(entry.data)) : entry.compressed;
    const crc = "data" in entry ? crc32(entry.data) : entry.crc;
    const size = entry.claimedSize ?? ("data" in entry ? entry.data.length : entry.size);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);

    offset += local.length + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const count = options.claimedEntries ?? entries.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, directoryBytes, end]);
}

/** The entries' names and stated sizes, read back from a zip's central directory. */
export function zipDirectory(zip: Buffer): { name: string; compressedSize: number; size: number; at: number }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      at,
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The entries of a zip (stored or deflated), inflated, in directory order. */
export function zipEntries(zip: Buffer): { name: string; data: Buffer }[] {
  return zipDirectory(zip).map((entry) => {
    const local = zip.readUInt32LE(entry.at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + entry.compressedSize);
    const method = zip.readUInt16LE(entry.at + 10);
    return { name: entry.name, data: method === 0 ? Buffer.from(raw) : inflateRawSync(raw) };
  });
}

/**
 * The 投档 xlsx with its sheet replaced by a valid sheet whose one inline string is `megabytes` MiB of
 * "a": a zip bomb that inflates to that much while the file stays a few hundred KB. `honest: false`
 * makes the central directory claim 1 KB for the sheet instead of its real size.
 */
export async function writeXlsxBomb(
  dir: string,
  name: string,
  { megabytes, honest }: { megabytes: number; honest: boolean },
): Promise<string> {
  const source = await writeToudangXlsx(dir, `source-of-${name}`);
  const sheet = deflatedFill(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>',
    0x61,
    megabytes,
    "</t></is></c></row></sheetData></worksheet>",
  );
  const entries = zipEntries(readFileSync(source)).map(
    (entry): ZipFixtureEntry =>
      entry.name === "xl/worksheets/sheet1.xml"
        ? { name: entry.name, ...sheet, ...(honest ? {} : { claimedSize: 1024 }) }
        : entry,
  );
  return writeBytes(dir, name, zipBytes(entries));
}

/** A copy of `zip` whose central directory claims `size` uncompressed bytes for the entry `name`. */
export function withClaimedSize(zip: Buffer, name: string, size: number): Buffer {
  const entry = zipDirectory(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name} in the zip`);
  const copy = Buffer.from(zip);
  copy.writeUInt32LE(size, entry.at + 24);
  return copy;
}

// ---------------------------------------------------------------------------------------------
// A large list, for the 100,000-row check and its timing.

/** The n-th generated candidate (n from 1): exam number, name, phone, region, all valid. */
export function generatedCandidate(n: number) {
  const surnames = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨";
  const regions = ["成都市", "绵阳市", "德阳市", "乐山市", "南充市", "宜宾市"];
  return {
    examNo: `2451${String(n).padStart(10, "0")}`,
    name: `${surnames[n % surnames.length]}同学${n}`,
    gender: n % 2 === 0 ? "女" : "男",
    phone: `138${String(n).padStart(8, "0")}`,
    region: regions[n % regions.length] ?? "成都市",
    school: "成都七中",
  };
}

/** A GB18030 投档 csv with `count` valid data rows (header on row 1, data from row 2). */
export function writeLargeToudangCsv(dir: string, count: number, name = "large.csv"): string {
  const header = encodeGb18030("考生号,姓名,性别,联系电话,生源地,毕业学校\r\n");
  const chunks: Buffer[] = [header];
  for (let n = 1; n <= count; n++) {
    const c = generatedCandidate(n);
    chunks.push(encodeGb18030(`${c.examNo},${c.name},${c.gender},${c.phone},${c.region},${c.school}\r\n`));
  }
  return writeBytes(dir, name, Buffer.concat(chunks));
}

/**
 * `value` with every catalogue sentence in it (a row error's message, a warning, a refusal's reason)
 * rendered in Chinese, so a test compares the sentences a Chinese reader sees, word for word.
 */
export function inChinese(value: Text): string;
export function inChinese<T>(value: T): T;
export function inChinese(value: unknown): unknown {
  const t = translatorFor("zh-CN");
  const render = (node: unknown): unknown => {
    if (isText(node)) return renderText(t, node);
    if (Array.isArray(node)) return node.map(render);
    if (node && typeof node === "object" && Object.getPrototypeOf(node) === Object.prototype) {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, render(inner)]));
    }
    return node;
  };
  return render(value);
}
