// Phase 1's 生源报备 in the payouts: by default the points are recorded and pay nothing (no money line);
// when the campaign's points policy pays per point, each registrar's statement names the registrations and
// the amount, and the amount is in their total and the run's, to the fen.
import { beforeEach, describe, expect, it } from "vitest";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { db } from "@/lib/db";
import { loadCallerPayoutInput, projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import { payoutPeople } from "@/lib/payouts/statements";
import type { CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, CALLER_A_FEN, HAND_COMPUTED_TOTAL_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

let n = 0;

/** `count` prospects registered by `registrarId`, each with its own registration number. */
async function register(fx: CallsFixture, registrarId: string, count: number) {
  for (let i = 0; i < count; i++) {
    n += 1;
    const prospect = await db().prospect.create({ data: { campaignId: fx.campaign.id, name: `报备考生${n}` } });
    await db().sourceRegistration.create({
      data: {
        campaignId: fx.campaign.id,
        prospectId: prospect.id,
        registrarId,
        registeredOn: new Date("2024-06-20"),
        number: `${fx.tag}-BB-${n}`,
      },
    });
  }
}

describe("生源报备积分 in the payouts", () => {
  let fx: CallsFixture;

  beforeEach(async () => {
    fx = (await buildPayoutFixture()).fx;
    signInAs(null);
    // caller A: 3 registrations beside a 1,330.00 元 subsidy; caller B: 1, and no subsidy (0% rate)
    await register(fx, fx.users.callerA.id, 3);
    await register(fx, fx.users.callerB.id, 1);
  });

  it("records the points and pays nothing by default: no money line, the same total", async () => {
    const { input, result } = await projectPayouts(db(), fx.campaign.id);
    expect(input.callers.find((c) => c.callerId === fx.users.callerA.id)?.registrationPoints).toEqual({
      registrations: 3,
      pointsEach: 1,
      points: 3,
      fenPerPoint: 0,
      fen: 0,
    });
    for (const caller of result.callers) {
      expect(caller.registrationFen).toBe(0);
      expect(caller.steps.some((step) => step.kind === "registrationPoints")).toBe(false);
    }
    expect(result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
  });

  it("pays registrations × points × fen per point when the policy pays, on the statement and in the total", async () => {
    // 2 points a registration, 12.35 元 a point: A 3 × 2 = 6 points = 74.10 元; B 1 × 2 = 2 points = 24.70 元
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { prospectPolicy: { pointsPerRegistration: 2, fenPerPoint: 1235 } },
    });
    const { result } = await projectPayouts(db(), fx.campaign.id);
    const paidA = result.callers.find((c) => c.callerId === fx.users.callerA.id);
    const paidB = result.callers.find((c) => c.callerId === fx.users.callerB.id);
    expect(paidA).toMatchObject({ subsidyFen: CALLER_A_FEN, registrationFen: 7_410 });
    expect(paidB).toMatchObject({ subsidyFen: 0, registrationFen: 2_470 });
    expect(result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN + 7_410 + 2_470);

    // one caller's card reads the same figures as the whole campaign
    const one = await loadCallerPayoutInput(db(), fx.campaign.id, fx.users.callerA.id);
    expect(one?.input.registrationPoints).toEqual({
      registrations: 3,
      pointsEach: 2,
      points: 6,
      fenPerPoint: 1235,
      fen: 7_410,
    });

    signInAs(fx.users.admin);
    const signed = await signOffPayouts({
      campaignId: fx.campaign.id,
      version: 1,
      expectedTotalFen: HAND_COMPUTED_TOTAL_FEN + 9_880,
    });
    expect(signed).toEqual({ ok: true, data: { version: 1 } });
    const run = await frozenRun(db(), fx.campaign.id, 1);
    if (!run) throw new Error("no run");
    expect(run.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN + 9_880);
    const people = payoutPeople(run.snapshot);
    const a = people.find((p) => p.personId === fx.users.callerA.id);
    expect(a).toMatchObject({ registrationFen: 7_410, totalFen: CALLER_A_FEN + 7_410 });
    expect(a?.explanation.registrations).toEqual([
      "生源报备 3 条 × 每条 2 积分 = 6 积分，6 积分 × 12.35 元/积分 = 74.10 元",
    ]);
    expect(a?.explanation.total).toContain(
      "合计：电话补贴 1,330.00 + 加班补贴 0.00 + 生源报备积分 74.10 = 1,404.10 元",
    );
    const b = people.find((p) => p.personId === fx.users.callerB.id);
    expect(b).toMatchObject({ subsidyFen: 0, registrationFen: 2_470, totalFen: 2_470 });
    expect(people.reduce((sum, p) => sum + p.totalFen, 0)).toBe(run.totalFen);
  });
});
