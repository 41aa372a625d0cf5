import { beforeEach, describe, expect, it } from "vitest";
import { recordFinding } from "@/app/(app)/inspection/actions";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { db } from "@/lib/db";
import { projectPayouts } from "@/lib/payouts";
import { frozenRun } from "@/lib/payouts/runs";
import { payoutPeople } from "@/lib/payouts/statements";
import { DEFAULT_POLICY, subsidyPolicySchema } from "@/lib/subsidy";
import type { CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, CALLER_A_FEN, LEADER_A_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

// 诋毁他人 (三、工作机制(一)): a finding an inspector records costs the caller's phone subsidy the policy's
// percentage, 0 by default. Caller A's phone subsidy is 1,330.00 元 (tests/support/payout-fixture.ts).

describe("a 诋毁他人 finding", () => {
  let fx: CallsFixture;

  beforeEach(async () => {
    fx = (await buildPayoutFixture()).fx;
    signInAs(fx.users.inspector);
  });

  const slander = (over: Record<string, unknown> = {}) =>
    recordFinding({ callerId: fx.users.callerA.id, kind: "SLANDER", description: "通话中贬低其他院校", ...over });

  async function setSlanderPercent(deductionPercent: number) {
    const campaign = await db().campaign.findUniqueOrThrow({ where: { id: fx.campaign.id } });
    const policy = subsidyPolicySchema.parse(campaign.subsidyPolicy);
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { subsidyPolicy: { ...policy, slander: { deductionPercent } } },
    });
  }

  const callerA = async () => {
    const { result } = await projectPayouts(db(), fx.campaign.id);
    const paid = result.callers.find((c) => c.callerId === fx.users.callerA.id);
    if (!paid) throw new Error("caller A is not paid");
    return paid;
  };

  it("reads a policy stored before the field existed as 0%", () => {
    const { slander: _, ...older } = DEFAULT_POLICY;
    expect(subsidyPolicySchema.parse(older).slander).toEqual({ deductionPercent: 0 });
  });

  it("costs nothing at the default 0%, and says nothing about it in the explanation", async () => {
    expect(await slander()).toMatchObject({ ok: true });
    const paid = await callerA();
    expect(paid.subsidyFen).toBe(CALLER_A_FEN);
    expect(paid.steps.some((s) => s.kind === "slander")).toBe(false);
  });

  it("costs 10% of the phone subsidy when the policy says 10%, and the statement line names 诋毁他人", async () => {
    await setSlanderPercent(10);
    const before = await callerA();
    // no finding, no money moved
    expect(before.subsidyFen).toBe(CALLER_A_FEN);

    expect(await slander()).toMatchObject({ ok: true });
    const paid = await callerA();
    // 133,000 × 10% = 13,300 fen deducted: 119,700 fen
    expect(paid.subsidyFen).toBe(119_700);
    expect(paid.steps).toContainEqual({
      kind: "slander",
      findings: 1,
      percent: 10,
      fromFen: 133_000,
      deductedFen: 13_300,
      paidFen: 119_700,
    });
    // the caller is told the deduction the policy sets
    const notice = await db().notice.findFirstOrThrow({
      where: { userId: fx.users.callerA.id, kind: "FINDING" },
    });
    expect(notice.params).toMatchObject({ violation: "SLANDER", deductionPercent: 10 });

    signInAs(fx.users.admin);
    expect(
      await signOffPayouts({ campaignId: fx.campaign.id, version: 1, expectedTotalFen: 119_700 + LEADER_A_FEN }),
    ).toEqual({ ok: true, data: { version: 1 } });
    const run = await frozenRun(db(), fx.campaign.id, 1);
    if (!run?.snapshot.frozen) throw new Error("no frozen run");
    const person = payoutPeople({ ...run.snapshot, frozen: run.snapshot.frozen }).find(
      (p) => p.personId === fx.users.callerA.id,
    );
    expect(person?.subsidyFen).toBe(119_700);
    expect(person?.deductionFen).toBe(13_300);
    expect(person?.explanation.phone).toContain(
      "诋毁他人（1 次）：电话补贴扣除 10%，1,330.00 × 10% = 133.00 元，余 1,330.00 − 133.00 = 1,197.00 元",
    );
  });

  it("adds up per finding: two findings at 10% cost 20%", async () => {
    await setSlanderPercent(10);
    expect(await slander()).toMatchObject({ ok: true });
    expect(await slander({ description: "在家长群中诋毁同事" })).toMatchObject({ ok: true });
    // 133,000 × 20% = 26,600 deducted: 106,400
    expect((await callerA()).subsidyFen).toBe(106_400);
  });

  it("refuses a percentage typed by the inspector, in Chinese: the policy's applies", async () => {
    await setSlanderPercent(10);
    const refused = await slander({ deductionPercent: "30" });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(JSON.stringify(refused)).toContain("诋毁他人按方案扣除 10% 电话补贴");
    expect(await db().finding.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    expect((await callerA()).subsidyFen).toBe(CALLER_A_FEN);
  });
});
