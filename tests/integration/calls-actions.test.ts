import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { editContact, logContact, revealPhone } from "@/app/(app)/calls/actions";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { addDaysToDay, beijingDay } from "@/lib/time";
import { campaignDays, type DayRange } from "@/lib/workflow";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  closePhase,
  DAY,
  expectNoPersonalData,
  HOUR,
  insertLog,
  personWithRoles,
  warmPool,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

/** A contact as the log form posts it. */
function contact(candidateId: string, patch: Record<string, unknown> = {}) {
  return {
    candidateId,
    idempotencyKey: randomUUID(),
    channel: "WECHAT",
    durationSeconds: "180",
    outcome: "CONSULTED",
    notes: "问了报到时间",
    ...patch,
  };
}

/** The days of the fixture campaign's phases: where a follow-up may fall. */
async function phaseDays(fx: CallsFixture): Promise<DayRange> {
  const windows = await db().phaseWindow.findMany({ where: { campaignId: fx.campaign.id } });
  return campaignDays(windows) as DayRange;
}

describe("logContact (phase 4 open)", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    signInAs(null);
  });

  it("records the contact, changes the candidate's status and writes exactly one audit row", async () => {
    signInAs(fx.users.callerA);
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact(contact(fx.candidateA.id, { outcome: "ENROLLED" }));
    expect(result).toMatchObject({ ok: true, data: { duplicate: false, escalated: false } });
    if (!result.ok) return;

    const after = await candidateState(fx.candidateA.id);
    expect(after.logs).toHaveLength(1);
    expect(after.logs[0]).toMatchObject({
      id: result.data.logId,
      callerId: fx.users.callerA.id,
      campaignId: fx.campaign.id,
      phase: 4,
      channel: "WECHAT",
      durationSeconds: 180,
      outcome: "ENROLLED",
      notes: "问了报到时间",
    });
    expect(after.candidate).toMatchObject({ enrollment: "ENROLLED", version: before.candidate.version + 1 });
    expect(after.candidate.lastContactAt).toEqual(after.logs[0]?.startedAt);
    expect(after.escalations).toEqual([]);

    const audit = await db().auditLog.findMany({ where: { entityId: result.data.logId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: fx.users.callerA.id,
      action: "contact.create",
      entityType: "ContactLog",
    });
    expect(await auditCount(fx)).toBe(1);
  });

  it("refuses without a session and changes nothing", async () => {
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact(contact(fx.candidateA.id));
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  for (const role of ROLES.filter((r) => !can([r], "contact.log"))) {
    it(`refuses ${role} and changes nothing`, async () => {
      signInAs(await personWithRoles(fx, [role]));
      const before = await candidateState(fx.candidateA.id);
      const result = await logContact(contact(fx.candidateA.id));
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expectNoPersonalData(result, fx.candidateA);
      expect(await candidateState(fx.candidateA.id)).toEqual(before);
      expect(await auditCount(fx)).toBe(0);
    });
  }

  it("does not find another caller's candidate and leaks nothing about them", async () => {
    signInAs(fx.users.callerB);
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact(contact(fx.candidateA.id));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(result, fx.candidateA);
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("does not let a group leader log on a candidate assigned to a caller of their group", async () => {
    signInAs(fx.users.leaderA);
    const result = await logContact(contact(fx.candidateA.id));
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await candidateState(fx.candidateA.id)).logs).toEqual([]);
  });

  it("lets a strike-team member log only on a candidate whose escalation they claimed", async () => {
    signInAs(fx.users.strike);
    expect(await logContact(contact(fx.candidateA.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "PHONE_OFF",
        fromUserId: fx.users.callerA.id,
        toTeam: "STRIKE",
        status: "CLAIMED",
        assigneeId: fx.users.strike.id,
      },
    });
    const result = await logContact(contact(fx.candidateA.id));
    expect(result.ok).toBe(true);
    const logs = (await candidateState(fx.candidateA.id)).logs;
    expect(logs.map((l) => l.callerId)).toEqual([fx.users.strike.id]);
  });

  it.each([
    ["the author", { callerId: "someone-else" }],
    ["the phase", { phase: 1 }],
    ["a status change", { enrollment: "ENROLLED" }],
    ["the campaign", { campaignId: "other-campaign" }],
  ])("refuses extra posted fields (%s) and changes nothing", async (_, extra) => {
    signInAs(fx.users.callerA);
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact({ ...contact(fx.candidateA.id), ...extra });
    // nothing but the extra field is wrong: no error names a field of the form
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: {} });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it.each(["PAID", "GUIDED", "INTENT_FIRST_CHOICE", "WITHDRAWAL_AGREED", "NO_SUCH_RESULT"])(
    "refuses the result %s, which phase 4 does not have",
    async (outcome) => {
      signInAs(fx.users.callerA);
      const before = await candidateState(fx.candidateA.id);
      const result = await logContact(contact(fx.candidateA.id, { outcome }));
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["outcome"]);
      expect(await candidateState(fx.candidateA.id)).toEqual(before);
      expect(await auditCount(fx)).toBe(0);
    },
  );

  it("refuses a result the candidate's status no longer allows (enrolled: consultation only)", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { enrollment: "ENROLLED" } });
    signInAs(fx.users.callerA);
    const before = await candidateState(fx.candidateA.id);
    for (const outcome of ["NOT_ENROLLED", "REGRETTED", "UNREACHABLE_PHONE_OFF"]) {
      const result = await logContact(contact(fx.candidateA.id, { outcome, noShowReason: "复读" }));
      expect(result, outcome).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { outcome: expect.any(Array) },
      });
    }
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect((await logContact(contact(fx.candidateA.id, { outcome: "CONSULTED" }))).ok).toBe(true);
  });

  it("refuses every result for a candidate who was not admitted", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { admitted: false } });
    signInAs(fx.users.callerA);
    const result = await logContact(contact(fx.candidateA.id));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await candidateState(fx.candidateA.id)).logs).toEqual([]);
  });

  it("requires a reason for a no-show, and stores it", async () => {
    signInAs(fx.users.callerA);
    const before = await candidateState(fx.candidateA.id);
    for (const noShowReason of [undefined, "", "   "]) {
      const result = await logContact(contact(fx.candidateA.id, { outcome: "NOT_ENROLLED", noShowReason }));
      expect(result, JSON.stringify(noShowReason)).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { noShowReason: expect.any(Array) },
      });
    }
    expect(await candidateState(fx.candidateA.id)).toEqual(before);

    const ok = await logContact(contact(fx.candidateA.id, { outcome: "NOT_ENROLLED", noShowReason: " 决定复读 " }));
    expect(ok.ok).toBe(true);
    expect((await candidateState(fx.candidateA.id)).candidate).toMatchObject({
      enrollment: "NOT_ENROLLED",
      noShowReason: "决定复读",
    });
  });

  it("refuses a contact once the phase has closed (CLOSED) and changes nothing", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.callerA);
    const before = await candidateState(fx.candidateA.id);
    const result = await logContact(contact(fx.candidateA.id));
    expect(result).toMatchObject({ ok: false, code: "CLOSED", error: "该阶段已结束，记录只读。" });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses a contact dated more than 24 h back, or in the future", async () => {
    signInAs(fx.users.callerA);
    const tooOld = new Date(Date.now() - 25 * HOUR).toISOString();
    const future = new Date(Date.now() + HOUR).toISOString();
    for (const startedAt of [tooOld, future]) {
      const result = await logContact(contact(fx.candidateA.id, { startedAt }));
      expect(result, startedAt).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { startedAt: expect.any(Array) },
      });
    }
    const earlierToday = new Date(Date.now() - 3 * HOUR);
    const result = await logContact(contact(fx.candidateA.id, { startedAt: earlierToday.toISOString() }));
    expect(result.ok).toBe(true);
    expect((await candidateState(fx.candidateA.id)).logs[0]?.startedAt).toEqual(earlierToday);
  });

  it("refuses a next follow-up before the contact itself", async () => {
    signInAs(fx.users.callerA);
    const result = await logContact(
      contact(fx.candidateA.id, { nextFollowUpAt: new Date(Date.now() - 2 * DAY).toISOString() }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { nextFollowUpAt: expect.any(Array) },
    });
    expect((await candidateState(fx.candidateA.id)).logs).toEqual([]);
  });

  it("refuses a next follow-up outside the campaign's phases (year 9999), naming the range", async () => {
    signInAs(fx.users.callerA);
    const { first, last } = await phaseDays(fx);
    for (const nextFollowUpAt of ["9999-12-31", "1900-01-01", `${addDaysToDay(last, 1)}T04:00:00Z`]) {
      const result = await logContact(contact(fx.candidateA.id, { nextFollowUpAt }));
      expect(result, nextFollowUpAt).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { nextFollowUpAt: [`跟进日期须在 ${first} 至 ${last} 之间。`] },
      });
    }
    expect(await candidateState(fx.candidateA.id)).toMatchObject({ logs: [], candidate: { nextFollowUpAt: null } });
    expect(await auditCount(fx, { action: "contact.create" })).toBe(0);
    // the last day of the phases is still a follow-up date
    const lastDay = new Date(`${last}T20:00:00+08:00`);
    expect(await logContact(contact(fx.candidateA.id, { nextFollowUpAt: lastDay.toISOString() }))).toMatchObject({
      ok: true,
    });
    expect((await candidateState(fx.candidateA.id)).candidate.nextFollowUpAt).toEqual(lastDay);
  });

  describe("the idempotency key (docs/reliability.md #7)", () => {
    it.each([2, 5])("%i identical submissions in parallel make one log, one audit row, one answer", async (n) => {
      signInAs(fx.users.callerA);
      const submission = contact(fx.candidateA.id, { outcome: "ENROLLED" });
      const before = await candidateState(fx.candidateA.id);
      await warmPool();
      const results = await Promise.all(Array.from({ length: n }, () => logContact({ ...submission })));

      for (const result of results) expect(result.ok).toBe(true);
      const ids = new Set(results.map((r) => (r.ok ? r.data.logId : null)));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);

      const after = await candidateState(fx.candidateA.id);
      expect(after.logs).toHaveLength(1);
      expect(ids.has(after.logs[0]?.id ?? "")).toBe(true);
      // the status changed once, not n times
      expect(after.candidate.version).toBe(before.candidate.version + 1);
      expect(await auditCount(fx, { action: "contact.create" })).toBe(1);
    });

    it("answers a later resubmission with the first log and changes nothing", async () => {
      signInAs(fx.users.callerA);
      const submission = contact(fx.candidateA.id);
      const first = await logContact(submission);
      const state = await candidateState(fx.candidateA.id);
      const again = await logContact({ ...submission, durationSeconds: "999", notes: "重试" });
      expect(again).toEqual({
        ok: true,
        data: { logId: first.ok ? first.data.logId : "?", duplicate: true, escalated: false },
      });
      expect(await candidateState(fx.candidateA.id)).toEqual(state);
      expect(await auditCount(fx)).toBe(1);
    });

    it("refuses another caller's key without showing their log", async () => {
      signInAs(fx.users.callerA);
      const submission = contact(fx.candidateA.id);
      const first = await logContact(submission);
      expect(first.ok).toBe(true);
      signInAs(fx.users.callerB);
      const result = await logContact({ ...submission, candidateId: fx.candidateB.id });
      expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
      expect(JSON.stringify(result)).not.toContain(first.ok ? first.data.logId : "?");
      expectNoPersonalData(result, fx.candidateA);
      expect((await candidateState(fx.candidateB.id)).logs).toEqual([]);
    });
  });

  describe("escalations", () => {
    const unreachable = (startedAt: Date, outcome = "UNREACHABLE_PHONE_OFF") =>
      insertLog(fx, { candidateId: fx.candidateA.id, callerId: fx.users.callerA.id, phase: 4, startedAt, outcome });

    it("raises exactly one OPEN escalation on the third unreachable attempt over two days, not a second on the fourth", async () => {
      const now = Date.now();
      await unreachable(new Date(now - 2 * DAY));
      await unreachable(new Date(now - 2 * DAY + HOUR), "UNREACHABLE_REFUSED");
      signInAs(fx.users.callerA);

      const third = await logContact(contact(fx.candidateA.id, { outcome: "UNREACHABLE_SUSPENDED", channel: "PHONE" }));
      expect(third).toMatchObject({ ok: true, data: { escalated: true } });
      const escalations = (await candidateState(fx.candidateA.id)).escalations;
      expect(escalations).toHaveLength(1);
      expect(escalations[0]).toMatchObject({
        status: "OPEN",
        reason: "SUSPENDED",
        toTeam: "GROUP_LEADER",
        fromUserId: fx.users.callerA.id,
        campaignId: fx.campaign.id,
      });
      // the escalation is part of the contact: still one audit row
      expect(await auditCount(fx)).toBe(1);

      const fourth = await logContact(contact(fx.candidateA.id, { outcome: "UNREACHABLE_PHONE_OFF" }));
      expect(fourth).toMatchObject({ ok: true, data: { escalated: false } });
      expect((await candidateState(fx.candidateA.id)).escalations).toHaveLength(1);
    });

    it("does not escalate three unreachable attempts made on one Beijing day", async () => {
      const now = Date.now();
      // the start of today in Beijing (UTC+8), or an hour ago if that is later: the same Beijing day as now
      const startOfBeijingDay = Date.parse(`${beijingDay(new Date(now))}T00:00:00+08:00`);
      const earlier = new Date(Math.max(startOfBeijingDay, now - HOUR));
      await unreachable(earlier);
      await unreachable(earlier);
      signInAs(fx.users.callerA);
      const third = await logContact(
        contact(fx.candidateA.id, { outcome: "UNREACHABLE_PHONE_OFF", startedAt: new Date(now).toISOString() }),
      );
      expect(third).toMatchObject({ ok: true, data: { escalated: false } });
      expect((await candidateState(fx.candidateA.id)).escalations).toEqual([]);
    });

    it("does not escalate when the candidate was reached between the attempts", async () => {
      const now = Date.now();
      await unreachable(new Date(now - 2 * DAY));
      await unreachable(new Date(now - 2 * DAY + HOUR));
      await unreachable(new Date(now - DAY), "CONSULTED");
      signInAs(fx.users.callerA);
      const result = await logContact(contact(fx.candidateA.id, { outcome: "UNREACHABLE_PHONE_OFF" }));
      expect(result).toMatchObject({ ok: true, data: { escalated: false } });
      expect((await candidateState(fx.candidateA.id)).escalations).toEqual([]);
    });

    it("sends a candidate who regrets to the group leader (反悔)", async () => {
      signInAs(fx.users.callerA);
      const result = await logContact(contact(fx.candidateA.id, { outcome: "REGRETTED" }));
      expect(result).toMatchObject({ ok: true, data: { escalated: true } });
      const state = await candidateState(fx.candidateA.id);
      expect(state.candidate.comeIntent).toBe("WILL_NOT_COME");
      expect(state.escalations).toHaveLength(1);
      expect(state.escalations[0]).toMatchObject({ reason: "REGRETTED", status: "OPEN", toTeam: "GROUP_LEADER" });
    });

    it("resolves an escalation sent back with advice once the caller makes a new contact", async () => {
      const sentBack = await db().escalation.create({
        data: {
          campaignId: fx.campaign.id,
          candidateId: fx.candidateA.id,
          reason: "PHONE_OFF",
          fromUserId: fx.users.callerA.id,
          status: "SENT_BACK",
          advice: "晚上八点后打家长电话",
          version: 1,
        },
      });
      signInAs(fx.users.callerA);
      const result = await logContact(contact(fx.candidateA.id, { outcome: "CONSULTED" }));
      expect(result).toMatchObject({ ok: true, data: { escalated: false } });
      const escalation = await db().escalation.findUniqueOrThrow({ where: { id: sentBack.id } });
      expect(escalation).toMatchObject({ status: "RESOLVED", version: 2 });
      expect(escalation.resolvedAt).toBeInstanceOf(Date);
      expect(await auditCount(fx)).toBe(1);
    });

    it("raises one escalation when regrets are logged at the same moment (different submissions)", async () => {
      signInAs(fx.users.callerA);
      await warmPool();
      const results = await Promise.all(
        (["PHONE", "WECHAT", "SMS", "QQ"] as const).map((channel) =>
          logContact(contact(fx.candidateA.id, { outcome: "REGRETTED", channel })),
        ),
      );
      for (const result of results) expect(result.ok).toBe(true);
      const open = (await candidateState(fx.candidateA.id)).escalations.filter((e) => e.status === "OPEN");
      expect(open).toHaveLength(1);
    });

    it("does not raise a second escalation while one is in the strike team's hands", async () => {
      await db().escalation.create({
        data: {
          campaignId: fx.campaign.id,
          candidateId: fx.candidateA.id,
          reason: "PHONE_OFF",
          fromUserId: fx.users.callerA.id,
          toTeam: "STRIKE",
          status: "FORWARDED",
        },
      });
      signInAs(fx.users.callerA);
      const result = await logContact(contact(fx.candidateA.id, { outcome: "REGRETTED" }));
      expect(result).toMatchObject({ ok: true, data: { escalated: false } });
      expect((await candidateState(fx.candidateA.id)).escalations).toHaveLength(1);
    });
  });
});

describe("logContact (phase 2 open: intent and withdrawal)", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    signInAs(fx.users.callerA);
  });

  it("records the intent", async () => {
    const result = await logContact(contact(fx.candidateA.id, { outcome: "INTENT_NOT_FIRST_CHOICE" }));
    expect(result.ok).toBe(true);
    expect((await candidateState(fx.candidateA.id)).candidate.intent).toBe("NOT_FIRST_CHOICE");
  });

  it("starts the withdrawal when a not-first-choice candidate agrees to withdraw", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { intent: "NOT_FIRST_CHOICE" } });
    const result = await logContact(contact(fx.candidateA.id, { outcome: "WITHDRAWAL_AGREED" }));
    expect(result.ok).toBe(true);
    const state = await candidateState(fx.candidateA.id);
    expect(state.candidate.withdrawal).toBe("AGREED");
    expect(state.withdrawals).toHaveLength(1);
    expect(state.withdrawals[0]).toMatchObject({
      status: "AGREED",
      callerId: fx.users.callerA.id,
      campaignId: fx.campaign.id,
      checklist: [],
      photos: [],
    });
    expect(await auditCount(fx)).toBe(1);

    // agreed once: a second agreement is not offered, so no second request is opened
    const again = await logContact(contact(fx.candidateA.id, { outcome: "WITHDRAWAL_AGREED" }));
    expect(again).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await candidateState(fx.candidateA.id)).withdrawals).toHaveLength(1);
  });

  it.each([null, "FIRST_CHOICE"] as const)(
    "does not offer withdrawal to a candidate whose intent is %s",
    async (intent) => {
      await db().candidate.update({ where: { id: fx.candidateA.id }, data: { intent } });
      const before = await candidateState(fx.candidateA.id);
      const result = await logContact(contact(fx.candidateA.id, { outcome: "WITHDRAWAL_AGREED" }));
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { outcome: expect.any(Array) } });
      expect(await candidateState(fx.candidateA.id)).toEqual(before);
    },
  );

  it("opens one withdrawal request even when agreements (different submissions) race", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { intent: "NOT_FIRST_CHOICE" } });
    await warmPool();
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => logContact(contact(fx.candidateA.id, { outcome: "WITHDRAWAL_AGREED" }))),
    );
    expect(results.some((r) => r.ok)).toBe(true);
    // whether the second contact is logged or refused, the data team must not get two requests to review
    const state = await candidateState(fx.candidateA.id);
    expect(state.withdrawals).toHaveLength(1);
    expect(state.candidate.withdrawal).toBe("AGREED");
  });

  it("refuses phase 4 results while phase 2 is open", async () => {
    const result = await logContact(contact(fx.candidateA.id, { outcome: "ENROLLED" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await candidateState(fx.candidateA.id)).candidate.enrollment).toBe("PENDING");
  });
});

describe("editContact", () => {
  let fx: CallsFixture;
  let logId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    signInAs(fx.users.callerA);
    const created = await logContact(
      contact(fx.candidateA.id, { channel: "PHONE", durationSeconds: "60", notes: "初次" }),
    );
    if (!created.ok) throw new Error(`setup: ${created.code}`);
    logId = created.data.logId;
    signInAs(null);
  });

  const edit = (patch: Record<string, unknown> = {}) => ({
    logId,
    channel: "WECHAT",
    durationSeconds: "600",
    notes: "补充：家长也在",
    ...patch,
  });
  const logRow = () => db().contactLog.findUniqueOrThrow({ where: { id: logId } });

  it("refuses a corrected follow-up outside the campaign's phases, naming the range, and changes nothing", async () => {
    signInAs(fx.users.callerA);
    const { first, last } = await phaseDays(fx);
    const before = await logRow();
    const result = await editContact(edit({ nextFollowUpAt: "9999-06-01" }));
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { nextFollowUpAt: [`跟进日期须在 ${first} 至 ${last} 之间。`] },
    });
    expect(await logRow()).toEqual(before);
    expect(await auditCount(fx, { action: "contact.update" })).toBe(0);
  });

  it("lets the author correct the details within 24 h, with one audit row", async () => {
    signInAs(fx.users.callerA);
    const auditBefore = await auditCount(fx);
    const result = await editContact(edit());
    expect(result).toEqual({ ok: true, data: { logId } });
    expect(await logRow()).toMatchObject({
      channel: "WECHAT",
      durationSeconds: 600,
      notes: "补充：家长也在",
      outcome: "CONSULTED",
    });
    const audit = await db().auditLog.findMany({ where: { entityId: logId, action: "contact.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: fx.users.callerA.id,
      entityType: "ContactLog",
      before: { channel: "PHONE", durationSeconds: 60, notes: "初次" },
      after: { channel: "WECHAT", durationSeconds: 600, notes: "补充：家长也在" },
    });
    expect(await auditCount(fx)).toBe(auditBefore + 1);
  });

  it("refuses once 24 h have passed since the log was recorded", async () => {
    await db().contactLog.update({
      where: { id: logId },
      data: { createdAt: new Date(Date.now() - 24 * HOUR - 60_000) },
    });
    signInAs(fx.users.callerA);
    const before = await logRow();
    const auditBefore = await auditCount(fx);
    const result = await editContact(edit());
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { logId: expect.any(Array) } });
    expect(await logRow()).toEqual(before);
    expect(await auditCount(fx)).toBe(auditBefore);
  });

  it("still allows a correction a little under 24 h later", async () => {
    await db().contactLog.update({ where: { id: logId }, data: { createdAt: new Date(Date.now() - 23 * HOUR) } });
    signInAs(fx.users.callerA);
    expect((await editContact(edit())).ok).toBe(true);
  });

  it("does not find the log for another caller and leaks nothing", async () => {
    signInAs(fx.users.callerB);
    const before = await logRow();
    const auditBefore = await auditCount(fx);
    const result = await editContact(edit());
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(result, fx.candidateA);
    expect(await logRow()).toEqual(before);
    expect(await auditCount(fx)).toBe(auditBefore);
  });

  it("refuses the caller who took the candidate over: only the author corrects a log", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { assignedCallerId: fx.users.callerB.id } });
    signInAs(fx.users.callerB);
    const before = await logRow();
    const result = await editContact(edit());
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { logId: expect.any(Array) } });
    expect(await logRow()).toEqual(before);
  });

  it("refuses once the phase has closed (CLOSED)", async () => {
    await closePhase(fx, 4);
    signInAs(fx.users.callerA);
    const before = await logRow();
    const auditBefore = await auditCount(fx);
    const result = await editContact(edit());
    expect(result).toMatchObject({ ok: false, code: "CLOSED" });
    expect(await logRow()).toEqual(before);
    expect(await auditCount(fx)).toBe(auditBefore);
  });

  it("refuses without a session", async () => {
    const before = await logRow();
    expect(await editContact(edit())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await logRow()).toEqual(before);
  });

  for (const role of ROLES.filter((r) => !can([r], "contact.log"))) {
    it(`refuses ${role}`, async () => {
      signInAs(await personWithRoles(fx, [role]));
      const before = await logRow();
      const auditBefore = await auditCount(fx);
      expect(await editContact(edit())).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await logRow()).toEqual(before);
      expect(await auditCount(fx)).toBe(auditBefore);
    });
  }

  it.each([
    ["the result", { outcome: "ENROLLED" }],
    ["the author", { callerId: "someone-else" }],
    ["the time", { startedAt: new Date().toISOString() }],
    ["the creation time", { createdAt: new Date().toISOString() }],
  ])("refuses extra posted fields (%s) and changes nothing", async (_, extra) => {
    signInAs(fx.users.callerA);
    const before = await logRow();
    const result = await editContact({ ...edit(), ...extra });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: {} });
    expect(await logRow()).toEqual(before);
  });

  it("moves the candidate's next follow-up when the latest contact's follow-up date is corrected", async () => {
    signInAs(fx.users.callerA);
    const nextWeek = new Date(Date.now() + 7 * DAY);
    expect((await editContact(edit({ nextFollowUpAt: nextWeek.toISOString() }))).ok).toBe(true);
    expect((await logRow()).nextFollowUpAt).toEqual(nextWeek);
    // "my candidates" sorts and counts "follow-up due" by the candidate's date, not the log's
    expect((await candidateState(fx.candidateA.id)).candidate.nextFollowUpAt).toEqual(nextWeek);
  });

  it("refuses a next follow-up before the contact, as logging does", async () => {
    signInAs(fx.users.callerA);
    const before = await logRow();
    const result = await editContact(edit({ nextFollowUpAt: new Date(Date.now() - 2 * DAY).toISOString() }));
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { nextFollowUpAt: expect.any(Array) },
    });
    expect(await logRow()).toEqual(before);
  });
});

describe("revealPhone", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    signInAs(null);
  });

  it("shows the assigned caller each number and audits every reveal", async () => {
    signInAs(fx.users.callerA);
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: "0" })).toEqual({
      ok: true,
      data: { phone: "13911112222" },
    });
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 1 })).toEqual({
      ok: true,
      data: { phone: "13933334444" },
    });
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 0 })).toMatchObject({ ok: true });
    const audit = await db().auditLog.findMany({
      where: { entityId: fx.candidateA.id, action: "candidate.revealPhone" },
      orderBy: { createdAt: "asc" },
    });
    expect(audit).toHaveLength(3);
    for (const row of audit) expect(row).toMatchObject({ actorId: fx.users.callerA.id, entityType: "Candidate" });
    expect(audit.map((row) => row.after)).toEqual(
      expect.arrayContaining([{ phoneIndex: 0 }, { phoneIndex: 1 }, { phoneIndex: 0 }]),
    );
  });

  it("does not find another caller's candidate and shows no number", async () => {
    signInAs(fx.users.callerB);
    const result = await revealPhone({ candidateId: fx.candidateA.id, index: 0 });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(result, fx.candidateA);
    expect(await auditCount(fx)).toBe(0);
  });

  it("does not show a group leader the numbers of their callers' candidates", async () => {
    signInAs(fx.users.leaderA);
    const result = await revealPhone({ candidateId: fx.candidateA.id, index: 0 });
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(result, fx.candidateA);
  });

  it("answers NOT_FOUND for a number the candidate does not have", async () => {
    signInAs(fx.users.callerA);
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 2 })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await auditCount(fx)).toBe(0);
  });

  it("shows a strike-team member the number only of a candidate whose escalation they claimed", async () => {
    signInAs(fx.users.strike);
    const before = await revealPhone({ candidateId: fx.candidateA.id, index: 0 });
    expect(before).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(before, fx.candidateA);
    await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "PHONE_OFF",
        fromUserId: fx.users.callerA.id,
        toTeam: "STRIKE",
        status: "CLAIMED",
        assigneeId: fx.users.strike.id,
      },
    });
    expect(await revealPhone({ candidateId: fx.candidateA.id, index: 0 })).toEqual({
      ok: true,
      data: { phone: "13911112222" },
    });
    expect(await auditCount(fx, { actorId: fx.users.strike.id, action: "candidate.revealPhone" })).toBe(1);
  });

  it("refuses without a session", async () => {
    const result = await revealPhone({ candidateId: fx.candidateA.id, index: 0 });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expectNoPersonalData(result, fx.candidateA);
    expect(await auditCount(fx)).toBe(0);
  });

  for (const role of ROLES.filter((r) => !can([r], "phone.reveal"))) {
    it(`refuses ${role}`, async () => {
      signInAs(await personWithRoles(fx, [role]));
      const result = await revealPhone({ candidateId: fx.candidateA.id, index: 0 });
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expectNoPersonalData(result, fx.candidateA);
      expect(await auditCount(fx)).toBe(0);
    });
  }

  it("refuses extra posted fields", async () => {
    signInAs(fx.users.callerA);
    const result = await revealPhone({ candidateId: fx.candidateA.id, index: 0, unmasked: true });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: {} });
    expectNoPersonalData(result, fx.candidateA);
    expect(await auditCount(fx)).toBe(0);
  });
});
