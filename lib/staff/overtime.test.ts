import { describe, expect, it } from "vitest";
import { type OvertimeStaff, overtimeReason, parseOvertimeYuan, planOvertime } from "./overtime";

describe("an overtime amount typed in yuan", () => {
  it.each([
    ["150", 15_000],
    ["80.5", 8_050],
    ["80.50", 8_050],
    ["0.01", 1],
    ["0", 0],
    [" 1,200 ", 120_000],
    ["１５０", 15_000],
    ["10000", 1_000_000],
  ])("%j is %i fen", (typed, fen) => {
    expect(parseOvertimeYuan(typed)).toEqual({ ok: true, fen });
  });

  it.each([
    ["", "training.errors.amountInvalid"],
    ["abc", "training.errors.amountInvalid"],
    ["1.234", "training.errors.amountInvalid"],
    ["-5", "training.errors.amountInvalid"],
    ["1e3", "training.errors.amountInvalid"],
    ["10000.01", "training.errors.amountTooBig"],
  ])("refuses %j", (typed, key) => {
    expect(parseOvertimeYuan(typed)).toMatchObject({ ok: false, error: { key } });
  });

  it("needs a reason with an amount, and drops it with none", () => {
    expect(overtimeReason(100, "  周末值班  ")).toEqual({ ok: true, reason: "周末值班" });
    expect(overtimeReason(100, " ")).toMatchObject({ ok: false, error: { key: "training.errors.reasonRequired" } });
    expect(overtimeReason(0, "取消")).toEqual({ ok: true, reason: null });
    expect(overtimeReason(100, "字".repeat(201))).toMatchObject({
      ok: false,
      error: { key: "training.errors.reasonTooLong" },
    });
  });
});

describe("an overtime file checked against the staff", () => {
  const staff = new Map<string, OvertimeStaff>([
    ["caller01", { profileId: "p1", name: "张三", overtimeFen: 0, overtimeReason: null }],
    ["caller02", { profileId: "p2", name: "李四", overtimeFen: 5_000, overtimeReason: "值班" }],
  ]);

  it("plans every good row with the amount before and after", () => {
    const plan = planOvertime(
      [
        { row: 2, cells: { login: "caller01", name: "张三", amount: 150.5, reason: "周末加班" } },
        { row: 3, cells: { login: "CALLER02", name: "李 四", amount: "0", reason: "" } },
      ],
      staff,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([
      { row: 2, profileId: "p1", login: "caller01", name: "张三", beforeFen: 0, afterFen: 15_050, reason: "周末加班" },
      { row: 3, profileId: "p2", login: "caller02", name: "李四", beforeFen: 5_000, afterFen: 0, reason: null },
    ]);
  });

  it.each([
    [{ login: "nobody", name: "王五", amount: 10, reason: "x" }, "training.errors.row.unknownLogin"],
    [{ login: "caller01", name: "李四", amount: 10, reason: "x" }, "training.errors.row.nameMismatch"],
    [{ login: "caller01", name: "张三", amount: "十元", reason: "x" }, "training.errors.row.badAmount"],
    [{ login: "caller01", name: "张三", amount: -1, reason: "x" }, "training.errors.row.badAmount"],
    [{ login: "caller01", name: "张三", amount: 1.005, reason: "x" }, "training.errors.row.badAmount"],
    [{ login: "caller01", name: "张三", amount: 10, reason: "" }, "training.errors.row.reasonRequired"],
    [{ login: "", name: "张三", amount: 10, reason: "x" }, "imports.rowErrors.required"],
  ])("refuses row %j", (cells, key) => {
    const plan = planOvertime([{ row: 7, cells }], staff);
    expect(plan.changes).toEqual([]);
    expect(plan.errors).toEqual([{ row: 7, message: expect.objectContaining({ key }) }]);
  });

  it("refuses a login named twice, keeping the first", () => {
    const plan = planOvertime(
      [
        { row: 2, cells: { login: "caller01", name: "张三", amount: 10, reason: "a" } },
        { row: 5, cells: { login: "caller01", name: "张三", amount: 20, reason: "b" } },
      ],
      staff,
    );
    expect(plan.changes.map((c) => c.row)).toEqual([2]);
    expect(plan.errors).toEqual([
      { row: 5, message: { key: "training.errors.row.duplicate", values: { login: "caller01", first: 2 } } },
    ]);
  });
});
