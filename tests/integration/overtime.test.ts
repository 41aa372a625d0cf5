import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { applyOvertimeImport, enterOvertime, previewOvertimeImport } from "@/app/(app)/staff-pool/actions";
import { db } from "@/lib/db";
import { projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import { payoutPeople } from "@/lib/payouts/statements";
import { auditCount, type CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, HAND_COMPUTED_TOTAL_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

// 加班补贴: entered by admins in yuan to the fen with a reason, one person at a time or from an xlsx that is
// previewed and applied only when every row is right; it flows into the payout projection, never into a
// signed-off run.
async function xlsx(rows: unknown[][], name = "加班补贴.xlsx"): Promise<File> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("加班补贴");
  sheet.addRow(["工号/学号", "姓名", "加班补贴(元)", "事由"]);
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new File([buffer as ArrayBuffer], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}

const form = (file: File) => {
  const data = new FormData();
  data.set("file", file);
  return data;
};

describe("overtime pay", () => {
  let fx: CallsFixture;
  let profileOf: (userId: string) => Promise<{ id: string; overtimeFen: number; overtimeReason: string | null }>;

  beforeEach(async () => {
    ({ fx } = await buildPayoutFixture());
    profileOf = (userId) =>
      db().staffProfile.findFirstOrThrow({
        where: { campaignId: fx.campaign.id, userId },
        select: { id: true, overtimeFen: true, overtimeReason: true },
      });
    signInAs(null);
  });

  it("an admin enters one person's overtime; the projection pays it and a signed-off run keeps its amounts", async () => {
    signInAs(fx.users.admin);
    expect(
      await signOffPayouts({ campaignId: fx.campaign.id, version: 1, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN }),
    ).toMatchObject({ ok: true });
    const callerA = await profileOf(fx.users.callerA.id);
    const result = await enterOvertime({ profileId: callerA.id, amount: "150.50", reason: "周末值守咨询热线" });
    expect(result).toEqual({ ok: true, data: { changed: true, beforeFen: 0, afterFen: 15_050 } });
    expect(await profileOf(fx.users.callerA.id)).toMatchObject({
      overtimeFen: 15_050,
      overtimeReason: "周末值守咨询热线",
    });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "overtime.enter", entityId: callerA.id } });
    expect(audit.before).toEqual({ overtimeFen: 0, overtimeReason: null });
    expect(audit.after).toEqual({ overtimeFen: 15_050, overtimeReason: "周末值守咨询热线" });

    // lib/payouts reads it: the projection pays it (halved when the caller ranks in the bottom three)
    const { input, result: projected } = await projectPayouts(db(), fx.campaign.id);
    expect(input.callers.find((c) => c.callerId === fx.users.callerA.id)?.overtimeFen).toBe(15_050);
    const payout = projected.callers.find((c) => c.callerId === fx.users.callerA.id);
    expect(payout?.overtimeFen).toBe(payout?.inBottomRank ? 7_525 : 15_050);
    expect(projected.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN + (payout?.overtimeFen ?? 0));
    // the signed-off run is frozen: the change waits for the next run
    expect((await frozenRun(db(), fx.campaign.id, 1))?.snapshot.result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);

    // the next run pays it, and its statement shows the reason, frozen with the run
    expect(
      await signOffPayouts({ campaignId: fx.campaign.id, version: 2, expectedTotalFen: projected.totalFen }),
    ).toMatchObject({ ok: true });
    const second = await frozenRun(db(), fx.campaign.id, 2);
    if (!second) throw new Error("run 2");
    const statement = payoutPeople(second.snapshot).find((p) => p.personId === fx.users.callerA.id);
    expect(statement).toMatchObject({ overtimeFen: payout?.overtimeFen, overtimeReason: "周末值守咨询热线" });

    // the same amount and reason again writes nothing
    expect(await enterOvertime({ profileId: callerA.id, amount: "150.5", reason: " 周末值守咨询热线 " })).toMatchObject(
      {
        ok: true,
        data: { changed: false },
      },
    );
    // 0 cancels it and drops the reason
    expect(await enterOvertime({ profileId: callerA.id, amount: "0", reason: "" })).toMatchObject({ ok: true });
    expect(await profileOf(fx.users.callerA.id)).toMatchObject({ overtimeFen: 0, overtimeReason: null });
    expect(await auditCount(fx, { action: "overtime.enter" })).toBe(2);
  });

  it("refuses a bad amount or a missing reason in Chinese and changes nothing", async () => {
    signInAs(fx.users.admin);
    const callerA = await profileOf(fx.users.callerA.id);
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ amount: "1.234", reason: "x" }, { amount: ["金额格式不对：请填写元，最多两位小数"] }],
      [{ amount: "abc", reason: "x" }, { amount: ["金额格式不对：请填写元，最多两位小数"] }],
      [{ amount: "-10", reason: "x" }, { amount: ["金额格式不对：请填写元，最多两位小数"] }],
      [{ amount: "10000.01", reason: "x" }, { amount: ["金额不能超过 10000 元"] }],
      [{ amount: "100", reason: "  " }, { reason: ["请填写加班补贴的事由"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      expect(await enterOvertime({ profileId: callerA.id, ...input })).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors,
      });
    }
    expect(await enterOvertime({ profileId: "nobody", amount: "1", reason: "x" })).toMatchObject({ code: "NOT_FOUND" });
    expect(await profileOf(fx.users.callerA.id)).toEqual(callerA);
    expect(await auditCount(fx, { action: "overtime.enter" })).toBe(0);
  });

  it("previews an xlsx, then applies it with the amounts before and after in one audit row", async () => {
    signInAs(fx.users.admin);
    const file = await xlsx([
      [fx.users.callerA.login, "甲组回访", 150.5, "周末值守咨询热线"],
      [fx.users.leaderB.login, "乙组组长", "80", "报到日现场引导"],
    ]);
    const preview = await previewOvertimeImport(form(file));
    expect(preview).toMatchObject({
      ok: true,
      data: {
        errors: [],
        changes: [
          { row: 2, login: fx.users.callerA.login, beforeFen: 0, afterFen: 15_050, reason: "周末值守咨询热线" },
          { row: 3, login: fx.users.leaderB.login, beforeFen: 0, afterFen: 8_000, reason: "报到日现场引导" },
        ],
      },
    });
    // a preview writes nothing
    expect((await profileOf(fx.users.callerA.id)).overtimeFen).toBe(0);
    expect(await auditCount(fx, { action: "overtime.preview" })).toBe(0);

    expect(await applyOvertimeImport(form(file))).toEqual({ ok: true, data: { imported: 2 } });
    expect(await profileOf(fx.users.callerA.id)).toMatchObject({
      overtimeFen: 15_050,
      overtimeReason: "周末值守咨询热线",
    });
    expect((await profileOf(fx.users.leaderB.id)).overtimeFen).toBe(8_000);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "overtime.import", actorId: fx.users.admin.id },
    });
    expect(audit.before).toEqual([
      { login: fx.users.callerA.login, overtimeFen: 0 },
      { login: fx.users.leaderB.login, overtimeFen: 0 },
    ]);
    expect(audit.after).toEqual([
      { login: fx.users.callerA.login, overtimeFen: 15_050, overtimeReason: "周末值守咨询热线" },
      { login: fx.users.leaderB.login, overtimeFen: 8_000, overtimeReason: "报到日现场引导" },
    ]);
  });

  it("names every bad row, and an apply with one bad row writes nothing", async () => {
    signInAs(fx.users.admin);
    const file = await xlsx([
      [fx.users.callerA.login, "甲组回访", 100, "周末值守"],
      ["nobody-here", "王五", 100, "值守"],
      [fx.users.callerB.login, "张冠李戴", 100, "值守"],
      [fx.users.leaderA.login, "甲组组长", "一百", "值守"],
      [fx.users.leaderB.login, "乙组组长", 50, ""],
    ]);
    const preview = await previewOvertimeImport(form(file));
    expect(preview).toMatchObject({
      ok: true,
      data: {
        changes: [{ row: 2, login: fx.users.callerA.login }],
        errors: [
          { row: 3, message: "工号/学号 nobody-here 不是本届回访人员" },
          { row: 4, message: `姓名与账号不符：${fx.users.callerB.login} 是 乙组回访` },
          { row: 5, message: "加班补贴“一百”不是正确的金额" },
          { row: 6, message: "缺少事由" },
        ],
      },
    });
    const applied = await applyOvertimeImport(form(file));
    expect(applied).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: {
        file: ["有 4 行出错，没有写入任何数据"],
        rows: [
          "第 3 行：工号/学号 nobody-here 不是本届回访人员",
          expect.any(String),
          expect.any(String),
          "第 6 行：缺少事由",
        ],
      },
    });
    expect((await profileOf(fx.users.callerA.id)).overtimeFen).toBe(0);
    expect(await auditCount(fx, { action: "overtime.import" })).toBe(0);
  });

  it("refuses a file that is not an overtime list", async () => {
    signInAs(fx.users.admin);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("x").addRow(["考生号", "姓名"]);
    const noHeader = new File([(await workbook.xlsx.writeBuffer()) as ArrayBuffer], "x.xlsx");
    expect(await previewOvertimeImport(form(noHeader))).toMatchObject({
      ok: false,
      fieldErrors: { file: ["没有找到表头：需要 工号/学号、姓名、加班补贴(元)、事由 四列"] },
    });
    expect(await previewOvertimeImport(form(new File(["a,b"], "x.csv")))).toMatchObject({
      ok: false,
      fieldErrors: { file: ["请选择 xlsx 文件"] },
    });
    expect(await previewOvertimeImport(form(await xlsx([])))).toMatchObject({
      ok: false,
      fieldErrors: { file: ["文件中没有数据行"] },
    });
    expect(await previewOvertimeImport(new FormData())).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });

  it("is refused to everyone but admins", async () => {
    const callerA = await profileOf(fx.users.callerA.id);
    const file = await xlsx([[fx.users.callerA.login, "甲组回访", 100, "值守"]]);
    for (const user of [fx.users.leaderA, fx.users.callerA, fx.users.inspector, fx.users.data, fx.users.strike]) {
      signInAs(user);
      expect(await enterOvertime({ profileId: callerA.id, amount: "100", reason: "值守" })).toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await applyOvertimeImport(form(file))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await profileOf(fx.users.callerA.id)).overtimeFen).toBe(0);
  });
});
