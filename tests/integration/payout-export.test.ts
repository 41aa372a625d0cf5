// The finance export of a signed-off payout run (GET /payouts/<version>/export): one row per person and a
// totals row, every amount the frozen run's to the fen (not today's projection), audited once per
// download; an unknown version and a role without payouts.view get 404 and write nothing.
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/(app)/payouts/[version]/export/route";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { db } from "@/lib/db";
import { projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import type { CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, HAND_COMPUTED_TOTAL_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

const cookie = vi.hoisted(() => ({ locale: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "NEXT_LOCALE" && cookie.locale ? { value: cookie.locale } : undefined),
  }),
}));

const get = (version: string) =>
  GET(new Request(`http://localhost/payouts/${version}/export`), { params: Promise.resolve({ version }) });

async function sheetOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

const fen = (cell: unknown) => Math.round((cell as number) * 100);

describe("the finance export of a signed-off run", () => {
  let fx: CallsFixture;
  let runId: string;
  const exports = () => db().auditLog.count({ where: { action: "export.payoutRun" } });

  beforeAll(async () => {
    fx = (await buildPayoutFixture()).fx;
    // a 20% fraud finding on caller A: 1,330.00 元 less 266.00 = 1,064.00 元
    await db().finding.create({
      data: {
        campaignId: fx.campaign.id,
        callerId: fx.users.callerA.id,
        inspectorId: fx.users.inspector.id,
        kind: "FRAUD",
        deductionPercent: 20,
        description: "虚构联系记录",
      },
    });
    signInAs(fx.users.admin);
    const signed = await signOffPayouts({
      campaignId: fx.campaign.id,
      version: 1,
      expectedTotalFen: HAND_COMPUTED_TOTAL_FEN - 26_600,
    });
    expect(signed).toEqual({ ok: true, data: { version: 1 } });
    runId = (await db().payoutRun.findFirstOrThrow({ where: { campaignId: fx.campaign.id, version: 1 } })).id;
    // after the sign-off the finding is withdrawn: the projection moves, the signed run does not
    await db().finding.deleteMany({ where: { campaignId: fx.campaign.id } });
    expect((await projectPayouts(db(), fx.campaign.id)).result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
  });
  beforeEach(() => {
    cookie.locale = undefined;
    signInAs(fx.users.admin);
  });

  it("gives one row per person with the frozen run's figures to the fen, a totals row, and one audit row", async () => {
    const before = await exports();
    const response = await get("1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("补贴发放-第1版.xlsx"));
    const { sheet, rows } = await sheetOf(response);
    expect(rows[0]).toEqual([
      "姓名",
      "工号/账号",
      "小组",
      "录取",
      "报到",
      "报到率",
      "电话补贴（元）",
      "加班补贴（元）",
      "生源报备积分（元）",
      "组长专项补贴（元）",
      "扣减（元，已从各项扣除）",
      "合计（元）",
      "说明",
    ]);

    const run = await frozenRun(db(), fx.campaign.id, 1);
    if (!run) throw new Error("run");
    const people = rows.slice(1, -1);
    // the fixture's four callers; the two leaders are among them
    expect(people).toHaveLength(4);
    const byName = new Map(people.map((row) => [row[0], row]));
    const callerA = byName.get("甲组回访");
    expect(callerA?.slice(0, 6)).toEqual(["甲组回访", fx.users.callerA.login, "甲组", 20, 19, 0.95]);
    // amounts are numbers shown with two decimals, the frozen ones: 1,064.00 元 after the 20% (266.00 off)
    expect(callerA?.slice(6, 12)).toEqual([1064, 0, 0, 0, 266, 1064]);
    expect(sheet.getRow(rows.indexOf(callerA as unknown[]) + 1).getCell(7).numFmt).toBe("0.00");
    expect(String(callerA?.[12])).toContain("玩忽职守/弄虚作假：电话补贴扣除 20%");
    expect(String(callerA?.[12]).split("\n")).toEqual(run.snapshot.frozen.callers[fx.users.callerA.id]);

    const leaderA = byName.get("甲组组长");
    expect(leaderA?.[9]).toBe(1500);
    expect(String(leaderA?.[12]).split("\n").at(-1)).toBe("组长 甲组组长 实得组长专项补贴 1,500.00 元");

    // each person's figures are the run's own
    for (const caller of run.snapshot.result.callers) {
      const row = byName.get(run.snapshot.names.people[caller.callerId]);
      expect(fen(row?.[6]), caller.callerId).toBe(caller.subsidyFen);
      expect(fen(row?.[7]), caller.callerId).toBe(caller.overtimeFen);
    }
    const totals = rows.at(-1) ?? [];
    expect(totals[0]).toBe("合计（4 人）");
    expect(totals.slice(3, 5)).toEqual([21, 19]);
    expect(fen(totals[6])).toBe(106_400);
    expect(fen(totals[8])).toBe(0);
    expect(fen(totals[9])).toBe(150_000);
    expect(fen(totals[10])).toBe(26_600);
    expect(fen(totals[11])).toBe(run.totalFen);
    expect(fen(totals[11])).toBe(HAND_COMPUTED_TOTAL_FEN - 26_600);
    expect(people.reduce((sum, row) => sum + fen(row[11]), 0)).toBe(run.totalFen);

    expect(await exports()).toBe(before + 1);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "export.payoutRun" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ actorId: fx.users.admin.id, entityType: "PayoutRun", entityId: runId });
  });

  it("writes the headers in the reader's language and keeps the frozen lines in Chinese", async () => {
    cookie.locale = "en";
    const response = await get("1");
    expect(response.status).toBe(200);
    const { rows } = await sheetOf(response);
    expect(rows[0]?.slice(0, 3)).toEqual(["Name", "Login", "Group"]);
    expect(rows.at(-1)?.[0]).toBe("Total (4 people)");
    expect(rows.map((row) => String(row[12] ?? "")).join("\n")).toContain("电话补贴 1,064.00 元");
  });

  it("opens to the callback lead and the inspectors, who may read payouts", async () => {
    for (const roles of [["CALLBACK_LEAD"], ["INSPECTOR"]] as const) {
      signInAs({ ...fx.users.leaderB, roles: [...roles] });
      expect((await get("1")).status, roles[0]).toBe(200);
    }
  });

  it.each([
    ["a version never signed", "2"],
    ["a version that is not a number", "abc"],
    ["a version zero", "0"],
  ])("answers %s with 404 and writes nothing", async (_, version) => {
    const before = await db().auditLog.count();
    const response = await get(version);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditLog.count()).toBe(before);
  });

  it.each([
    ["a caller", () => fx.users.callerA],
    ["a group leader", () => fx.users.leaderA],
    ["the data team", () => fx.users.data],
    ["the strike team", () => fx.users.strike],
  ])("refuses %s (no payouts.view) with 404, writing nothing", async (_, who) => {
    signInAs(who());
    const before = await db().auditLog.count();
    const response = await get("1");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().auditLog.count()).toBe(before);
  });

  it("refuses without a session", async () => {
    signInAs(null);
    const response = await get("1");
    expect(response.status).toBe(401);
  });
});
