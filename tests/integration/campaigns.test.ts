// 新建回访工作计划 and the current campaign: from the plan's defaults or from an earlier campaign, the first
// one current, later ones current only when an admin says so.
import { beforeEach, describe, expect, it } from "vitest";
import { createNewCampaign, setCurrentCampaign } from "@/app/(app)/admin/campaigns/actions";
import { currentCampaign } from "@/lib/campaign/queries";
import { db } from "@/lib/db";
import { DEFAULT_INSPECTION_POLICY } from "@/lib/inspection/policy";
import { DEFAULT_POLICY } from "@/lib/subsidy";
import { createCampaign as createFixtureCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

const PHASES_2025 = [
  { phase: 1, opensAt: "2025-04-20T08:00", closesAt: "2025-05-10T22:00" },
  { phase: 2, opensAt: "2025-05-11T08:00", closesAt: "2025-06-10T22:00" },
  { phase: 3, opensAt: "2025-06-11T08:00", closesAt: "2025-07-31T22:00" },
  { phase: 4, opensAt: "2025-08-25T08:00", closesAt: "2025-09-15T22:00" },
];

const form = (overrides: Record<string, unknown> = {}) => ({
  name: "2025年单招录取回访",
  year: "2025",
  planSize: "1500",
  copyFrom: "",
  phases: PHASES_2025,
  ...overrides,
});

describe("creating campaigns and choosing the current one", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;

  beforeEach(async () => {
    await db().campaign.deleteMany();
    admin = await createUser(db(), { login: `admin${Date.now()}`, name: "张老师", roles: ["ADMIN"] });
    signInAs(admin);
  });

  // this test's rows: the audit log outlives the campaigns each test starts by deleting
  const auditRows = (action: string) =>
    db().auditLog.findMany({ where: { action, actorId: admin.id }, orderBy: { createdAt: "asc" } });

  it("makes the first campaign of an empty database current, with the plan's defaults and Beijing times", async () => {
    const result = await createNewCampaign(form());
    expect(result).toMatchObject({ ok: true, data: { name: "2025年单招录取回访", isCurrent: true, groupsCopied: 0 } });
    const current = await currentCampaign();
    expect(current).toMatchObject({
      name: "2025年单招录取回访",
      year: 2025,
      planSize: 1500,
      isCurrent: true,
      basicRatePermille: 930,
      targetRatePermille: 950,
    });
    expect(current?.subsidyPolicy).toEqual(DEFAULT_POLICY);
    expect(current?.inspectionPolicy).toEqual(DEFAULT_INSPECTION_POLICY);
    // 08:00 in Beijing is midnight UTC
    expect(current?.phaseWindows.map((w) => w.opensAt.toISOString())).toEqual([
      "2025-04-20T00:00:00.000Z",
      "2025-05-11T00:00:00.000Z",
      "2025-06-11T00:00:00.000Z",
      "2025-08-25T00:00:00.000Z",
    ]);
    const [audit] = await auditRows("campaign.create");
    expect(audit).toMatchObject({ actorId: admin.id, entityId: current?.id });
  });

  it("copies an earlier campaign's rates, policies and groups (not their leaders), and keeps the current one", async () => {
    const first = await createNewCampaign(form({ name: "2024年单招录取回访", year: "2024", phases: shift(-1) }));
    if (!first.ok) throw new Error("setup");
    const leader = await createUser(db(), { login: `leader${Date.now()}`, roles: ["GROUP_LEADER", "CALLER"] });
    await createGroup(db(), { campaignId: first.data.id, name: "第一组", region: "成都", leaderId: leader.id });
    await createGroup(db(), { campaignId: first.data.id, name: "第二组", region: "绵阳" });
    const tiers = { ...DEFAULT_POLICY, basicTaskPermille: 920 };
    await db().campaign.update({
      where: { id: first.data.id },
      data: { basicRatePermille: 920, subsidyPolicy: tiers, strikePolicy: { lostContactDays: 5 } },
    });

    const second = await createNewCampaign(form({ copyFrom: first.data.id, planSize: "1600" }));
    expect(second).toMatchObject({ ok: true, data: { isCurrent: false, groupsCopied: 2 } });
    if (!second.ok) throw new Error("unreachable");
    const copy = await db().campaign.findUniqueOrThrow({ where: { id: second.data.id }, include: { groups: true } });
    expect(copy).toMatchObject({
      planSize: 1600,
      basicRatePermille: 920,
      isCurrent: false,
      subsidyPolicy: tiers,
      strikePolicy: { lostContactDays: 5 },
    });
    expect(copy.groups.map((g) => [g.name, g.region, g.leaderId]).sort()).toEqual([
      ["第一组", "成都", null],
      ["第二组", "绵阳", null],
    ]);
    expect((await currentCampaign())?.id).toBe(first.data.id);
  });

  it("switches the current campaign when asked, once, and says nothing changed when it already is", async () => {
    const first = await createNewCampaign(form({ name: "2024年单招录取回访", year: "2024", phases: shift(-1) }));
    const second = await createNewCampaign(form());
    if (!first.ok || !second.ok) throw new Error("setup");
    expect(await setCurrentCampaign({ campaignId: second.data.id })).toMatchObject({ ok: true });
    expect((await currentCampaign())?.id).toBe(second.data.id);
    expect(await db().campaign.count({ where: { isCurrent: true } })).toBe(1);
    expect(await setCurrentCampaign({ campaignId: second.data.id })).toMatchObject({ ok: true });
    const audits = await auditRows("campaign.setCurrent");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      entityId: second.data.id,
      before: { current: first.data.id },
      after: { current: second.data.id },
    });
    expect(await setCurrentCampaign({ campaignId: "no-such-campaign" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("lets one of two admins switching at the same moment win, and never leaves two current", async () => {
    const a = await createNewCampaign(form({ name: "甲", year: "2024", phases: shift(-1) }));
    const b = await createNewCampaign(form({ name: "乙" }));
    const c = await createNewCampaign(form({ name: "丙" }));
    if (!a.ok || !b.ok || !c.ok) throw new Error("setup");
    const results = await Promise.all([
      setCurrentCampaign({ campaignId: b.data.id }),
      setCurrentCampaign({ campaignId: c.data.id }),
    ]);
    expect(results.some((r) => r.ok)).toBe(true);
    const current = await db().campaign.findMany({ where: { isCurrent: true }, select: { id: true } });
    expect(current).toHaveLength(1);
    expect([b.data.id, c.data.id]).toContain(current[0]?.id);
  });

  it("pins the campaign in use when none was marked, so creating another never switches the app", async () => {
    // campaigns made before the mark existed: the newest is the one in use
    const old = await createFixtureCampaign(db(), { now: new Date("2024-06-01T00:00:00Z"), name: "旧计划" });
    expect(old.isCurrent).toBe(false);
    expect((await currentCampaign())?.id).toBe(old.id);
    const made = await createNewCampaign(form({ year: "2026", phases: shift(1) }));
    expect(made).toMatchObject({ ok: true, data: { isCurrent: false } });
    expect((await currentCampaign())?.id).toBe(old.id);
  });

  it.each([
    [{ name: "  " }, "name", "请填写计划名称。"],
    [{ name: "名".repeat(41) }, "name", "计划名称最多 40 个字。"],
    [{ year: "1999" }, "year", "年度须是 2020–2100 之间的四位数字。"],
    [{ year: "二〇二五" }, "year", "年度须是 2020–2100 之间的四位数字。"],
    [{ planSize: "0" }, "planSize", "计划招生人数须是 1–100000 之间的整数。"],
    [{ planSize: "1,500" }, "planSize", "计划招生人数须是 1–100000 之间的整数。"],
    [{ copyFrom: "no-such-campaign" }, "copyFrom", "要沿用的计划已不存在，请重新选择。"],
    [
      { phases: PHASES_2025.map((p) => (p.phase === 2 ? { ...p, opensAt: "2025-05-01T08:00" } : p)) },
      "phases.2.opensAt",
      "开始时间不能早于上一阶段的结束时间。",
    ],
    [{ phases: PHASES_2025.map((p) => (p.phase === 4 ? { ...p, closesAt: "" } : p)) }, "phases.4.closesAt", "请填写。"],
  ])("refuses %o on %s in Chinese, and writes nothing", async (overrides, field, sentence) => {
    const result = await createNewCampaign(form(overrides));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toEqual([sentence]);
    expect(await db().campaign.count()).toBe(0);
    expect(await auditRows("campaign.create")).toHaveLength(0);
  });

  it("refuses a second campaign of the same name in the same year, and extra fields", async () => {
    expect((await createNewCampaign(form())).ok).toBe(true);
    expect(await createNewCampaign(form())).toMatchObject({
      ok: false,
      fieldErrors: { name: ["2025 年已有同名的计划。"] },
    });
    expect(await createNewCampaign({ ...form({ name: "另一个" }), isCurrent: true })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await db().campaign.count()).toBe(1);
  });
});

/** The 2025 phases moved by whole years. */
function shift(years: number) {
  const move = (at: string) => `${Number(at.slice(0, 4)) + years}${at.slice(4)}`;
  return PHASES_2025.map((p) => ({ phase: p.phase, opensAt: move(p.opensAt), closesAt: move(p.closesAt) }));
}
