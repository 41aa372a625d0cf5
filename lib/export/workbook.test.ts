import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook, neutralize } from "./workbook";

describe("neutralize", () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', '\'=HYPERLINK("http://x","点我")'],
    ["+86 138", "'+86 138"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["张三", "张三"],
    ["24510101000001", "24510101000001"],
    ["a=b", "a=b"],
  ])("%j -> %j", (input, output) => {
    expect(neutralize(input)).toBe(output);
  });

  it("leaves numbers, dates and empty cells alone", () => {
    const date = new Date("2024-07-01T00:00:00Z");
    expect(neutralize(-5)).toBe(-5);
    expect(neutralize(date)).toBe(date);
    expect(neutralize(null)).toBeNull();
  });
});

describe("buildWorkbook (golden export)", () => {
  it("writes a formula-looking name as text and keeps long exam numbers exact", async () => {
    const buffer = await buildWorkbook({
      name: "考生",
      columns: [
        { header: "考生号", value: (r: { examNo: string; name: string }) => r.examNo },
        { header: "姓名", value: (r) => r.name },
      ],
      rows: [{ examNo: "24510101000001", name: '=HYPERLINK("http://evil.example","点我")' }],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("考生");
    expect(sheet?.getRow(1).values).toEqual([undefined, "考生号", "姓名"]);
    const exam = sheet?.getCell("A2");
    const name = sheet?.getCell("B2");
    expect(exam?.value).toBe("24510101000001");
    expect(exam?.numFmt).toBe("@");
    expect(name?.value).toBe('\'=HYPERLINK("http://evil.example","点我")');
    expect(name?.formula).toBeUndefined();
  });
});
