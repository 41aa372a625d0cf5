import { describe, expect, it } from "vitest";
import { detectHeader, FIELDS, type Field, fieldForHeader, headerKey, mapHeader } from "./columns";

describe("headerKey", () => {
  it.each([
    ["联系电话（手机）", "联系电话"],
    ["联系电话(手机)", "联系电话"],
    [" 考 生 号 ", "考生号"],
    ["考生号*", "考生号"],
    ["姓名：", "姓名"],
    ["姓名:", "姓名"],
    ["准考证号（14位）", "准考证号"],
    ["考\u3000生\u3000号", "考生号"],
    ["ＡＢＣ", "abc"],
    ["", ""],
  ])("reads %j as %j", (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  it("reads an empty cell as no key", () => {
    expect(headerKey(null)).toBe("");
    expect(headerKey(undefined)).toBe("");
  });
});

describe("fieldForHeader", () => {
  const everyAlias = (Object.entries(FIELDS) as [Field, { aliases: string[] }][]).flatMap(([field, spec]) =>
    spec.aliases.map((alias) => [alias, field] as const),
  );

  it.each(everyAlias)("maps the alias %s to %s", (alias, field) => {
    expect(fieldForHeader(alias)).toBe(field);
  });

  it.each<[string, Field]>([
    ["考生号", "examNo"],
    ["准考证号", "examNo"],
    [" 考 生 号 ", "examNo"],
    ["考生号（14位）", "examNo"],
    ["姓名", "name"],
    ["性别", "gender"],
    ["联系电话（手机）", "phones"],
    ["联系电话(手机)", "phones"],
    ["手机号", "phones"],
    ["家长电话", "phones"],
    ["地区", "region"],
    ["生源地", "region"],
    ["市州", "region"],
    ["毕业学校", "school"],
    ["专业", "major"],
    ["录取专业", "major"],
    ["志愿", "firstChoice"],
    ["志愿序号", "firstChoice"],
    ["是否第一志愿", "firstChoice"],
    ["缴费状态", "paid"],
    ["报到状态", "enrolled"],
    ["缴费日期", "paidAt"],
    ["报到时间", "enrolledAt"],
    ["＊考生号：", "examNo"],
  ])("maps the header %j to %s", (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it.each(["备注", "序号", "身份证号", "", "2024年单招投档名单"])("maps no field to %j", (header) => {
    expect(fieldForHeader(header)).toBeNull();
  });

  it("maps no field to an empty cell", () => {
    expect(fieldForHeader(null)).toBeNull();
  });
});

describe("mapHeader", () => {
  it("maps both phone columns and keeps each column's header text", () => {
    const mapping = mapHeader(["考生号", "姓名", "联系电话（手机）", "家长电话", "生源地"]);
    expect([...mapping.fields]).toEqual([
      [0, "examNo"],
      [1, "name"],
      [2, "phones"],
      [3, "phones"],
      [4, "region"],
    ]);
    expect([...mapping.headers]).toEqual([
      [0, "考生号"],
      [1, "姓名"],
      [2, "联系电话（手机）"],
      [3, "家长电话"],
      [4, "生源地"],
    ]);
  });

  it("ignores unknown columns and a second column of any other field", () => {
    const mapping = mapHeader(["序号", "考生号", "姓名", "考生姓名", null, "备注", "准考证号"]);
    expect([...mapping.fields]).toEqual([
      [1, "examNo"],
      [2, "name"],
    ]);
  });

  it("trims the header text it keeps", () => {
    expect(mapHeader([" 考 生 号 ", "姓名 "]).headers).toEqual(
      new Map([
        [0, "考 生 号"],
        [1, "姓名"],
      ]),
    );
  });
});

describe("detectHeader", () => {
  const header = ["考生号", "姓名", "性别", "联系电话", "生源地"];

  it("finds the header on the first row", () => {
    expect(detectHeader([header, ["24510101000001", "张三", "男", "13800000001", "成都市"]])?.index).toBe(0);
  });

  it("finds the header below a title row", () => {
    const found = detectHeader([["2024年单招投档名单", null, null, null, null], header]);
    expect(found?.index).toBe(1);
    expect(found?.mapping.fields.get(0)).toBe("examNo");
    expect(found?.mapping.fields.get(4)).toBe("region");
  });

  it("finds the header below a title row and blank rows", () => {
    const found = detectHeader([
      ["2024年单招投档名单"],
      [],
      [null, "", "  "],
      ["制表：招生办", "", "2024-07-01"],
      header,
    ]);
    expect(found?.index).toBe(4);
  });

  it("does not take a title row that happens to name one known column", () => {
    expect(detectHeader([["考生号"], header])?.index).toBe(1);
  });

  it("returns null without an exam-number column", () => {
    expect(detectHeader([["姓名", "性别", "联系电话", "生源地"]])).toBeNull();
  });

  it("returns null when the exam number is the only known column", () => {
    expect(detectHeader([["考生号", "备注"]])).toBeNull();
  });

  it("returns null for no rows", () => {
    expect(detectHeader([])).toBeNull();
  });

  it("looks no further than maxScan rows", () => {
    const rows = [...Array.from({ length: 20 }, () => ["说明"]), header];
    expect(detectHeader(rows)).toBeNull();
    expect(detectHeader(rows, 21)?.index).toBe(20);
  });
});
