import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { logContact } from "@/app/(app)/calls/actions";
import { db } from "@/lib/db";
import { DEFAULT_WORKFLOW_POLICY } from "@/lib/workflow";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  closePhase,
  DAY,
  HOUR,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// Issue 15: the contact form gives the time a call happened, within the policy's backfill window; and a
// 未报到 result logged once the 报到 window has closed goes to the group leader by itself.

function contact(candidateId: string, patch: Record<string, unknown> = {}) {
  return {
    candidateId,
    idempotencyKey: randomUUID(),
    channel: "PHONE",
    durationSeconds: "95",
    outcome: "CONSULTED",
    ...patch,
  };
}

describe("the time of a contact (backfill window from the workflow policy)", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, backdateHours: 6 } },
    });
    signInAs(fx.users.callerA);
  });

  it("stores an earlier time within the window as the contact's start", async () => {
    const earlier = new Date(Date.now() - 5 * HOUR - 50 * 60_000);
    const result = await logContact(contact(fx.candidateA.id, { startedAt: earlier.toISOString() }));
    expect(result).toMatchObject({ ok: true });
    const [log] = (await candidateState(fx.candidateA.id)).logs;
    expect(log?.startedAt).toEqual(earlier);
    expect(log?.cleanup).toBe(false);
    // the candidate's last contact is the call's time, not the moment it was logged
    expect((await candidateState(fx.candidateA.id)).candidate.lastContactAt).toEqual(earlier);
  });

  it("takes now when no time is given", async () => {
    const before = Date.now();
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({ ok: true });
    const [log] = (await candidateState(fx.candidateA.id)).logs;
    expect(log?.startedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(log?.startedAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it.each([
    [
      "past the policy's 6 hours",
      () => new Date(Date.now() - 6 * HOUR - 60_000),
      "只能补记 6 小时内的联系，请改为更近的时间。",
    ],
    ["in the future", () => new Date(Date.now() + HOUR), "联系时间不能晚于现在。"],
  ])("refuses a time %s in Chinese and saves nothing", async (_, when, message) => {
    const before = await candidateState(fx.candidateA.id);
    const audits = await auditCount(fx);
    const result = await logContact(contact(fx.candidateA.id, { startedAt: when().toISOString() }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { startedAt: [message] } });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(audits);
  });

  it("refuses a time that is not a time", async () => {
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact(contact(fx.candidateA.id, { startedAt: "2024-13-40T99:00" }));
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { startedAt: ["请填写正确的通话时间（年-月-日 时:分）。"] },
    });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
  });

  it("follows a changed policy: 6 hours become 24", async () => {
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, backdateHours: 24 } },
    });
    const earlier = new Date(Date.now() - 20 * HOUR);
    // the 报到 phase of the fixture opened well before that
    expect(await logContact(contact(fx.candidateA.id, { startedAt: earlier.toISOString() }))).toMatchObject({
      ok: true,
    });
  });
});

describe("未报到 after the 报到 window goes to the group leader", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
  });

  const noShow = (candidateId: string) =>
    logContact(contact(candidateId, { outcome: "NOT_ENROLLED", noShowReason: "家里有事，下周一报到" }));

  it("not while the window is open: the candidate may still come", async () => {
    signInAs(fx.users.callerA);
    expect(await noShow(fx.candidateA.id)).toMatchObject({ ok: true, data: { escalated: false } });
    expect(await db().escalation.count({ where: { candidateId: fx.candidateA.id } })).toBe(0);
  });

  it("once it has closed, a clean-up contact recording 未报到 raises a NOT_ENROLLED escalation", async () => {
    await closePhase(fx, 4);
    // the leader had sent an earlier case back: settled, so a new one may be raised
    await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerA.id,
        status: "SENT_BACK",
        advice: "再做做家长工作",
      },
    });
    signInAs(fx.users.leaderA);
    expect(await noShow(fx.candidateA.id)).toMatchObject({ ok: true, data: { escalated: true } });
    const raised = await db().escalation.findMany({ where: { candidateId: fx.candidateA.id, reason: "NOT_ENROLLED" } });
    expect(raised).toEqual([
      expect.objectContaining({ status: "OPEN", toTeam: "GROUP_LEADER", fromUserId: fx.users.leaderA.id }),
    ]);
  });

  it("with the policy's switch off, it is recorded and nothing is raised", async () => {
    await closePhase(fx, 4);
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, escalateNotEnrolled: false } },
    });
    await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerA.id,
        status: "SENT_BACK",
      },
    });
    signInAs(fx.users.leaderA);
    expect(await noShow(fx.candidateA.id)).toMatchObject({ ok: true, data: { escalated: false } });
    expect(await db().escalation.count({ where: { candidateId: fx.candidateA.id, reason: "NOT_ENROLLED" } })).toBe(0);
  });

  it("a contact backdated to before the close still belongs to the closed window and is refused", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.leaderA);
    const result = await logContact(
      contact(fx.candidateA.id, { startedAt: new Date(Date.now() - 2 * 60_000 - DAY / 48).toISOString() }),
    );
    expect(result).toMatchObject({ ok: false, code: "CLOSED" });
  });
});
