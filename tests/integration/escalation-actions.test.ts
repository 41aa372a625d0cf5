import { beforeEach, describe, expect, it } from "vitest";
import { routeEscalation } from "@/app/(app)/groups/actions";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  expectNoPersonalData,
  personWithRoles,
  warmPool,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

describe("routeEscalation", () => {
  let fx: CallsFixture;
  let escalationId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    // caller A could not reach their candidate three times: the escalation waits for A's group leader
    const escalation = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "PHONE_OFF",
        fromUserId: fx.users.callerA.id,
      },
    });
    escalationId = escalation.id;
    signInAs(null);
  });

  const row = () => db().escalation.findUniqueOrThrow({ where: { id: escalationId } });
  const forward = (patch: Record<string, unknown> = {}) => ({
    escalationId,
    version: "0",
    decision: "forward",
    ...patch,
  });
  const sendBack = (advice: unknown, patch: Record<string, unknown> = {}) => ({
    escalationId,
    version: "0",
    decision: "sendBack",
    advice,
    ...patch,
  });

  it("lets the group leader forward it to the strike team, with one audit row", async () => {
    signInAs(fx.users.leaderA);
    const result = await routeEscalation(forward());
    expect(result).toMatchObject({ ok: true, data: { status: "FORWARDED" } });
    expect(await row()).toMatchObject({ status: "FORWARDED", toTeam: "STRIKE", version: 1, advice: null });
    const audit = await db().auditLog.findMany({ where: { entityId: escalationId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: fx.users.leaderA.id,
      action: "escalation.route",
      entityType: "Escalation",
      before: { status: "OPEN" },
      after: { status: "FORWARDED", toTeam: "STRIKE" },
    });
  });

  it("lets the group leader send it back to the caller with advice", async () => {
    signInAs(fx.users.leaderA);
    const result = await routeEscalation(sendBack("  换微信联系家长，晚上再打  "));
    expect(result).toMatchObject({ ok: true, data: { status: "SENT_BACK" } });
    expect(await row()).toMatchObject({
      status: "SENT_BACK",
      toTeam: "GROUP_LEADER",
      advice: "换微信联系家长，晚上再打",
      version: 1,
    });
    expect(await auditCount(fx, { action: "escalation.route", entityId: escalationId })).toBe(1);
  });

  it.each([
    ["no advice", undefined],
    ["empty advice", ""],
    ["blank advice", "   "],
    ["advice over 500 characters", "建".repeat(501)],
  ])("refuses to send it back with %s", async (_, advice) => {
    signInAs(fx.users.leaderA);
    const before = await row();
    const result = await routeEscalation(sendBack(advice));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["advice"]);
    expect(await row()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses a decision made on a stale page (STALE)", async () => {
    signInAs(fx.users.leaderA);
    expect((await routeEscalation(forward())).ok).toBe(true);
    const afterFirst = await row();
    // the same page, still showing version 0, now tries to send it back
    const result = await routeEscalation(sendBack("再试一次"));
    expect(result).toMatchObject({ ok: false, code: "STALE" });
    expect(await row()).toEqual(afterFirst);
    expect(await auditCount(fx)).toBe(1);
  });

  it("refuses a version the escalation never had (STALE)", async () => {
    signInAs(fx.users.leaderA);
    const before = await row();
    expect(await routeEscalation(forward({ version: "7" }))).toMatchObject({ ok: false, code: "STALE" });
    expect(await row()).toEqual(before);
  });

  it("refuses to route an escalation that is no longer open, even with its current version", async () => {
    await db().escalation.update({ where: { id: escalationId }, data: { status: "RESOLVED", version: 3 } });
    signInAs(fx.users.leaderA);
    const before = await row();
    const result = await routeEscalation(forward({ version: "3" }));
    expect(result.ok).toBe(false);
    expect(await row()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("lets one of two simultaneous decisions win; the other gets STALE", async () => {
    signInAs(fx.users.leaderA);
    await warmPool();
    const results = await Promise.all([routeEscalation(forward()), routeEscalation(sendBack("先发短信"))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, code: "STALE" })]);
    const winner = results.find((r) => r.ok);
    expect((await row()).status).toBe(winner?.ok ? winner.data.status : "?");
    expect((await row()).version).toBe(1);
    expect(await auditCount(fx)).toBe(1);
  });

  it("does not find another group's escalation for a leader, and leaks nothing", async () => {
    signInAs(fx.users.leaderB);
    const before = await row();
    const result = await routeEscalation(forward());
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(result, fx.candidateA);
    expect(await row()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("answers NOT_FOUND for an escalation that does not exist", async () => {
    signInAs(fx.users.leaderA);
    expect(await routeEscalation(forward({ escalationId: "no-such-escalation" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("refuses without a session", async () => {
    const before = await row();
    const result = await routeEscalation(forward());
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await row()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  for (const role of ROLES.filter((r) => !can([r], "escalation.route"))) {
    it(`refuses ${role}`, async () => {
      signInAs(await personWithRoles(fx, [role]));
      const before = await row();
      const result = await routeEscalation(forward());
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expectNoPersonalData(result, fx.candidateA);
      expect(await row()).toEqual(before);
      expect(await auditCount(fx)).toBe(0);
    });
  }

  it("refuses the caller who raised it (callers do not route escalations)", async () => {
    signInAs(fx.users.callerA);
    expect(await routeEscalation(forward())).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await row()).status).toBe("OPEN");
  });

  // the inputs are built inside the test: the escalation's id exists only once beforeEach has run
  it.each([
    ["a status", () => forward({ status: "RESOLVED" }), {}],
    ["an assignee", () => forward({ assigneeId: "someone" }), {}],
    ["advice on a forward", () => forward({ advice: "顺便写点建议" }), {}],
    ["a team on a send-back", () => sendBack("建议", { toTeam: "STRIKE" }), {}],
    ["an unknown decision", () => forward({ decision: "resolve" }), { decision: [expect.any(String)] }],
  ])("refuses extra or unknown posted fields (%s) and changes nothing", async (_, input, fieldErrors) => {
    signInAs(fx.users.leaderA);
    const before = await row();
    const result = await routeEscalation(input());
    // nothing but the extra field is wrong: no error names a field of the form
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors });
    expect(await row()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });
});
