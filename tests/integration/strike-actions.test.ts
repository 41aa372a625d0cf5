import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { logContact, revealPhone } from "@/app/(app)/calls/actions";
import { claimEscalation, releaseEscalation, resolveEscalation } from "@/app/(app)/strike/actions";
import { db } from "@/lib/db";
import { zeroLostContactBoard } from "@/lib/strike/queries";
import { outcomeOf } from "@/lib/strike/resolution";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  DAY,
  personWithRoles,
  warmPool,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

describe("the strike team", () => {
  let fx: CallsFixture;
  let escalationId: string;
  let strike2: Awaited<ReturnType<typeof personWithRoles>>;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    strike2 = await personWithRoles(fx, ["STRIKE"]);
    // caller A's candidate regretted; their leader forwarded them to the strike team
    const escalation = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerA.id,
        toTeam: "STRIKE",
        status: "FORWARDED",
      },
    });
    escalationId = escalation.id;
    signInAs(null);
  });

  const row = () => db().escalation.findUniqueOrThrow({ where: { id: escalationId } });
  const contact = (patch: Record<string, unknown> = {}) => ({
    candidateId: fx.candidateA.id,
    idempotencyKey: randomUUID(),
    channel: "PHONE",
    durationSeconds: "420",
    outcome: "CONSULTED",
    notes: "家长同意孩子再考虑，下周回电",
    ...patch,
  });

  it("lets a member claim a forwarded candidate, with one audit row", async () => {
    signInAs(fx.users.strike);
    const result = await claimEscalation({ escalationId });
    expect(result).toMatchObject({ ok: true, data: { candidateId: fx.candidateA.id } });
    expect(await row()).toMatchObject({ status: "CLAIMED", assigneeId: fx.users.strike.id, version: 1 });
    expect(await auditCount(fx, { action: "escalation.claim", entityId: escalationId })).toBe(1);
  });

  it("two members claiming at once: exactly one wins, the other is told who has it, in Chinese", async () => {
    await warmPool();
    // each call reads the mocked session when it starts, so the two run as two different members
    signInAs(fx.users.strike);
    const first = claimEscalation({ escalationId });
    signInAs(strike2);
    const second = claimEscalation({ escalationId });
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: "CONFLICT" });
    if (loser && !loser.ok) expect(loser.fieldErrors?.escalationId?.[0]).toMatch(/刚刚认领了这位考生/);
    expect(await row()).toMatchObject({ status: "CLAIMED", version: 1 });
    expect(await auditCount(fx, { action: "escalation.claim" })).toBe(1);
    const winner = (await row()).assigneeId;
    expect([fx.users.strike.id, strike2.id]).toContain(winner);
    signInAs(winner === strike2.id ? fx.users.strike : strike2);
    const late = await claimEscalation({ escalationId });
    expect(late).toMatchObject({ ok: false, code: "CONFLICT" });
    const winnerName = winner === strike2.id ? strike2.name : fx.users.strike.name;
    if (!late.ok)
      expect(late.fieldErrors?.escalationId?.[0]).toBe(`${winnerName} 刚刚认领了这位考生，请选择其他考生。`);
  });

  it("refuses to claim what is not forwarded to the strike team (still with the leader)", async () => {
    await db().escalation.update({ where: { id: escalationId }, data: { status: "OPEN", toTeam: "GROUP_LEADER" } });
    signInAs(fx.users.strike);
    expect(await claimEscalation({ escalationId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await row()).assigneeId).toBeNull();
  });

  it("lets the claiming member reveal the number (audited), log a contact like a caller, and hand back", async () => {
    signInAs(fx.users.strike);
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 0 })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    await claimEscalation({ escalationId });
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 0 })).toMatchObject({
      ok: true,
      data: { phone: "13911112222" },
    });
    expect(await auditCount(fx, { action: "candidate.revealPhone", actorId: fx.users.strike.id })).toBe(1);

    // handing back needs a contact that reached the candidate first
    const early = await resolveEscalation({ escalationId, outcome: "HANDED_BACK", note: "已联系上" });
    expect(early).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await logContact(contact())).ok).toBe(true);
    // the candidate's log is the member's own, and no new escalation was raised
    const state = await candidateState(fx.candidateA.id);
    expect(state.logs.map((l) => l.callerId)).toEqual([fx.users.strike.id]);
    expect(state.escalations).toHaveLength(1);

    const result = await resolveEscalation({
      escalationId,
      outcome: "HANDED_BACK",
      note: "家长同意再考虑，请回访人员周五回电",
    });
    expect(result).toMatchObject({ ok: true, data: { outcome: "HANDED_BACK" } });
    const resolved = await row();
    expect(resolved).toMatchObject({ status: "RESOLVED", assigneeId: fx.users.strike.id });
    expect(resolved.outcome).toBe("HANDED_BACK");
    expect(outcomeOf(resolved.resolution)).toBe("HANDED_BACK");
    expect(resolved.resolution).toContain("请回访人员周五回电");
    // the case is closed: the member can no longer log on the candidate
    expect(await logContact(contact())).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("closes as enrolled only once the enrollment is recorded", async () => {
    signInAs(fx.users.strike);
    await claimEscalation({ escalationId });
    expect(await resolveEscalation({ escalationId, outcome: "ENROLLED" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect((await logContact(contact({ outcome: "ENROLLED" }))).ok).toBe(true);
    expect(await resolveEscalation({ escalationId, outcome: "ENROLLED" })).toMatchObject({ ok: true });
    expect((await row()).outcome).toBe("ENROLLED");
  });

  it("closes as definitively lost with a reason, and not without one", async () => {
    signInAs(fx.users.strike);
    await claimEscalation({ escalationId });
    const before = await row();
    const missing = await resolveEscalation({ escalationId, outcome: "LOST", note: "  " });
    expect(missing).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { note: ["确认流失请写明原因。"] },
    });
    expect(await row()).toEqual(before);
    expect(await resolveEscalation({ escalationId, outcome: "LOST", note: "已入伍" })).toMatchObject({ ok: true });
    expect((await row()).outcome).toBe("LOST");
  });

  it("lets only the member who claimed it close it", async () => {
    signInAs(fx.users.strike);
    await claimEscalation({ escalationId });
    signInAs(strike2);
    const before = await row();
    expect(await resolveEscalation({ escalationId, outcome: "LOST", note: "x" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await row()).toEqual(before);
  });

  it("lets the member who claimed it put it back in the queue, where another member can claim it", async () => {
    signInAs(fx.users.strike);
    await claimEscalation({ escalationId });
    // another member cannot release what they do not hold, and nothing changes
    signInAs(strike2);
    const held = await row();
    expect(await releaseEscalation({ escalationId })).toMatchObject({ ok: false, code: "STALE" });
    expect(await row()).toEqual(held);

    signInAs(fx.users.strike);
    expect(await releaseEscalation({ escalationId })).toEqual({ ok: true, data: { released: true } });
    expect(await row()).toMatchObject({ status: "FORWARDED", assigneeId: null, version: 2 });
    expect(await auditCount(fx, { action: "escalation.release", entityId: escalationId })).toBe(1);
    // released twice: the second finds nothing of theirs
    expect(await releaseEscalation({ escalationId })).toMatchObject({ ok: false, code: "STALE" });

    signInAs(strike2);
    expect(await claimEscalation({ escalationId })).toMatchObject({ ok: true });
    expect((await row()).assigneeId).toBe(strike2.id);
  });

  it("puts a candidate nobody reached for N days on the 零失联 board, and takes them off once reached", async () => {
    const campaign = await db().campaign.findUniqueOrThrow({
      where: { id: fx.campaign.id },
      include: { phaseWindows: true },
    });
    const onBoard = async () =>
      (await zeroLostContactBoard(campaign, new Date())).groups.flatMap((g) => g.candidates.map((c) => c.id));
    expect(await onBoard()).toEqual(expect.arrayContaining([fx.candidateA.id, fx.candidateB.id]));
    await db().contactLog.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateB.id,
        callerId: fx.users.callerB.id,
        phase: 4,
        channel: "PHONE",
        startedAt: new Date(Date.now() - DAY),
        durationSeconds: 300,
        outcome: "WILL_COME",
        idempotencyKey: randomUUID(),
      },
    });
    expect(await onBoard()).not.toContain(fx.candidateB.id);
    // an unreachable attempt does not count as a contact
    await db().contactLog.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        callerId: fx.users.callerA.id,
        phase: 4,
        channel: "PHONE",
        startedAt: new Date(Date.now() - DAY),
        durationSeconds: 0,
        outcome: "UNREACHABLE_PHONE_OFF",
        idempotencyKey: randomUUID(),
      },
    });
    expect(await onBoard()).toContain(fx.candidateA.id);
  });
});
