import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveWeeklyDraft, submitWeeklyReport } from "@/app/(app)/groups/[groupId]/weekly/actions";
import { db } from "@/lib/db";
import { toDateColumn, Week } from "@/lib/time";
import { buildDraft } from "@/lib/weekly/draft";
import { weekFigures } from "@/lib/weekly/queries";
import { campaignDays, type DayRange } from "@/lib/workflow";
import { signInAs } from "../support/session";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

const DAY_MS = 86_400_000;

describe("weekly summaries (每周学生动态)", () => {
  let fx: DashboardFixture;
  let week: string;

  beforeAll(async () => {
    fx = await buildDashboardFixture();
    week = Week.of(fx.now);
  });
  beforeEach(() => signInAs(null));

  const reports = () => db().weeklyReport.findMany({ where: { campaignId: fx.campaign.id } });
  const audits = (action: string) =>
    db().auditLog.count({ where: { action, actorId: { in: Object.values(fx.users).map((u) => u.id) } } });

  it("drafts the week from its data: hesitant, unreachable, escalations, laggards", async () => {
    const figures = await weekFigures(db(), fx.campaign.id, fx.groupA.id, Week.of(fx.now));
    expect(figures).toMatchObject({
      weekStart: week,
      contacts: 3,
      minutes: 5,
      admitted: 5,
      enrolled: 4,
      // 甲六 agreed to withdraw, and the data team has not approved it: not a withdrawal yet
      newWithdrawals: [],
      hesitant: [{ name: "甲三", caller: "甲回访" }],
      willNotCome: [],
      notEnrolled: [],
      unreachable: [{ name: "甲五", caller: "甲回访" }],
      escalationsOpened: 1,
      escalationsClosed: 0,
      standard: { contacts: 4, minutes: 20 },
      laggards: [{ name: "甲回访", assigned: 4, contacts: 5, minutes: 35 }],
    });
    const body = buildDraft("甲组", Week.of(fx.now), figures);
    expect(body).toContain("二、新增退档（0 人）\n（无）");
    expect(body).toContain("六、无法联系（1 人）\n- 甲五（");
    expect(body).toContain("- 甲回访：负责 4 人，每生 1.3 次、8.8 分钟");
  });

  it("lets the leader save a draft, edit it, then submit it with the week's figures", async () => {
    signInAs(fx.users.leaderA);
    const draft = await saveWeeklyDraft({ groupId: fx.groupA.id, weekStart: week, body: "  初稿  " });
    expect(draft).toMatchObject({ ok: true, data: { status: "DRAFT", submittedAt: null } });
    const submitted = await submitWeeklyReport({
      groupId: fx.groupA.id,
      weekStart: week,
      body: "本周甲五关机两次，已上报。",
    });
    expect(submitted).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    const [row] = await reports();
    expect(row).toMatchObject({
      groupId: fx.groupA.id,
      body: "本周甲五关机两次，已上报。",
      status: "SUBMITTED",
      submittedById: fx.users.leaderA.id,
    });
    expect(row?.figures).toMatchObject({ weekStart: week, contacts: 3, escalationsOpened: 1 });
    expect(await audits("weeklyReport.save")).toBe(1);
    expect(await audits("weeklyReport.submit")).toBe(1);
  });

  it("refuses to change a submitted summary, and changes nothing", async () => {
    signInAs(fx.users.leaderA);
    const before = await reports();
    for (const run of [saveWeeklyDraft, submitWeeklyReport]) {
      const result = await run({ groupId: fx.groupA.id, weekStart: week, body: "改一下" });
      expect(result).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { body: ["这一周的动态已经提交给回访组组长，不能再修改。"] },
      });
    }
    expect(await reports()).toEqual(before);
  });

  const SUBMITTED_REFUSAL = {
    ok: false,
    code: "INVALID_INPUT",
    fieldErrors: { body: ["这一周的动态已经提交给回访组组长，不能再修改。"] },
  };

  /** Waits until `count` statements of this test file's database wait on a lock. */
  async function waitingOnLocks(count: number) {
    for (let i = 0; i < 200; i++) {
      const [row] = await db().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (Number(row?.n) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`fewer than ${count} statements waiting on a lock`);
  }

  it("keeps a summary submitted when a draft save made from the same page lands after the submit", async () => {
    signInAs(fx.users.leaderA);
    const lastWeek = Week.shift(week, -1);
    expect(await saveWeeklyDraft({ groupId: fx.groupA.id, weekStart: lastWeek, body: "初稿" })).toMatchObject({
      ok: true,
    });
    const row = await db().weeklyReport.findFirstOrThrow({ where: { groupId: fx.groupA.id, status: "DRAFT" } });
    // Another transaction holds the row, so the submit and then the draft save both read it as a draft
    // and queue on it, the submit first; let go, the draft save lands after the submit.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "WeeklyReport" WHERE id = ${row.id} FOR UPDATE`;
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    const submitted = submitWeeklyReport({ groupId: fx.groupA.id, weekStart: lastWeek, body: "定稿" });
    await waitingOnLocks(1);
    const draft = saveWeeklyDraft({ groupId: fx.groupA.id, weekStart: lastWeek, body: "旧页面的草稿" });
    await waitingOnLocks(2);
    release();
    await holder;
    expect(await submitted).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    expect(await draft).toMatchObject(SUBMITTED_REFUSAL);
    expect(await db().weeklyReport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SUBMITTED",
      body: "定稿",
    });
  });

  it("keeps a first summary submitted when a draft save races the submit", async () => {
    signInAs(fx.users.leaderA);
    const weekStart = Week.shift(week, -2);
    const [submitted, draft] = await Promise.all([
      submitWeeklyReport({ groupId: fx.groupA.id, weekStart, body: "定稿" }),
      saveWeeklyDraft({ groupId: fx.groupA.id, weekStart, body: "草稿" }),
    ]);
    expect(submitted).toMatchObject({ ok: true, data: { status: "SUBMITTED" } });
    // the draft either came first (and the submit replaced it) or was refused
    if (!draft.ok) expect(draft).toMatchObject(SUBMITTED_REFUSAL);
    const rows = await db().weeklyReport.findMany({
      where: { groupId: fx.groupA.id, weekStart: toDateColumn(weekStart) },
    });
    expect(rows.map((r) => [r.status, r.body])).toEqual([["SUBMITTED", "定稿"]]);
  });

  it("cannot be submitted for another group: not found, nothing written", async () => {
    signInAs(fx.users.leaderA);
    const before = await audits("weeklyReport.submit");
    const result = await submitWeeklyReport({ groupId: fx.groupB.id, weekStart: week, body: "替乙组提交" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().weeklyReport.count({ where: { groupId: fx.groupB.id } })).toBe(0);
    expect(await audits("weeklyReport.submit")).toBe(before);
  });

  it.each([
    ["the callback lead", "lead"],
    ["a caller", "callerA"],
    ["an admin", "admin"],
  ] as const)("is refused to %s (only group leaders submit)", async (_who, key) => {
    signInAs(fx.users[key]);
    const result = await submitWeeklyReport({ groupId: fx.groupB.id, weekStart: week, body: "动态" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db().weeklyReport.count({ where: { groupId: fx.groupB.id } })).toBe(0);
  });

  it.each([
    ["an empty body", { body: "   " }, "body", "动态内容不能为空。"],
    ["a day that is not a Monday", { weekStart: "2024-07-16" }, "weekStart", "请选择一周（以周一开始）。"],
    ["a week not started yet", { weekStart: "2099-01-05" }, "weekStart", "这一周还没有开始，不能填写动态。"],
    ["a malformed week", { weekStart: "下周" }, "weekStart", "请选择一周（以周一开始）。"],
  ])("refuses %s with a Chinese message", async (_what, patch, field, message) => {
    signInAs(fx.users.leaderB);
    const result = await saveWeeklyDraft({ groupId: fx.groupB.id, weekStart: week, body: "动态", ...patch });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    expect(await db().weeklyReport.count({ where: { groupId: fx.groupB.id } })).toBe(0);
  });

  it("refuses a week outside the campaign's phases (the week of 1900-01-01), naming the range", async () => {
    const windows = await db().phaseWindow.findMany({ where: { campaignId: fx.campaign.id } });
    const { first, last } = campaignDays(windows) as DayRange;
    signInAs(fx.users.leaderB);
    const before = await audits("weeklyReport.save");
    for (const weekStart of ["1900-01-01", Week.of(new Date(Date.parse(`${first}T12:00:00+08:00`) - 7 * DAY_MS))]) {
      const result = await saveWeeklyDraft({ groupId: fx.groupB.id, weekStart, body: "动态" });
      expect(result, weekStart).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { weekStart: [`所选的一周须在 ${first} 至 ${last} 之间。`] },
      });
    }
    expect(await db().weeklyReport.count({ where: { groupId: fx.groupB.id } })).toBe(0);
    expect(await audits("weeklyReport.save")).toBe(before);
  });

  it("refuses extra posted fields", async () => {
    signInAs(fx.users.leaderB);
    const result = await submitWeeklyReport({
      groupId: fx.groupB.id,
      weekStart: week,
      body: "动态",
      status: "SUBMITTED",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });
});
