import { beforeEach, describe, expect, it } from "vitest";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { db } from "@/lib/db";
import { loadPayoutInput, projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import { computePayouts } from "@/lib/subsidy";
import { createCandidate } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// A campaign small enough to pay by hand (DOMAIN.md, "Money"):
// - caller A has 20 admitted candidates, 19 enrolled (95.0%), 80 contacts of 5 minutes = 400 minutes,
//   exactly the minimum workload for 20 assigned (4 × 20 contacts, 20 × 20 minutes);
//   tier 94% < r ≤ 95% pays 65 元, plus 10 full steps above 94.0% × 0.5 元 = 70.00 元 per student;
//   19 × 70.00 = 1,330.00 元;
// - leader A has no candidate: no rate, nothing;
// - caller B has 1 admitted, 0 enrolled: 0%, below 92%, nothing;
// - group A pools 19 / 20 = 95.0% ≥ 95%: leader bonus 1,500.00 元; group B 0 / 1: nothing.
// Total 1,330.00 + 1,500.00 = 2,830.00 元.
const HAND_COMPUTED_TOTAL_FEN = 283_000;

async function buildPayoutFixture() {
  const fx = await buildCallsFixture({ openPhase: 4 });
  const prisma = db();
  await prisma.candidate.update({ where: { id: fx.candidateA.id }, data: { enrollment: "ENROLLED" } });
  const more: Awaited<ReturnType<typeof createCandidate>>[] = [];
  for (let i = 0; i < 19; i++) {
    more.push(
      await createCandidate(prisma, {
        campaignId: fx.campaign.id,
        groupId: fx.groupA.id,
        assignedCallerId: fx.users.callerA.id,
        region: "成都",
        admitted: true,
        enrollment: i < 18 ? "ENROLLED" : "PENDING",
      }),
    );
  }
  await prisma.contactLog.createMany({
    data: Array.from({ length: 80 }, (_, i) => ({
      campaignId: fx.campaign.id,
      candidateId: (more[i % more.length] ?? fx.candidateA).id,
      callerId: fx.users.callerA.id,
      phase: 4,
      channel: "PHONE" as const,
      startedAt: new Date(fx.now.getTime() - (i + 1) * 60_000),
      durationSeconds: 300,
      outcome: "REACHED",
      idempotencyKey: `${fx.tag}-${i}`,
    })),
  });
  const pending = more[18];
  if (!pending) throw new Error("fixture");
  return { fx, pending };
}

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
      contacts: 80,
      minutes: 400,
      overtimeFen: 0,
      mistakenWithdrawal: false,
      fraudPercent: 0,
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

  it("freezes a signed-off version: later data changes the projection, never the signed amounts", async () => {
    signInAs(fx.users.admin);
    const first = await signOffPayouts({ campaignId: fx.campaign.id, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN });
    expect(first).toEqual({ ok: true, data: { version: 1 } });
    expect(await auditCount(fx, { action: "payout.signOff" })).toBe(1);

    // the last candidate enrols: 20 / 20 = 100%, 100 元 + 10 steps × 0.5 = 105.00 元, 20 × 105 = 2,100.00 元
    await db().candidate.update({ where: { id: pendingId }, data: { enrollment: "ENROLLED" } });
    const projected = await projectPayouts(db(), fx.campaign.id);
    expect(projected.result.totalFen).toBe(210_000 + 150_000);

    const frozen = await frozenRun(db(), fx.campaign.id, 1);
    expect(frozen?.snapshot.result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
    expect(frozen?.snapshot.names.people[fx.users.callerA.id]).toBe("甲组回访");

    // signing the total the admin saw before the change is refused, and writes nothing
    const stale = await signOffPayouts({ campaignId: fx.campaign.id, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN });
    expect(stale).toMatchObject({ ok: false, code: "STALE" });
    expect(await db().payoutRun.count({ where: { campaignId: fx.campaign.id } })).toBe(1);

    const second = await signOffPayouts({ campaignId: fx.campaign.id, expectedTotalFen: 360_000 });
    expect(second).toEqual({ ok: true, data: { version: 2 } });
    expect((await frozenRun(db(), fx.campaign.id, 1))?.snapshot.result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
  });

  it("gives two sign-offs at once distinct versions, never two rows of one version", async () => {
    signInAs(fx.users.admin);
    const results = await Promise.all(
      [1, 2].map(() => signOffPayouts({ campaignId: fx.campaign.id, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN })),
    );
    const runs = await db().payoutRun.findMany({ where: { campaignId: fx.campaign.id }, orderBy: { version: "asc" } });
    expect(runs.length).toBe(results.filter((r) => r.ok).length);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.map((r) => r.version)).toEqual(runs.map((_, i) => i + 1));
  });

  it("refuses the callback lead, who may read payouts but not sign them", async () => {
    signInAs({ ...fx.users.leaderA, roles: ["CALLBACK_LEAD"] });
    const result = await signOffPayouts({ campaignId: fx.campaign.id, expectedTotalFen: HAND_COMPUTED_TOTAL_FEN });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db().payoutRun.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });
});
