import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deflatedFill,
  inChinese,
  makeTempDir,
  removeTempDir,
  withClaimedSize,
  writeBytes,
  writeToudangXlsx,
  writeXlsxBomb,
  zipBytes,
  zipDirectory,
} from "@/tests/support/import-fixtures";
import { checkListFile } from "./check-file";
import { UnreadableFileError } from "./read";
import { checkZip, ZIP_LIMITS } from "./zip-guard";

const MB = 1024 * 1024;
let dir: string;

beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => {
  removeTempDir(dir);
});

/** Bytes that are not deflate: anything that tried to inflate them would fail, not answer ZIP_BOMB. */
const notDeflate = (length: number) => Buffer.alloc(length, 0xff);

describe("checkZip: archives that pass", () => {
  it("passes a real xlsx saved by exceljs, counting its entries and stated sizes", async () => {
    const file = await writeToudangXlsx(dir, "real.xlsx");
    const directory = zipDirectory(readFileSync(file));
    expect(directory.length).toBeGreaterThan(5);
    expect(await checkZip(file)).toEqual({
      ok: true,
      entries: directory.length,
      uncompressed: directory.reduce((sum, e) => sum + e.size, 0),
    });
  });

  it("passes a small hand-made zip with the exact totals", async () => {
    const file = writeBytes(
      dir,
      "small.xlsx",
      zipBytes([
        { name: "a.xml", data: Buffer.from("<a/>") },
        { name: "b.xml", data: Buffer.alloc(5000, 0x62) },
      ]),
    );
    expect(await checkZip(file)).toEqual({ ok: true, entries: 2, uncompressed: 5004 });
  });

  it("passes exactly the total limit, in entries small enough to escape the ratio rule", async () => {
    // real deflate data: the guard inflates every entry once to check it holds what it claims
    const count = ZIP_LIMITS.maxUncompressedBytes / (10 * MB);
    const fill = deflatedFill("", 0x20, 10, "");
    const entries = Array.from({ length: count }, (_, i) => ({
      name: `part${i}.xml`,
      compressed: fill.compressed,
      size: fill.size,
      crc: fill.crc,
    }));
    const file = writeBytes(dir, "at-limit.xlsx", zipBytes(entries));
    expect(await checkZip(file)).toEqual({ ok: true, entries: count, uncompressed: ZIP_LIMITS.maxUncompressedBytes });
  });

  it("passes a 20 MB entry at a ratio a spreadsheet can have (under 200:1)", async () => {
    // incompressible bytes: a ratio of about 1:1
    const data = randomBytes(20 * MB);
    const file = writeBytes(dir, "ratio-ok.xlsx", zipBytes([{ name: "xl/worksheets/sheet1.xml", data }]));
    expect(await checkZip(file)).toEqual({ ok: true, entries: 1, uncompressed: 20 * MB });
  });
});

describe("checkZip: zip bombs are refused before anything is inflated", () => {
  it("refuses an entry whose central directory claims 500 MB", async () => {
    const file = writeBytes(
      dir,
      "claims-500mb.xlsx",
      zipBytes([
        { name: "[Content_Types].xml", data: Buffer.from("<Types/>") },
        {
          name: "xl/worksheets/sheet1.xml",
          data: Buffer.alloc(0),
          compressed: notDeflate(1024),
          claimedSize: 500 * MB,
        },
      ]),
    );
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "ZIP_BOMB" });
  });

  it("refuses a real xlsx whose sheet's stated size was raised to 500 MB", async () => {
    const real = readFileSync(await writeToudangXlsx(dir, "to-patch.xlsx"));
    const file = writeBytes(dir, "patched.xlsx", withClaimedSize(real, "xl/worksheets/sheet1.xml", 500 * MB));
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "ZIP_BOMB" });
  });

  it("refuses a small file that really inflates to 500 MB, and checkListFile refuses it unread", async () => {
    const file = await writeXlsxBomb(dir, "bomb-500mb.xlsx", { megabytes: 500, honest: true });
    expect(readFileSync(file).length).toBeLessThan(MB);
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "ZIP_BOMB" });
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await checkListFile(file, "toudang").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(inChinese((error as UnreadableFileError).reason)).toBe(
      "文件解压后异常巨大，已拒绝读取。请用 Excel 重新保存后再试。",
    );
    expect(error).toMatchObject({ code: "ZIP_BOMB" });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * MB);
  });

  it("refuses entries of 10 MB or less that add up to more than the total limit", async () => {
    const entries = Array.from({ length: 41 }, (_, i) => ({
      name: `part${i}.xml`,
      data: Buffer.alloc(0),
      compressed: notDeflate(16),
      claimedSize: 10 * MB,
    }));
    const file = writeBytes(dir, "sum.xlsx", zipBytes(entries));
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "ZIP_BOMB" });
  });

  it("refuses a 20 MB entry at a ratio no spreadsheet has (over 200:1)", async () => {
    const file = writeBytes(
      dir,
      "ratio.xlsx",
      zipBytes([
        { name: "xl/sharedStrings.xml", data: Buffer.alloc(0), compressed: notDeflate(1024), claimedSize: 20 * MB },
      ]),
    );
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "ZIP_BOMB" });
  });

  it("refuses an xlsx whose directory understates what its sheet inflates to (32 MB stated as 1 KB)", async () => {
    // The ratio rule refuses 32 MB from ~32 KB when the directory tells the truth; a bomb need not.
    const file = await writeXlsxBomb(dir, "understated.xlsx", { megabytes: 32, honest: false });
    const error = await checkListFile(file, "toudang").then(
      (report) => report,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).code).toMatch(/^(ZIP_BOMB|NOT_XLSX)$/);
  }, 60_000);
});

describe("checkZip: files that are not a readable zip", () => {
  it.each([
    ["a csv named .xlsx", Buffer.from("考生号,姓名\n24510101000001,张三\n")],
    ["an empty file", Buffer.alloc(0)],
    ["random bytes", randomBytes(4096)],
    ["a zip cut short (its directory gone)", zipBytes([{ name: "a.xml", data: Buffer.from("<a/>") }]).subarray(0, 40)],
  ])("refuses %s as NOT_XLSX", async (_, bytes) => {
    const file = writeBytes(dir, "not-a-zip.xlsx", bytes);
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "NOT_XLSX" });
  });

  it("refuses a directory that claims more than 10,000 entries as NOT_XLSX", async () => {
    const file = writeBytes(
      dir,
      "many.xlsx",
      zipBytes([{ name: "a.xml", data: Buffer.from("<a/>") }], { claimedEntries: ZIP_LIMITS.maxEntries + 1 }),
    );
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "NOT_XLSX" });
  });

  it("refuses a directory that holds fewer entries than it claims as NOT_XLSX, without throwing", async () => {
    const file = writeBytes(
      dir,
      "short-directory.xlsx",
      zipBytes([{ name: "a.xml", data: Buffer.from("<a/>") }], { claimedEntries: 2 }),
    );
    await expect(checkZip(file)).resolves.toMatchObject({ ok: false, code: "NOT_XLSX" });
  });

  it("refuses a ZIP64 archive as TOO_LARGE", async () => {
    const file = writeBytes(
      dir,
      "zip64.xlsx",
      zipBytes([{ name: "a.xml", data: Buffer.from("<a/>") }], { claimedEntries: 0xffff }),
    );
    expect(await checkZip(file)).toMatchObject({ ok: false, code: "TOO_LARGE" });
  });

  it("makes checkListFile throw UnreadableFileError NOT_XLSX for a csv named .xlsx", async () => {
    const file = writeBytes(dir, "csv-named.xlsx", "考生号,姓名\n24510101000001,张三\n");
    const error = await checkListFile(file, "toudang").catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect(error).toMatchObject({ code: "NOT_XLSX" });
    expect(inChinese((error as UnreadableFileError).reason)).toBe("文件不是有效的 xlsx（找不到压缩目录）。");
  });
});
