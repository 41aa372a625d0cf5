// Who a candidate counts for, and which enrollment counts (README "Fair attribution", docs/reliability.md
// #32): each case starts from the hand-computed payout fixture (caller A: 20 admitted, 19 enrolled on the
// 报到 list, 1,330.00 元), does what a page would do, and reads the payout inputs and explanation back.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { logContact } from "@/app/(app)/calls/actions";
import { handBackForLeave, moveCandidate } from "@/app/(app)/groups/actions";
import { db } from "@/lib/db";
import { creditKeptMoves } from "@/lib/inspection/queries";
import { loadCallerPayoutInput, projectPayouts } from "@/lib/payouts";
import type { CallerInput, SubsidyStep } from "@/lib/subsidy";
import { stepText } from "@/lib/subsidy";
import { Week } from "@/lib/time";
import { createCandidate } from "@/prisma/seed/factories";
import type { CallsFixture } from "../support/calls-fixtures";
import { buildPayoutFixture, CALLER_A_FEN, HAND_COMPUTED_TOTAL_FEN } from "../support/payout-fixture";
import { signInAs } from "../support/session";

type Counts = Pick<
  CallerInput,
  "admitted" | "enrolled" | "claimedEnrolled" | "declined" | "creditMovedAway" | "creditHeldForOthers"
>;

async function counts(fx: CallsFixture, callerId: string): Promise<Counts> {
  const read = await loadCallerPayoutInput(db(), fx.campaign.id, callerId);
  if (!read) throw new Error("caller not in a group");
  const { admitted, enrolled, claimedEnrolled, declined, creditMovedAway, creditHeldForOthers } = read.input;
  return { admitted, enrolled, claimedEnrolled, declined, creditMovedAway, creditHeldForOthers };
}

async function stepsOf(fx: CallsFixture, callerId: string): Promise<SubsidyStep[]> {
  const { result } = await projectPayouts(db(), fx.campaign.id);
  return result.callers.find((c) => c.callerId === callerId)?.steps ?? [];
}

const NOTHING_MOVED = { declined: 0, creditMovedAway: 0, creditHeldForOthers: 0 };

describe("payout credit and recorded enrollment", () => {
  let fx: CallsFixture;
  let pendingId: string;
  /** an admitted, recorded-enrolled candidate of caller A */
  let enrolledId: string;

  beforeEach(async () => {
    const built = await buildPayoutFixture();
    fx = built.fx;
    pendingId = built.pending.id;
    enrolledId = fx.candidateA.id;
    signInAs(null);
  });

  it("counts a caller's own 已报到 as a claim: the paid projection moves only when the 报到 list records it", async () => {
    signInAs(fx.users.callerA);
    const logged = await logContact({
      candidateId: pendingId,
      idempotencyKey: randomUUID(),
      channel: "PHONE",
      durationSeconds: "120",
      outcome: "ENROLLED",
      notes: "已到校",
    });
    expect(logged.ok).toBe(true);
    expect(await counts(fx, fx.users.callerA.id)).toEqual({
      admitted: 20,
      enrolled: 19,
      claimedEnrolled: 20,
      ...NOTHING_MOVED,
    });
    const claimed = await projectPayouts(db(), fx.campaign.id);
    expect(claimed.result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
    expect(await stepsOf(fx, fx.users.callerA.id)).toContainEqual({
      kind: "enrollmentRecorded",
      confirmed: 19,
      claimed: 20,
    });

    // the 报到 list arrives with the candidate on it: 20 / 20, 2,100.00 元 (payouts.test.ts)
    await db().candidate.update({ where: { id: pendingId }, data: { enrollmentRecord: "LIST" } });
    expect((await counts(fx, fx.users.callerA.id)).enrolled).toBe(20);
    expect((await projectPayouts(db(), fx.campaign.id)).result.totalFen).toBe(210_000 + 150_000);
  });

  const moves: {
    name: string;
    /** what the leader posts for caller A's enrolled candidate, or the hand-back for leave */
    act: (fx: CallsFixture, candidateId: string, version: number) => Promise<{ ok: boolean; code?: string }>;
    ok: boolean;
    callerA: Counts;
    leaderA: Counts;
  }[] = [
    {
      name: "a leader's move after admission, with a reason, leaves the credit with caller A",
      act: (fx, candidateId, version) =>
        moveCandidate({ candidateId, toCallerId: fx.users.leaderA.id, version, reason: "甲回访人员联系不上家长" }),
      ok: true,
      callerA: {
        admitted: 20,
        enrolled: 19,
        claimedEnrolled: 19,
        declined: 0,
        creditMovedAway: 1,
        creditHeldForOthers: 0,
      },
      leaderA: {
        admitted: 0,
        enrolled: 0,
        claimedEnrolled: 0,
        declined: 0,
        creditMovedAway: 0,
        creditHeldForOthers: 1,
      },
    },
    {
      name: "a leader's move after admission without a reason is refused and changes nothing",
      act: (fx, candidateId, version) => moveCandidate({ candidateId, toCallerId: fx.users.leaderA.id, version }),
      ok: false,
      callerA: { admitted: 20, enrolled: 19, claimedEnrolled: 19, ...NOTHING_MOVED },
      leaderA: { admitted: 0, enrolled: 0, claimedEnrolled: 0, ...NOTHING_MOVED },
    },
    {
      name: "a hand-back for leave carries the credit to the caller who takes over",
      act: (fx) => handBackForLeave({ callerId: fx.users.callerA.id }),
      ok: true,
      callerA: { admitted: 0, enrolled: 0, claimedEnrolled: 0, ...NOTHING_MOVED },
      leaderA: { admitted: 20, enrolled: 19, claimedEnrolled: 19, ...NOTHING_MOVED },
    },
  ];

  for (const move of moves) {
    it(move.name, async () => {
      const candidate = await db().candidate.findUniqueOrThrow({ where: { id: enrolledId } });
      signInAs(fx.users.leaderA);
      const result = await move.act(fx, candidate.id, candidate.version);
      expect(result.ok).toBe(move.ok);
      if (!move.ok) expect(result.code).toBe("INVALID_INPUT");
      expect(await counts(fx, fx.users.callerA.id)).toEqual(move.callerA);
      expect(await counts(fx, fx.users.leaderA.id)).toEqual(move.leaderA);
    });
  }

  it("names a kept credit in both callers' explanations, and pays caller A as before", async () => {
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: enrolledId } });
    signInAs(fx.users.leaderA);
    const moved = await moveCandidate({
      candidateId: candidate.id,
      toCallerId: fx.users.leaderA.id,
      version: candidate.version,
      reason: "组长亲自跟进",
    });
    expect(moved.ok).toBe(true);
    const { result } = await projectPayouts(db(), fx.campaign.id);
    const a = result.callers.find((c) => c.callerId === fx.users.callerA.id);
    const leader = result.callers.find((c) => c.callerId === fx.users.leaderA.id);
    expect(a?.subsidyFen).toBe(CALLER_A_FEN);
    expect(a?.steps).toContainEqual({ kind: "creditMovedAway", count: 1 });
    expect(leader?.steps).toContainEqual({ kind: "creditHeldForOthers", count: 1 });
    expect(leader?.ratePermille).toBeNull();
    expect(stepText({ kind: "creditHeldForOthers", count: 1 }).key).toBe("subsidy.steps.creditHeldForOthers");

    // the inspectors' list of moves that kept the credit shows it, with the reason
    expect(await creditKeptMoves(fx.campaign.id, Week.of(new Date()))).toEqual([
      expect.objectContaining({ reason: "组长亲自跟进", to: "甲组组长", creditWith: "甲组回访", by: "甲组组长" }),
    ]);

    // the history says so, and both callers were told
    const current = await db().assignment.findFirstOrThrow({ where: { candidateId: candidate.id, endedAt: null } });
    expect(current).toMatchObject({ cause: "MOVE", creditKept: true, reason: "组长亲自跟进" });
    const notices = await db().notice.findMany({
      where: { campaignId: fx.campaign.id, kind: "CANDIDATES_MOVED" },
      orderBy: { userId: "asc" },
    });
    expect(notices.map((n) => [n.userId, (n.params as { direction: string }).direction]).sort()).toEqual(
      [
        [fx.users.callerA.id, "out"],
        [fx.users.leaderA.id, "in"],
      ].sort(),
    );
  });

  it("moves the credit with a candidate moved before admission", async () => {
    const early = await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      assignedCallerId: fx.users.callerA.id,
    });
    expect(early.creditCallerId).toBe(fx.users.callerA.id);
    signInAs(fx.users.leaderA);
    const moved = await moveCandidate({ candidateId: early.id, toCallerId: fx.users.leaderA.id, version: 0 });
    expect(moved.ok).toBe(true);
    await db().candidate.update({
      where: { id: early.id },
      data: { admitted: true, enrollment: "ENROLLED", enrollmentRecord: "LIST" },
    });
    expect(await counts(fx, fx.users.leaderA.id)).toEqual({
      admitted: 1,
      enrolled: 1,
      claimedEnrolled: 1,
      ...NOTHING_MOVED,
    });
    expect(
      (await db().assignment.findFirstOrThrow({ where: { candidateId: early.id, endedAt: null } })).creditKept,
    ).toBe(false);
  });

  it("keeps an approved 放弃录取 in the admitted count and names it", async () => {
    await db().candidate.update({ where: { id: pendingId }, data: { decline: "APPROVED" } });
    expect(await counts(fx, fx.users.callerA.id)).toEqual({
      admitted: 20,
      enrolled: 19,
      claimedEnrolled: 19,
      declined: 1,
      creditMovedAway: 0,
      creditHeldForOthers: 0,
    });
    expect(await stepsOf(fx, fx.users.callerA.id)).toContainEqual({ kind: "declinedCounted", count: 1 });
    expect((await projectPayouts(db(), fx.campaign.id)).result.totalFen).toBe(HAND_COMPUTED_TOTAL_FEN);
  });
});
