import { beforeEach, describe, expect, it } from "vitest";
import { savePhaseWindows, saveSettingsSection } from "@/app/(app)/admin/settings/actions";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { db } from "@/lib/db";
import { projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import { type SectionForm, type SectionId, sectionForm, settingsOf } from "@/lib/settings/sections";
import { beijingDateTime } from "@/lib/time";
import { auditCount, type CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, CALLER_A_FEN, HAND_COMPUTED_TOTAL_FEN, LEADER_A_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

// The payouts test's hand-computed campaign (tests/support/payout-fixture.ts): 1,330 元 for caller A,
// 1,500 元 for leader A.
const TOTAL_FEN = HAND_COMPUTED_TOTAL_FEN;

async function buildFixture() {
  return (await buildPayoutFixture()).fx;
}

async function campaignRow(fx: CallsFixture) {
  return db().campaign.findUniqueOrThrow({ where: { id: fx.campaign.id }, include: { phaseWindows: true } });
}

/** The section's form as the page would show it now, with the version the page would carry. */
async function formOf(fx: CallsFixture, section: SectionId): Promise<{ version: string; form: SectionForm }> {
  const row = await campaignRow(fx);
  return { version: row.updatedAt.toISOString(), form: sectionForm(settingsOf(row), section) };
}

async function projected(fx: CallsFixture) {
  const { result } = await projectPayouts(db(), fx.campaign.id);
  return {
    callerA: result.callers.find((c) => c.callerId === fx.users.callerA.id)?.subsidyFen,
    leaderA: result.groups.find((g) => g.groupId === fx.groupA.id)?.leaderBonusFen,
    total: result.totalFen,
  };
}

describe("the admin's campaign settings", () => {
  let fx: CallsFixture;

  beforeEach(async () => {
    fx = await buildFixture();
    signInAs(fx.users.admin);
  });

  it("saves one tier's amount in 元: the projection moves and one audit row holds before and after", async () => {
    expect(await projected(fx)).toEqual({ callerA: CALLER_A_FEN, leaderA: LEADER_A_FEN, total: TOTAL_FEN });
    const { version, form } = await formOf(fx, "subsidy");
    const tiers = form.tiers?.map((t) => (t.bound === "94" ? { ...t, yuan: "75.5" } : t));
    const result = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version,
      section: "subsidy",
      ...form,
      tiers,
    });
    expect(result).toMatchObject({ ok: true });
    const row = await campaignRow(fx);
    if (result.ok) expect(result.data.version).toBe(row.updatedAt.toISOString());
    expect(settingsOf(row).subsidy.tiers[5]).toEqual({
      lowerBoundPermille: 940,
      inclusive: false,
      fenPerStudent: 7550,
    });
    // (75.50 + 10 × 0.50) × 19 = 1,529.50 元
    expect(await projected(fx)).toMatchObject({ callerA: 152_950, total: 152_950 + LEADER_A_FEN });
    const audits = await db().auditLog.findMany({ where: { action: "campaign.configure", entityId: fx.campaign.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: fx.users.admin.id,
      entityType: "Campaign",
      before: {
        section: "subsidy",
        subsidyPolicy: {
          tiers: expect.arrayContaining([{ lowerBoundPermille: 940, inclusive: false, fenPerStudent: 6500 }]),
        },
      },
      after: {
        section: "subsidy",
        subsidyPolicy: {
          tiers: expect.arrayContaining([{ lowerBoundPermille: 940, inclusive: false, fenPerStudent: 7550 }]),
        },
      },
    });
  });

  it("raises the workload standard: caller A falls below it, in the payout and in the callers' standard", async () => {
    const { version, form } = await formOf(fx, "subsidy");
    const values = { ...form.values, "workload.contactsPerAssigned": "5" };
    expect(
      await saveSettingsSection({ campaignId: fx.campaign.id, version, section: "subsidy", ...form, values }),
    ).toMatchObject({
      ok: true,
    });
    // 80 contacts < 5 × 20: no step bonus, 65 − 5 = 60 元 × 19 = 1,140 元
    expect(await projected(fx)).toMatchObject({ callerA: 114_000 });
    const row = await campaignRow(fx);
    expect(settingsOf(row).workflow).toMatchObject({ contactsPerCandidate: 5, minutesPerCandidate: 20 });
  });

  it("raises the target task: the leader bonus drops to the basic task's, and the dashboards' columns follow", async () => {
    const { version, form } = await formOf(fx, "campaign");
    const values = { ...form.values, targetRatePermille: "96", retentionDays: "400" };
    expect(
      await saveSettingsSection({ campaignId: fx.campaign.id, version, section: "campaign", values }),
    ).toMatchObject({ ok: true });
    expect(await projected(fx)).toMatchObject({ leaderA: 100_000 });
    const row = await campaignRow(fx);
    expect(row).toMatchObject({ targetRatePermille: 960, retentionDays: 400 });
    expect(settingsOf(row).subsidy.targetTaskPermille).toBe(960);
  });

  it("saves the workflow, inspection and strike sections, each from the version the previous save returned", async () => {
    let { version } = await formOf(fx, "workflow");
    const edits: [SectionId, Record<string, string>][] = [
      ["workflow", { editWindowHours: "48", unreachableAttempts: "4" }],
      ["inspection", { sampleSharePermille: "7.5", rateOutlierFactor: "2.5", dayEndHour: "21" }],
      ["strike", { lostContactDays: "5" }],
    ];
    for (const [section, changes] of edits) {
      const { form } = await formOf(fx, section);
      const result = await saveSettingsSection({
        campaignId: fx.campaign.id,
        version,
        section,
        values: { ...form.values, ...changes },
      });
      if (!result.ok) throw new Error(JSON.stringify(result));
      version = result.data.version;
    }
    const settings = settingsOf(await campaignRow(fx));
    expect(settings.workflow).toMatchObject({ editWindowHours: 48, unreachableAttempts: 4, contactsPerCandidate: 4 });
    expect(settings.inspection).toMatchObject({ sampleSharePermille: 75, rateOutlierFactor: 2.5, dayEndHour: 21 });
    expect(settings.strike).toEqual({ lostContactDays: 5 });
    expect(await auditCount(fx, { action: "campaign.configure" })).toBe(3);
  });

  it("moves the phase windows, in order, and refuses overlapping ones", async () => {
    const row = await campaignRow(fx);
    const version = row.updatedAt.toISOString();
    const year = row.year;
    const phases = [1, 2, 3, 4].map((phase) => ({
      phase,
      opensAt: beijingDateTime(new Date(Date.UTC(year, 5, phase * 10))),
      closesAt: beijingDateTime(new Date(Date.UTC(year, 5, phase * 10 + 10))),
    }));
    const overlapping = phases.map((p) => (p.phase === 2 ? { ...p, opensAt: `${year}-06-15T08:00` } : p));
    const refused = await savePhaseWindows({ campaignId: fx.campaign.id, version, phases: overlapping });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { "phases.2.opensAt": ["开始时间不能早于上一阶段的结束时间。"] },
    });
    expect((await campaignRow(fx)).updatedAt).toEqual(row.updatedAt);

    expect(await savePhaseWindows({ campaignId: fx.campaign.id, version, phases })).toMatchObject({ ok: true });
    const windows = (await campaignRow(fx)).phaseWindows.sort((a, b) => a.phase - b.phase);
    expect(windows.map((w) => w.opensAt.toISOString())).toEqual(
      [1, 2, 3, 4].map((p) => new Date(Date.UTC(year, 5, p * 10)).toISOString()),
    );
    expect(await auditCount(fx, { action: "campaign.configurePhases" })).toBe(1);
  });

  it("refuses phase windows outside the campaign's year and the next (a close in 9999), naming the range", async () => {
    const row = await campaignRow(fx);
    const year = row.year;
    const phases = [1, 2, 3, 4].map((phase) => ({
      phase,
      opensAt: beijingDateTime(new Date(Date.UTC(year, 5, phase * 10))),
      closesAt: beijingDateTime(new Date(Date.UTC(year, 5, phase * 10 + 10))),
    }));
    const range = `阶段时间须在 ${year}-01-01 至 ${year + 1}-12-31 之间。`;
    for (const [field, patched] of [
      ["phases.4.closesAt", phases.map((p) => (p.phase === 4 ? { ...p, closesAt: "9999-12-31T00:00" } : p))],
      ["phases.1.opensAt", phases.map((p) => (p.phase === 1 ? { ...p, opensAt: `${year - 1}-12-31T23:59` } : p))],
      ["phases.4.closesAt", phases.map((p) => (p.phase === 4 ? { ...p, closesAt: `${year + 2}-01-01T00:01` } : p))],
    ] as const) {
      const refused = await savePhaseWindows({
        campaignId: fx.campaign.id,
        version: row.updatedAt.toISOString(),
        phases: patched,
      });
      expect(refused, JSON.stringify(patched)).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { [field]: [range] },
      });
    }
    expect(await campaignRow(fx)).toEqual(row);
    expect(await auditCount(fx, { action: "campaign.configurePhases" })).toBe(0);
    // the last moment of 31 December of the next year is still inside
    const lastDay = phases.map((p) => (p.phase === 4 ? { ...p, closesAt: `${year + 2}-01-01T00:00` } : p));
    expect(
      await savePhaseWindows({ campaignId: fx.campaign.id, version: row.updatedAt.toISOString(), phases: lastDay }),
    ).toMatchObject({ ok: true });
  });

  it("refuses bad values with a Chinese message per field, and changes nothing", async () => {
    const before = await campaignRow(fx);
    const { version, form } = await formOf(fx, "subsidy");
    const values = {
      ...form.values,
      "leaderBonus.atBasicFen": "一千",
      "fraud.minPercent": "0",
      "step.fenPerStep": "0.555",
    };
    const result = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version,
      section: "subsidy",
      ...form,
      values,
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: {
        "leaderBonus.atBasicFen": ["请填写数字。"],
        "fraud.minPercent": ["不能小于 1。"],
        "step.fenPerStep": ["小数位数过多（金额最多两位小数，比例最多一位）。"],
      },
    });
    const campaign = await formOf(fx, "campaign");
    const crossed = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version,
      section: "campaign",
      values: { ...campaign.form.values, basicRatePermille: "96" },
    });
    expect(crossed).toMatchObject({ ok: false, fieldErrors: { targetRatePermille: ["目标任务不能低于基本任务"] } });
    const extra = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version,
      section: "strike",
      values: { lostContactDays: "3" },
      subsidyPolicy: {},
    });
    expect(extra).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await campaignRow(fx)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses everyone but the admin, and writes nothing", async () => {
    const before = await campaignRow(fx);
    const { version, form } = await formOf(fx, "strike");
    for (const user of [fx.users.data, fx.users.leaderA, fx.users.callerA, fx.users.inspector]) {
      signInAs(user);
      const values = { lostContactDays: "9" };
      expect(
        await saveSettingsSection({ campaignId: fx.campaign.id, version, section: "strike", values }),
      ).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect(form.values.lostContactDays).toBe("3");
    }
    signInAs(null);
    expect(
      await saveSettingsSection({ campaignId: fx.campaign.id, version, section: "strike", values: {} }),
    ).toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await campaignRow(fx)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses the second of two admins editing from the same version (STALE), keeping the first's change", async () => {
    const { version, form } = await formOf(fx, "strike");
    const first = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version,
      section: "strike",
      values: { lostContactDays: "5" },
    });
    expect(first).toMatchObject({ ok: true });
    const inspection = await formOf(fx, "inspection");
    const second = await saveSettingsSection({
      campaignId: fx.campaign.id,
      version,
      section: "inspection",
      values: { ...inspection.form.values, sampleMinPerCaller: "3" },
    });
    expect(second).toMatchObject({ ok: false, code: "STALE", error: "该记录刚被别人修改过，请刷新后再操作。" });
    expect(form.values.lostContactDays).toBe("3");
    const settings = settingsOf(await campaignRow(fx));
    expect(settings.strike.lostContactDays).toBe(5);
    expect(settings.inspection.sampleMinPerCaller).toBe(2);

    // both at once from the same version: exactly one wins
    const now = await formOf(fx, "strike");
    const racing = await Promise.all(
      ["6", "7"].map((days) =>
        saveSettingsSection({
          campaignId: fx.campaign.id,
          version: now.version,
          section: "strike",
          values: { lostContactDays: days },
        }),
      ),
    );
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.filter((r) => !r.ok)).toMatchObject([{ code: "STALE" }]);
    expect(await auditCount(fx, { action: "campaign.configure" })).toBe(2);
  });

  it("never changes a signed-off payout run, only the projection", async () => {
    expect(await signOffPayouts({ campaignId: fx.campaign.id, version: 1, expectedTotalFen: TOTAL_FEN })).toMatchObject(
      {
        ok: true,
      },
    );
    const runBefore = await db().payoutRun.findFirstOrThrow({ where: { campaignId: fx.campaign.id, version: 1 } });
    const { version, form } = await formOf(fx, "subsidy");
    const tiers = form.tiers?.map((t) => ({ ...t, yuan: String(Number(t.yuan) + 10) }));
    const values = { ...form.values, "leaderBonus.atTargetFen": "2000" };
    expect(
      await saveSettingsSection({ campaignId: fx.campaign.id, version, section: "subsidy", ...form, values, tiers }),
    ).toMatchObject({
      ok: true,
    });
    // 75 + 5 元 steps = 80 元 × 19 = 1,520 元; leader 2,000 元
    expect(await projected(fx)).toEqual({ callerA: 152_000, leaderA: 200_000, total: 352_000 });
    const runAfter = await db().payoutRun.findFirstOrThrow({ where: { campaignId: fx.campaign.id, version: 1 } });
    expect(runAfter).toEqual(runBefore);
    expect((await frozenRun(db(), fx.campaign.id, 1))?.snapshot.result.totalFen).toBe(TOTAL_FEN);
  });
});
