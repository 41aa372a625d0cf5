import { beforeEach, describe, expect, it } from "vitest";
import { routeNotEnrolled } from "@/app/(app)/groups/not-enrolled-actions";
import { db } from "@/lib/db";
import { groupEscalations } from "@/lib/groups/queries";
import { DEFAULT_WORKFLOW_POLICY } from "@/lib/workflow";
import { buildCallsFixture, type CallsFixture, closePhase, DAY, warmPool } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// Issue 15: from the moment the 报到 window closes, every admitted candidate still not enrolled appears in
// their group leader's escalation queue as 未报到, derived when the queue is read (nothing is written), and
// the leader forwards it or sends it back; that creates the case's row, once.

const derivedIds = async (fx: CallsFixture) =>
  (await groupEscalations(fx.groupA.id)).filter((e) => e.id.startsWith("not-enrolled:")).map((e) => e.id);

describe("the 未报到 queue after the 报到 window", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
  });

  it("lists nobody while the window is open", async () => {
    expect(await derivedIds(fx)).toEqual([]);
  });

  it("lists an admitted candidate not enrolled once it closes, without writing anything", async () => {
    await closePhase(fx, 4);
    const rows = await groupEscalations(fx.groupA.id);
    expect(rows).toEqual([
      expect.objectContaining({
        id: `not-enrolled:${fx.candidateA.id}`,
        reason: "NOT_ENROLLED",
        status: "OPEN",
        fromUser: { name: "甲组回访" },
        candidate: expect.objectContaining({ name: fx.candidateA.name }),
      }),
    ]);
    expect(await db().escalation.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    // the other group's candidate is in the other leader's queue only
    expect((await groupEscalations(fx.groupB.id)).map((e) => e.id)).toEqual([`not-enrolled:${fx.candidateB.id}`]);
  });

  it.each([
    ["claimed 已报到 by the caller", { enrollment: "ENROLLED" as const }],
    ["on the 报到 list", { enrollmentRecord: "LIST" as const }],
    ["confirmed by the data team", { enrollmentRecord: "DATA_TEAM" as const }],
    ["withdrawn (退档)", { withdrawal: "APPROVED" as const }],
    ["given up (放弃录取)", { decline: "APPROVED" as const }],
    ["never admitted", { admitted: false }],
  ])("leaves out a candidate %s", async (_, patch) => {
    await closePhase(fx, 4);
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: patch });
    expect(await derivedIds(fx)).toEqual([]);
  });

  it("keeps a logged 未报到 in, and leaves out a candidate whose case is in someone's hands", async () => {
    await closePhase(fx, 4);
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { enrollment: "NOT_ENROLLED" } });
    expect(await derivedIds(fx)).toEqual([`not-enrolled:${fx.candidateA.id}`]);
    await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerA.id,
        status: "CLAIMED",
        toTeam: "STRIKE",
        assigneeId: fx.users.strike.id,
      },
    });
    expect(await derivedIds(fx)).toEqual([]);
  });

  it("lists nobody with the policy's switch off", async () => {
    await closePhase(fx, 4);
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, escalateNotEnrolled: false } },
    });
    expect(await derivedIds(fx)).toEqual([]);
  });

  it("the leader forwards it: a FORWARDED 未报到 case for the strike team, and it leaves the derived list", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.leaderA);
    const result = await routeNotEnrolled({ candidateId: fx.candidateA.id, decision: "forward" });
    expect(result).toMatchObject({ ok: true, data: { status: "FORWARDED" } });
    expect(await db().escalation.findMany({ where: { candidateId: fx.candidateA.id } })).toEqual([
      expect.objectContaining({
        reason: "NOT_ENROLLED",
        status: "FORWARDED",
        toTeam: "STRIKE",
        fromUserId: fx.users.leaderA.id,
      }),
    ]);
    expect(await derivedIds(fx)).toEqual([]);
    // once settled by the strike team, the routed case stands for it: not derived again
    await db().escalation.updateMany({ where: { candidateId: fx.candidateA.id }, data: { status: "RESOLVED" } });
    expect(await derivedIds(fx)).toEqual([]);
  });

  it("the leader sends it back with advice, which reaches the caller's inbox", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.leaderA);
    const result = await routeNotEnrolled({
      candidateId: fx.candidateA.id,
      decision: "sendBack",
      advice: "请联系家长确认返校日期",
    });
    expect(result).toMatchObject({ ok: true, data: { status: "SENT_BACK" } });
    expect(await db().escalation.findFirstOrThrow({ where: { candidateId: fx.candidateA.id } })).toMatchObject({
      reason: "NOT_ENROLLED",
      status: "SENT_BACK",
      advice: "请联系家长确认返校日期",
    });
    expect(await db().notice.count({ where: { userId: fx.users.callerA.id, kind: "ESCALATION_ADVICE" } })).toBe(1);
  });

  it("refuses advice left empty, and changes nothing", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.leaderA);
    const result = await routeNotEnrolled({ candidateId: fx.candidateA.id, decision: "sendBack", advice: "  " });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { advice: [expect.any(String)] } });
    expect(await db().escalation.count({ where: { candidateId: fx.candidateA.id } })).toBe(0);
  });

  it("routes a case once when two decisions arrive together (two tabs, two app instances)", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.leaderA);
    await warmPool();
    const results = await Promise.all([
      routeNotEnrolled({ candidateId: fx.candidateA.id, decision: "forward" }),
      routeNotEnrolled({ candidateId: fx.candidateA.id, decision: "sendBack", advice: "再打一次" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      code: "STALE",
      fieldErrors: { candidateId: ["这位考生已经处理过（已报到、已上报或已有结果），请刷新页面查看。"] },
    });
    expect(await db().escalation.count({ where: { candidateId: fx.candidateA.id } })).toBe(1);
  });

  it("refuses another group's candidate, and a case before the window closes", async () => {
    signInAs(fx.users.leaderA);
    expect(await routeNotEnrolled({ candidateId: fx.candidateA.id, decision: "forward" })).toMatchObject({
      ok: false,
      code: "STALE",
    });
    await closePhase(fx, 4);
    expect(await routeNotEnrolled({ candidateId: fx.candidateB.id, decision: "forward" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db().escalation.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });

  it("keeps deriving during and after the clean-up period", async () => {
    await db().phaseWindow.update({
      where: { campaignId_phase: { campaignId: fx.campaign.id, phase: 4 } },
      data: { opensAt: new Date(Date.now() - 40 * DAY), closesAt: new Date(Date.now() - 10 * DAY) },
    });
    expect(await derivedIds(fx)).toEqual([`not-enrolled:${fx.candidateA.id}`]);
  });
});
