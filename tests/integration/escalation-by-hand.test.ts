import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { logContact, raiseEscalation } from "@/app/(app)/calls/actions";
import { db } from "@/lib/db";
import { DEFAULT_WORKFLOW_POLICY } from "@/lib/workflow";
import { auditCount, buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// Issue 15: a caller raises any of their candidates to the group leader by hand, with a reason and a note;
// the policy decides whether 明确不来 (and 反悔) go to the leader by themselves.

const escalations = (candidateId: string) => db().escalation.findMany({ where: { candidateId } });

describe("raiseEscalation (上报组长 by hand)", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    signInAs(fx.users.callerA);
  });

  it("sends the caller's candidate to the leader with the reason and the note, audited without the note", async () => {
    const result = await raiseEscalation({
      candidateId: fx.candidateA.id,
      reason: "PARENT_QUESTIONS",
      note: "  家长想先了解学费减免政策  ",
    });
    expect(result).toMatchObject({ ok: true });
    expect(await escalations(fx.candidateA.id)).toEqual([
      expect.objectContaining({
        reason: "PARENT_QUESTIONS",
        note: "家长想先了解学费减免政策",
        status: "OPEN",
        toTeam: "GROUP_LEADER",
        fromUserId: fx.users.callerA.id,
      }),
    ]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "escalation.raise", actorId: fx.users.callerA.id },
    });
    expect(audit.after).toEqual({ candidateId: fx.candidateA.id, reason: "PARENT_QUESTIONS" });
  });

  it.each([
    ["no reason", { reason: "" }, "reason", "请选择上报原因。"],
    ["a reason only the rules raise", { reason: "PHONE_OFF" }, "reason", "请选择上报原因。"],
    ["no note", { note: "   " }, "note", "请写明情况，组长据此处理。"],
    ["a note too long", { note: "很".repeat(301) }, "note", "情况说明最多 300 字。"],
  ])("refuses %s in Chinese and raises nothing", async (_case, patch, field, message) => {
    const before = await auditCount(fx);
    const result = await raiseEscalation({
      candidateId: fx.candidateA.id,
      reason: "DIFFICULT",
      note: "疑难",
      ...patch,
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    expect(await escalations(fx.candidateA.id)).toEqual([]);
    expect(await auditCount(fx)).toBe(before);
  });

  it("refuses a second one while the first is in someone's hands, and allows it once resolved", async () => {
    const raise = () => raiseEscalation({ candidateId: fx.candidateA.id, reason: "DIFFICULT", note: "情况复杂" });
    expect(await raise()).toMatchObject({ ok: true });
    expect(await raise()).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["这名考生已经上报，正在处理中，不能重复上报。"] },
    });
    await db().escalation.updateMany({ where: { candidateId: fx.candidateA.id }, data: { status: "RESOLVED" } });
    expect(await raise()).toMatchObject({ ok: true });
    expect(await escalations(fx.candidateA.id)).toHaveLength(2);
  });

  it("raises one of two posted at once", async () => {
    const raise = () => raiseEscalation({ candidateId: fx.candidateA.id, reason: "DIFFICULT", note: "并发" });
    const results = await Promise.all([raise(), raise()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await escalations(fx.candidateA.id)).toHaveLength(1);
  });

  it("answers another caller's candidate as not found", async () => {
    const result = await raiseEscalation({ candidateId: fx.candidateB.id, reason: "DIFFICULT", note: "不是我的" });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await escalations(fx.candidateB.id)).toEqual([]);
  });
});

describe("明确不来 goes to the leader as the policy says", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 3 });
    signInAs(fx.users.callerA);
  });

  const willNotCome = () =>
    logContact({
      candidateId: fx.candidateA.id,
      channel: "PHONE",
      durationSeconds: 120,
      outcome: "WILL_NOT_COME",
      idempotencyKey: randomUUID(),
    });

  it("by default: the contact raises a WILL_NOT_COME escalation to the leader", async () => {
    expect(await willNotCome()).toMatchObject({ ok: true, data: { escalated: true } });
    expect(await escalations(fx.candidateA.id)).toEqual([
      expect.objectContaining({ reason: "WILL_NOT_COME", status: "OPEN", note: null }),
    ]);
  });

  it("with the policy off: the contact is recorded and nothing is raised", async () => {
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, escalateWillNotCome: false } },
    });
    expect(await willNotCome()).toMatchObject({ ok: true, data: { escalated: false } });
    expect(await escalations(fx.candidateA.id)).toEqual([]);
  });
});
