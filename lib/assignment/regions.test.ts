import { describe, expect, it } from "vitest";
import { prefectureOf, regionGroups, regionKey, SICHUAN_PREFECTURES } from "./regions";

// [short, official, the other forms lists use]
const FORMS: [string, string, string[]][] = [
  ["成都", "成都市", ["成都地区", "四川省成都市", "四川成都"]],
  ["自贡", "自贡市", ["自贡地区", "四川省自贡市"]],
  ["攀枝花", "攀枝花市", ["攀枝花地区", "四川省攀枝花市"]],
  ["泸州", "泸州市", ["泸州地区", "四川省泸州市"]],
  ["德阳", "德阳市", ["德阳地区", "四川省德阳市"]],
  ["绵阳", "绵阳市", ["绵阳地区", "四川省绵阳市"]],
  ["广元", "广元市", ["广元地区", "四川省广元市"]],
  ["遂宁", "遂宁市", ["遂宁地区", "四川省遂宁市"]],
  ["内江", "内江市", ["内江地区", "四川省内江市"]],
  ["乐山", "乐山市", ["乐山地区", "四川省乐山市"]],
  ["南充", "南充市", ["南充地区", "四川省南充市"]],
  ["眉山", "眉山市", ["眉山地区", "四川省眉山市"]],
  ["宜宾", "宜宾市", ["宜宾地区", "四川省宜宾市"]],
  ["广安", "广安市", ["广安地区", "四川省广安市"]],
  ["达州", "达州市", ["达州地区", "四川省达州市"]],
  ["雅安", "雅安市", ["雅安地区", "四川省雅安市"]],
  ["巴中", "巴中市", ["巴中地区", "四川省巴中市"]],
  ["资阳", "资阳市", ["资阳地区", "四川省资阳市"]],
  ["阿坝", "阿坝藏族羌族自治州", ["阿坝州", "阿坝地区", "四川省阿坝藏族羌族自治州"]],
  ["甘孜", "甘孜藏族自治州", ["甘孜州", "甘孜地区", "四川省甘孜藏族自治州"]],
  ["凉山", "凉山彝族自治州", ["凉山州", "凉山地区", "四川省凉山彝族自治州"]],
];

describe("Sichuan's 市州", () => {
  it("are the 21 of the table, each once", () => {
    expect(SICHUAN_PREFECTURES.map((p) => p.short)).toEqual(FORMS.map(([short]) => short));
  });

  it.each(FORMS)("%s: every name form is the same region", (short, official, others) => {
    for (const name of [short, official, ...others, ` ${official}　`]) {
      expect(prefectureOf(name), name).toBe(short);
      expect(regionKey(name), name).toBe(short);
    }
  });

  it("keeps 泸州 and 泸州市 together (one stripped suffix made them 泸 and 泸州)", () => {
    expect(regionKey("泸州")).toBe(regionKey("泸州市"));
    expect(regionKey("达州")).toBe(regionKey("达州市"));
  });

  it("guesses nothing from part of a name", () => {
    for (const name of ["泸", "泸州县", "成都市区", "重庆市", "", "�"]) expect(prefectureOf(name), name).toBeNull();
  });
});

describe("regionGroups", () => {
  const groups = regionGroups([
    { region: "泸州", group: "g-luzhou" },
    { region: "达州市", group: "g-dazhou" },
    { region: "阿坝州", group: "g-aba" },
    { region: "重庆", group: "g-chongqing" },
  ]);

  it("finds the group of every name form, and of a region outside the table written the same way", () => {
    expect(groups.groupOf("泸州市")).toBe("g-luzhou");
    expect(groups.groupOf("达州")).toBe("g-dazhou");
    expect(groups.groupOf("阿坝藏族羌族自治州")).toBe("g-aba");
    expect(groups.groupOf("重庆")).toBe("g-chongqing");
    expect(groups.groupOf("成都市")).toBeNull();
    expect(groups.groupOf("泸")).toBeNull();
    expect(groups.conflicts).toEqual([]);
  });

  it("gives a region two groups claim to the first, and names the conflict", () => {
    const twice = regionGroups([
      { region: "成都", group: "first" },
      { region: "成都市", group: "second" },
    ]);
    expect(twice.groupOf("成都地区")).toBe("first");
    expect(twice.conflicts).toEqual([{ region: "成都", groups: ["first", "second"] }]);
  });
});
