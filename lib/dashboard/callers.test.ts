import { describe, expect, it } from "vitest";
import { type CallerRow, filterCallers, sortCallers } from "./callers";

function row(name: string, patch: Partial<CallerRow> = {}): CallerRow {
  return {
    callerId: name,
    name,
    isLeader: false,
    assigned: 10,
    reached: 9,
    admitted: 10,
    enrolled: 9,
    ratePermille: 900,
    confirmed: 9,
    contacts: 40,
    seconds: 12_000,
    neverContacted: 0,
    overdue: 0,
    openEscalations: 0,
    subsidyFen: 0,
    meetsWorkload: true,
    steps: [],
    names: {},
    ...patch,
  };
}

const rows = [
  row("甲", { ratePermille: 960, subsidyFen: 70_000, contacts: 20 }),
  row("乙", { ratePermille: null, admitted: 0, enrolled: 0, neverContacted: 3 }),
  row("丙", { ratePermille: 920, overdue: 2, meetsWorkload: false }),
  row("丁", { ratePermille: 940, openEscalations: 1, assigned: 0, contacts: 0 }),
];

describe("sortCallers", () => {
  it("sorts by rate both ways, callers without a rate last", () => {
    expect(sortCallers(rows, "rate", "asc").map((r) => r.name)).toEqual(["丙", "丁", "甲", "乙"]);
    expect(sortCallers(rows, "rate", "desc").map((r) => r.name)).toEqual(["甲", "丁", "丙", "乙"]);
  });

  it("sorts by contacts per candidate, a caller without candidates last", () => {
    // 乙 and 丙 tie at 4.0: by name in pinyin order (bing before yi)
    expect(sortCallers(rows, "contactsPer", "asc").map((r) => r.name)).toEqual(["甲", "丙", "乙", "丁"]);
  });

  it("does not change the input", () => {
    const before = rows.map((r) => r.name);
    sortCallers(rows, "subsidy", "desc");
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});

describe("filterCallers", () => {
  it.each([
    ["all", ["甲", "乙", "丙", "丁"]],
    ["belowBasic", ["丙"]],
    ["workloadShort", ["丙"]],
    ["neverContacted", ["乙"]],
    ["overdue", ["丙"]],
    ["escalations", ["丁"]],
  ] as const)("%s", (filter, names) => {
    expect(filterCallers(rows, filter, 930).map((r) => r.name)).toEqual(names);
  });
});
