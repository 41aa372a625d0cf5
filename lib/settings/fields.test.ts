import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToYuan, parseField, percentToPermille, permilleToPercent, yuanToFen } from "./fields";

describe("元 ↔ fen and % ↔ permille", () => {
  it.each([
    ["65", 6500],
    ["0.5", 50],
    ["12.34", 1234],
    [" 1,500 ", 150_000],
    ["0", 0],
  ])("%s 元 is %i fen", (typed, fen) => {
    expect(yuanToFen(typed)).toEqual({ ok: true, value: fen });
  });

  it.each([
    ["", "required"],
    ["abc", "notNumber"],
    ["1.234", "tooManyDecimals"],
    ["1e3", "notNumber"],
  ])("refuses %j as %s", (typed, code) => {
    expect(yuanToFen(typed)).toEqual({ ok: false, code });
  });

  it.each([
    ["93", 930],
    ["95.5", 955],
    ["0.1", 1],
    ["100", 1000],
  ])("%s %% is %i‰", (typed, permille) => {
    expect(percentToPermille(typed)).toEqual({ ok: true, value: permille });
    expect(permilleToPercent(permille)).toBe(typed);
  });

  it("shows fen as the shortest yuan", () => {
    expect(fenToYuan(6500)).toBe("65");
    expect(fenToYuan(50)).toBe("0.5");
    expect(fenToYuan(1234)).toBe("12.34");
    expect(fenToYuan(5)).toBe("0.05");
  });

  it("reads back every amount it shows, to the fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toEqual({ ok: true, value: fen });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (permille) => {
        expect(percentToPermille(permilleToPercent(permille))).toEqual({ ok: true, value: permille });
      }),
    );
  });
});

describe("one field against its bounds", () => {
  it("converts in the field's unit and checks its bounds there", () => {
    const rate = { key: "r", kind: "rate" as const, min: 0.1, max: 100 };
    expect(parseField(rate, "0.1")).toEqual({ ok: true, value: 1 });
    expect(parseField(rate, "0")).toEqual({ ok: false, issue: { key: "r", code: "tooSmall", min: "0.1" } });
    expect(parseField(rate, "100.1")).toEqual({ ok: false, issue: { key: "r", code: "tooBig", max: "100" } });
    expect(parseField({ key: "n", kind: "int", min: 0 }, "2.5")).toEqual({
      ok: false,
      issue: { key: "n", code: "notWhole" },
    });
    expect(parseField({ key: "f", kind: "decimal", min: 1.5, max: 20 }, "2.5")).toEqual({ ok: true, value: 2.5 });
    expect(parseField({ key: "y", kind: "yuan", min: 0 }, "-1")).toMatchObject({
      ok: false,
      issue: { code: "tooSmall" },
    });
    expect(parseField({ key: "b", kind: "bool" }, "true")).toMatchObject({ ok: false });
    expect(parseField({ key: "c", kind: "choice", options: ["a"] }, "b")).toMatchObject({ ok: false });
  });
});
