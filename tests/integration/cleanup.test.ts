import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { logContact, revealPhone } from "@/app/(app)/calls/actions";
import type { EscalationStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { DEFAULT_WORKFLOW_POLICY } from "@/lib/workflow";
import { auditCount, buildCallsFixture, type CallsFixture, candidateState, DAY, HOUR } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// Issue 15: the clean-up period after the 报到 window. For the policy's days (7 by default) the strike team
// and group leaders keep logging contacts on escalated candidates only; those contacts are phase 4,
// marked as clean-up. Everybody else, and everyone after the period, is refused.

function contact(candidateId: string, patch: Record<string, unknown> = {}) {
  return {
    candidateId,
    idempotencyKey: randomUUID(),
    channel: "PHONE",
    durationSeconds: "300",
    outcome: "CONSULTED",
    notes: "报到结束后再次劝说",
    ...patch,
  };
}

/** Moves the 报到 window so that it closed `ago` milliseconds before now. */
async function enrollmentClosed(fx: CallsFixture, ago: number) {
  const closesAt = new Date(Date.now() - ago);
  await db().phaseWindow.update({
    where: { campaignId_phase: { campaignId: fx.campaign.id, phase: 4 } },
    data: { opensAt: new Date(closesAt.getTime() - 30 * DAY), closesAt },
  });
}

async function escalate(
  fx: CallsFixture,
  candidateId: string,
  status: EscalationStatus,
  extra: { assigneeId?: string; resolvedAt?: Date } = {},
) {
  return db().escalation.create({
    data: {
      campaignId: fx.campaign.id,
      candidateId,
      reason: "REGRETTED",
      fromUserId: fx.users.callerA.id,
      status,
      toTeam: status === "OPEN" ? "GROUP_LEADER" : "STRIKE",
      ...extra,
    },
  });
}

describe("the clean-up period", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    await enrollmentClosed(fx, HOUR);
  });

  it("the strike member who took the case logs on it: phase 4, marked as clean-up", async () => {
    await escalate(fx, fx.candidateA.id, "CLAIMED", { assigneeId: fx.users.strike.id });
    signInAs(fx.users.strike);
    const result = await logContact(contact(fx.candidateA.id));
    expect(result).toMatchObject({ ok: true, data: { duplicate: false } });
    const [log] = (await candidateState(fx.candidateA.id)).logs;
    expect(log).toMatchObject({ phase: 4, cleanup: true, callerId: fx.users.strike.id });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "contact.create", actorId: fx.users.strike.id },
    });
    expect(audit.after).toMatchObject({ phase: 4, cleanup: true });
  });

  it("the strike member also reveals the number, in the period only", async () => {
    await escalate(fx, fx.candidateA.id, "RESOLVED", { assigneeId: fx.users.strike.id, resolvedAt: new Date() });
    signInAs(fx.users.strike);
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 0 })).toMatchObject({
      ok: true,
      data: { phone: "13911112222" },
    });
    await enrollmentClosed(fx, 8 * DAY);
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 0 })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it.each<[string, EscalationStatus, number | null, boolean]>([
    ["an escalation waiting for the leader", "OPEN", null, true],
    ["an escalation sent back with advice", "SENT_BACK", null, true],
    ["an escalation with the strike team", "FORWARDED", null, true],
    ["an escalation settled during the period", "RESOLVED", -30 * 60_000, true],
    ["an escalation settled before the period", "RESOLVED", -2 * HOUR, false],
  ])("the group leader, on their group's candidate with %s: %s", async (_, status, resolvedAgo, allowed) => {
    await escalate(
      fx,
      fx.candidateA.id,
      status,
      resolvedAgo === null ? {} : { resolvedAt: new Date(Date.now() + resolvedAgo) },
    );
    signInAs(fx.users.leaderA);
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact(contact(fx.candidateA.id));
    if (allowed) {
      expect(result).toMatchObject({ ok: true });
      expect((await candidateState(fx.candidateA.id)).logs).toEqual([
        expect.objectContaining({ phase: 4, cleanup: true, callerId: fx.users.leaderA.id }),
      ]);
    } else {
      expect(result).toMatchObject({
        ok: false,
        code: "CLOSED",
        fieldErrors: { startedAt: ["报到已结束。清理期内只有突击组和组长可以为已上报的考生记录联系。"] },
      });
      expect(await candidateState(fx.candidateA.id)).toEqual(before);
    }
  });

  it("refuses a candidate never escalated, even to the leader and the strike team", async () => {
    signInAs(fx.users.leaderA);
    const before = await candidateState(fx.candidateA.id);
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({ ok: false, code: "CLOSED" });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
  });

  it("refuses the caller in charge, even on an escalated candidate, saying who may log", async () => {
    await escalate(fx, fx.candidateA.id, "OPEN");
    signInAs(fx.users.callerA);
    const audits = await auditCount(fx);
    const before = await candidateState(fx.candidateA.id);
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({
      ok: false,
      code: "CLOSED",
      error: "该阶段已结束，记录只读。",
      fieldErrors: { startedAt: ["报到已结束。清理期内只有突击组和组长可以为已上报的考生记录联系。"] },
    });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(audits);
  });

  it("does not open another group's candidate to a leader", async () => {
    await escalate(fx, fx.candidateB.id, "OPEN");
    signInAs(fx.users.leaderA);
    expect(await logContact(contact(fx.candidateB.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("does not open a group's candidates to its leader outside the period", async () => {
    await db().phaseWindow.update({
      where: { campaignId_phase: { campaignId: fx.campaign.id, phase: 4 } },
      data: { closesAt: new Date(Date.now() + 5 * DAY) },
    });
    await escalate(fx, fx.candidateA.id, "OPEN");
    signInAs(fx.users.leaderA);
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("refuses everyone once the period is over", async () => {
    await escalate(fx, fx.candidateA.id, "CLAIMED", { assigneeId: fx.users.strike.id });
    await enrollmentClosed(fx, 7 * DAY + 60_000);
    for (const person of [fx.users.strike, fx.users.leaderA, fx.users.callerA]) {
      signInAs(person);
      const result = await logContact(contact(fx.candidateA.id));
      expect(result, person.name).toMatchObject({ ok: false });
      if (person !== fx.users.leaderA) {
        expect(result).toMatchObject({
          code: "CLOSED",
          fieldErrors: { startedAt: ["报到和清理期都已结束，不能再记录联系。"] },
        });
      }
    }
    expect((await candidateState(fx.candidateA.id)).logs).toEqual([]);
  });

  it("follows the policy's days: with 10 the eighth day is still open, with 0 there is none", async () => {
    await escalate(fx, fx.candidateA.id, "CLAIMED", { assigneeId: fx.users.strike.id });
    await enrollmentClosed(fx, 8 * DAY);
    signInAs(fx.users.strike);
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, cleanupDays: 10 } },
    });
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({ ok: true });
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, cleanupDays: 0 } },
    });
    await enrollmentClosed(fx, HOUR);
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({ ok: false, code: "CLOSED" });
  });
});
