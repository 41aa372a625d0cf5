import { beforeEach, describe, expect, it } from "vitest";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { db } from "@/lib/db";
import { loadCallerPayoutInput, loadPayoutInput, projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import { computePayouts } from "@/lib/subsidy";
import { auditCount, type CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, HAND_COMPUTED_TOTAL_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

describe("payouts from the database", () => {
  let fx: CallsFixture;
  let pendingId: string;

  beforeEach(async () => {
    const built = await buildPayoutFixture();
    fx = built.fx;
    pendingId = built.pending.id;
    signInAs(null);
  });

  it("reads each caller's figures and matches the hand-computed payout to the fen", async () => {
    const { input } = await loadPayoutInput(db(), fx.campaign.id);
    const callerA = input.callers.find((c) => c.callerId === fx.users.callerA.id);
    expect(callerA).toEqual({
      callerId: fx.users.callerA.id,
      groupId: fx.groupA.id,
      assigned: 20,
      admitted: 20,
      enrolled: 19,
      claimedEnrolled: 19,
      declined: 0,
      creditMovedAway: 0,
      creditHeldForOthers: 0,
      contacts: 80,
      minutes: 400,
      overtimeFen: 0,
      mistakenWithdrawal: false,
      fraudPercent: 0,
      slanderFindings: 0,
      registrationPoints: { registrations: 0, pointsEach: 1, points: 0, fenPerPoint: 0, fen: 0 },
    });
    expect(input.callers).toHaveLength(4);
    expect(input.groups).toHaveLength(2);

    const { result } = await projectPayouts(db(), fx.campaign.id);
    const paid = result.callers.find((c) => c.callerId === fx.users.callerA.id);
    expect(paid).toMatchObject({ ratePermille: 950, perStudentFen: 7000, subsidyFen: 133_000 });
    expect(result.groups.find((g) => g.groupId === fx.groupA.id)?.leaderBonusFen).toBe(150_000);
    expect(result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
  });

  it("applies an inspector's finding against the caller", async () => {
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
    const { input, policy, result } = await projectPayouts(db(), fx.campaign.id);
    expect(input.callers.find((c) => c.callerId === fx.users.callerA.id)?.fraudPercent).toBe(20);
    // 1,330.00 元 less 20% = 1,064.00 元
    expect(result.callers.find((c) => c.callerId === fx.users.callerA.id)?.subsidyFen).toBe(106_400);
    expect(result).toEqual(computePayouts(input, policy));
  });

  it("reads one caller's input exactly as it reads the whole campaign's, findings included", async () => {
    await db().finding.createMany({
      data: [
        { kind: "FRAUD" as const, deductionPercent: 20 },
        { kind: "MISTAKEN_WITHDRAWAL" as const, deductionPercent: null },
      ].map((finding) => ({
        ...finding,
        campaignId: fx.campaign.id,
        callerId: fx.users.callerA.id,
        inspectorId: fx.users.inspector.id,
        description: "督查记录",
      })),
    });
    const { input, policy } = await loadPayoutInput(db(), fx.campaign.id);
    for (const caller of input.callers) {
      expect(await loadCallerPayoutInput(db(), fx.campaign.id, caller.callerId)).toEqual({ input: caller, policy });
    }
    expect(input.callers.find((c) => c.callerId === fx.users.callerA.id)).toMatchObject({
      mistakenWithdrawal: true,
      fraudPercent: 20,
    });
    // in no group: no caller input
    expect(await loadCallerPayoutInput(db(), fx.campaign.id, fx.users.inspector.id)).toBeNull();
  });

  it("still shows a version signed before explanations were steps, as its lines were stored", async () => {
    const { input, policy, result } = await projectPayouts(db(), fx.campaign.id);
    const legacy = {
      ...result,
      callers: result.callers.map(({ steps: _steps, ...c }) => ({
        ...c,
        lines: [`另：担任小组 ${fx.groupA.id} 组长`],
      })),
      groups: result.groups.map(({ steps: _steps, ...g }) => ({ ...g, lines: ["小组报到率（合并计算）"] })),
    };
    await db().payoutRun.create({
      data: {
        campaignId: fx.campaign.id,
        version: 1,
        policy,
        inputs: { input, names: { people: {}, groups: { [fx.groupA.id]: "甲组" } } },
        result: legacy,
        totalFen: result.totalFen,
        signedOffById: fx.users.admin.id,
      },
    });
    const frozen = await frozenRun(db(), fx.campaign.id, 1);
    expect(frozen?.snapshot.frozen?.callers[fx.users.callerA.id]).toEqual(["另：担任小组 甲组 组长"]);
    expect(frozen?.snapshot.frozen?.groups[fx.groupA.id]).toEqual(["小组报到率（合并计算）"]);
  });

  it("freezes a signed-off version: later data changes the projection, never the signed amounts", async () => {
    signInAs(fx.users.admin);
    const first = await signOffPayouts({
      campaignId: fx.campaign.id,
      version: 1,
      expectedTotalFen: HAND_COMPUTED_TOTAL_FEN,
    });
    expect(first).toEqual({ ok: true, data: { version: 1 } });
    expect(await auditCount(fx, { action: "payout.signOff" })).toBe(1);

    // the last candidate enrols, as the 报到 list records it: 20 / 20 = 100%, 100 元 + 10 steps × 0.5 = 105.00 元,
    // 20 × 105 = 2,100.00 元
    await db().candidate.update({
      where: { id: pendingId },
      data: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
    });
    const projected = await projectPayouts(db(), fx.campaign.id);
    expect(projected.result.totalFen).toBe(210_000 + 150_000);

    const frozen = await frozenRun(db(), fx.campaign.id, 1);
    expect(frozen?.snapshot.result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
    expect(frozen?.snapshot.names.people[fx.users.callerA.id]).toBe("甲组回访");
    // the explanation is kept as the Chinese it read at sign-off, with the names of that moment
    expect(frozen?.snapshot.frozen?.callers[fx.users.callerA.id]).toContain("电话补贴 1,330.00 元");
    await db().user.update({ where: { id: fx.users.leaderA.id }, data: { name: "改过名的组长" } });
    const groupLines = (await frozenRun(db(), fx.campaign.id, 1))?.snapshot.frozen?.groups[fx.groupA.id] ?? [];
    expect(groupLines.at(-1)).toBe("组长 甲组组长 实得组长专项补贴 1,500.00 元");

    // signing the total the admin saw before the change is refused, and writes nothing
    const stale = await signOffPayouts({
      campaignId: fx.campaign.id,
      version: 2,
      expectedTotalFen: HAND_COMPUTED_TOTAL_FEN,
    });
    expect(stale).toMatchObject({ ok: false, code: "STALE" });
    expect(await db().payoutRun.count({ where: { campaignId: fx.campaign.id } })).toBe(1);

    const second = await signOffPayouts({ campaignId: fx.campaign.id, version: 2, expectedTotalFen: 360_000 });
    expect(second).toEqual({ ok: true, data: { version: 2 } });
    expect((await frozenRun(db(), fx.campaign.id, 1))?.snapshot.result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
  });

  it("keeps the statements' issuer as it was named at sign-off: a later change of the college's name is not theirs", async () => {
    signInAs(fx.users.admin);
    // no college set yet: the campaign's name issues version 1
    await signOffPayouts({ campaignId: fx.campaign.id, version: 1, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN });
    await db().college.create({ data: { name: "成都文理学院", shortName: "文理" } });
    await signOffPayouts({ campaignId: fx.campaign.id, version: 2, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN });
    await db().college.update({ where: { id: 1 }, data: { name: "四川文理职业学院" } });
    expect((await frozenRun(db(), fx.campaign.id, 1))?.issuer).toBe(fx.campaign.name);
    expect((await frozenRun(db(), fx.campaign.id, 2))?.issuer).toBe("成都文理学院");
  });

  it("lets one of six simultaneous sign-offs through and tells the other five it was signed by someone else", async () => {
    signInAs(fx.users.admin);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        signOffPayouts({ campaignId: fx.campaign.id, version: 1, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN }),
      ),
    );
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, data: { version: 1 } }]);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(5);
    for (const refusal of refused) {
      expect(refusal).toMatchObject({
        ok: false,
        code: "SIGNED_BY_OTHER",
        error: expect.stringContaining("已由他人签发"),
      });
    }
    const runs = await db().payoutRun.findMany({ where: { campaignId: fx.campaign.id } });
    expect(runs.map((r) => r.version)).toEqual([1]);
    expect(await auditCount(fx, { action: "payout.signOff" })).toBe(1);
  });

  it("refuses signing a version someone else has signed since the page was drawn, even with the same total", async () => {
    signInAs(fx.users.admin);
    const sign = () =>
      signOffPayouts({ campaignId: fx.campaign.id, version: 1, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN });
    expect(await sign()).toEqual({ ok: true, data: { version: 1 } });
    expect(await sign()).toMatchObject({ ok: false, code: "SIGNED_BY_OTHER" });
    expect(await db().payoutRun.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("refuses the callback lead, who may read payouts but not sign them", async () => {
    signInAs({ ...fx.users.leaderA, roles: ["CALLBACK_LEAD"] });
    const result = await signOffPayouts({
      campaignId: fx.campaign.id,
      version: 1,
      expectedTotalFen: HAND_COMPUTED_TOTAL_FEN,
    });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db().payoutRun.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });
});
