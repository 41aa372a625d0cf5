import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { routeEscalation } from "@/app/(app)/groups/actions";
import { decideLeave } from "@/app/(app)/groups/leave-actions";
import { markAllNoticesRead, markNoticeRead } from "@/app/(app)/inbox/actions";
import { recordFinding } from "@/app/(app)/inspection/actions";
import { claimEscalation, resolveEscalation } from "@/app/(app)/strike/actions";
import { db } from "@/lib/db";
import { INBOX_PAGE_SIZE, inboxPage, latestNotices, unreadCount } from "@/lib/inbox/queries";
import { addDaysToDay, beijingDay, toDateColumn } from "@/lib/time";
import { createCampaign } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture, personWithRoles } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

const noticesOf = (userId: string) =>
  db().notice.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

let fx: CallsFixture;
beforeEach(async () => {
  fx = await buildCallsFixture({ openPhase: 4 });
  signInAs(null);
});

describe("the actions that tell a caller", () => {
  it("an inspector's finding on a false log: the violation, the percent, the candidate and the reason", async () => {
    const log = await db().contactLog.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        callerId: fx.users.callerA.id,
        phase: 4,
        channel: "PHONE",
        startedAt: new Date(Date.now() - 3_600_000),
        durationSeconds: 120,
        outcome: "CONSULTED",
        idempotencyKey: randomUUID(),
      },
    });
    // judged false already (the verdict's own rules are tests/integration/inspection-actions.test.ts)
    const inspection = await db().inspection.create({
      data: {
        campaignId: fx.campaign.id,
        contactLogId: log.id,
        reason: "SAMPLE",
        weekStart: toDateColumn(beijingDay(new Date())),
        verdict: "FALSE",
        evidence: "家长说没接到电话",
        inspectorId: fx.users.inspector.id,
        checkedAt: new Date(),
      },
    });
    signInAs(fx.users.inspector);
    expect(await noticesOf(fx.users.callerA.id)).toEqual([]);

    const result = await recordFinding({
      inspectionId: inspection.id,
      kind: "FAKE_CALLBACK",
      deductionPercent: "30",
      description: "记录的通话不存在",
      correctionDeadline: "2099-01-31",
    });
    expect(result.ok).toBe(true);
    const [notice, ...rest] = await noticesOf(fx.users.callerA.id);
    expect(rest).toEqual([]);
    expect(notice).toMatchObject({
      campaignId: fx.campaign.id,
      kind: "FINDING",
      readAt: null,
      href: "/calls",
      params: {
        candidateName: fx.candidateA.name,
        violation: "FAKE_CALLBACK",
        deductionPercent: 30,
        payoutPercent: null,
        reason: "记录的通话不存在",
        correctionDeadline: "2099-01-31",
      },
    });
    // the inspector is told nothing; nobody else either
    expect(await db().notice.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("a 误退 finding made directly names the policy's payout percent and no candidate", async () => {
    signInAs(fx.users.inspector);
    expect(
      (
        await recordFinding({
          callerId: fx.users.callerB.id,
          kind: "MISTAKEN_WITHDRAWAL",
          description: "材料不全即退档",
        })
      ).ok,
    ).toBe(true);
    expect(await noticesOf(fx.users.callerB.id)).toMatchObject([
      {
        kind: "FINDING",
        params: {
          candidateName: null,
          violation: "MISTAKEN_WITHDRAWAL",
          deductionPercent: null,
          payoutPercent: 50,
          reason: "材料不全即退档",
        },
      },
    ]);
  });

  it("a refused finding tells nobody", async () => {
    signInAs(fx.users.inspector);
    const refused = await recordFinding({
      callerId: fx.users.callerA.id,
      kind: "FRAUD",
      deductionPercent: "10",
      description: "x",
    });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().notice.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });

  it("a leave decision: refused with the leader's reason, approved with the candidates handed over", async () => {
    const profile = await db().staffProfile.findFirstOrThrow({
      where: { campaignId: fx.campaign.id, userId: fx.users.callerA.id },
    });
    const today = beijingDay(new Date());
    const leave = (startsOn: string, endsOn: string) =>
      db().leave.create({
        data: {
          campaignId: fx.campaign.id,
          staffProfileId: profile.id,
          startsOn: toDateColumn(startsOn),
          endsOn: toDateColumn(endsOn),
          reason: "家中有事",
        },
      });
    const first = await leave(addDaysToDay(today, 5), addDaysToDay(today, 6));
    signInAs(fx.users.leaderA);
    expect((await decideLeave({ leaveId: first.id, decision: "refuse", note: "报到周人手紧" })).ok).toBe(true);
    const second = await leave(today, addDaysToDay(today, 1));
    expect(await decideLeave({ leaveId: second.id, decision: "approve" })).toMatchObject({
      ok: true,
      data: { reassigned: 1 },
    });
    // the hand-back on approval tells of the moved candidates in a notice of its own (CANDIDATES_MOVED)
    const decisions = (await noticesOf(fx.users.callerA.id)).filter((n) => n.kind === "LEAVE_DECISION");
    expect(decisions).toMatchObject([
      {
        kind: "LEAVE_DECISION",
        href: "/calls/leave",
        params: {
          approved: false,
          from: addDaysToDay(today, 5),
          to: addDaysToDay(today, 6),
          reason: "报到周人手紧",
          reassigned: 0,
        },
      },
      {
        kind: "LEAVE_DECISION",
        params: { approved: true, from: today, to: addDaysToDay(today, 1), reason: null, reassigned: 1 },
      },
    ]);
  });

  it("the leader sends an escalation back: the caller who raised it and the one holding the candidate read the advice", async () => {
    // raised by caller A, and the candidate has since gone to the leader (also a caller)
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { assignedCallerId: fx.users.leaderA.id } });
    const raised = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerA.id,
      },
    });
    signInAs(fx.users.leaderA);
    const sent = await routeEscalation({
      escalationId: raised.id,
      version: "0",
      decision: "sendBack",
      advice: "先和家长约时间再打",
    });
    expect(sent.ok).toBe(true);
    // the leader holds the candidate but made the decision: only caller A is told
    expect(await noticesOf(fx.users.leaderA.id)).toEqual([]);
    expect(await noticesOf(fx.users.callerA.id)).toMatchObject([
      {
        kind: "ESCALATION_ADVICE",
        href: `/calls/${fx.candidateA.id}`,
        params: { candidateName: fx.candidateA.name, advice: "先和家长约时间再打" },
      },
    ]);

    // forwarding to the strike team is no send-back: nobody is told
    const other = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerA.id,
      },
    });
    expect((await routeEscalation({ escalationId: other.id, version: "0", decision: "forward" })).ok).toBe(true);
    expect(await db().notice.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("the strike team closes a case: the caller who raised it and the current caller learn the outcome and the note", async () => {
    const callerA2 = await personWithRoles(fx, ["CALLER"]);
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { assignedCallerId: callerA2.id } });
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
    signInAs(fx.users.strike);
    expect((await claimEscalation({ escalationId: escalation.id })).ok).toBe(true);
    // a refused close tells nobody
    expect(await resolveEscalation({ escalationId: escalation.id, outcome: "LOST" })).toMatchObject({ ok: false });
    expect(await db().notice.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    expect((await resolveEscalation({ escalationId: escalation.id, outcome: "LOST", note: "已入伍" })).ok).toBe(true);
    for (const reader of [fx.users.callerA.id, callerA2.id]) {
      expect(await noticesOf(reader)).toMatchObject([
        {
          kind: "ESCALATION_OUTCOME",
          href: `/calls/${fx.candidateA.id}`,
          params: { candidateName: fx.candidateA.name, outcome: "LOST", resolution: "已入伍" },
        },
      ]);
    }
    expect(await noticesOf(fx.users.strike.id)).toEqual([]);
  });
});

describe("reading the inbox", () => {
  const write = (userId: string, count: number, campaignId = fx.campaign.id) =>
    db().notice.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        userId,
        campaignId,
        kind: "ESCALATION_ADVICE" as const,
        params: { candidateName: `考生${i}`, advice: `建议${i}` },
        // one second apart, the last one newest
        createdAt: new Date(Date.now() - (count - i) * 1000),
      })),
    });

  it("counts the reader's unread notices of the campaign only, and pages them newest first", async () => {
    await write(fx.users.callerA.id, INBOX_PAGE_SIZE + 5);
    await write(fx.users.callerB.id, 2);
    // the same reader's notice of another campaign is not counted here
    const other = await createCampaign(db(), { now: new Date(), openPhase: 1, name: `另一届 ${fx.tag}` });
    await write(fx.users.callerA.id, 1, other.id);
    expect(await unreadCount(fx.users.callerA.id, other.id)).toBe(1);
    expect(await unreadCount(fx.users.callerA.id, fx.campaign.id)).toBe(INBOX_PAGE_SIZE + 5);
    expect(await unreadCount(fx.users.callerB.id, fx.campaign.id)).toBe(2);
    const first = await inboxPage(fx.users.callerA.id, fx.campaign.id, 1);
    expect(first).toMatchObject({ total: INBOX_PAGE_SIZE + 5, unread: INBOX_PAGE_SIZE + 5, page: 1, pages: 2 });
    expect(first.notices).toHaveLength(INBOX_PAGE_SIZE);
    expect(first.notices[0]?.params).toMatchObject({ candidateName: `考生${INBOX_PAGE_SIZE + 4}` });
    const second = await inboxPage(fx.users.callerA.id, fx.campaign.id, 2);
    expect(second.notices.map((n) => (n.params as { candidateName: string }).candidateName)).toEqual([
      "考生4",
      "考生3",
      "考生2",
      "考生1",
      "考生0",
    ]);
    // a page past the end shows the last one
    expect((await inboxPage(fx.users.callerA.id, fx.campaign.id, 99)).page).toBe(2);
    expect((await latestNotices(fx.users.callerB.id, fx.campaign.id)).map((n) => n.params)).toEqual([
      { candidateName: "考生1", advice: "建议1" },
      { candidateName: "考生0", advice: "建议0" },
    ]);
  });

  it("marks one read: the reader's own only; another's notice is not found and stays unread", async () => {
    await write(fx.users.callerA.id, 2);
    await write(fx.users.callerB.id, 1);
    const [mine] = await noticesOf(fx.users.callerA.id);
    const [theirs] = await noticesOf(fx.users.callerB.id);
    if (!mine || !theirs) throw new Error("notices not written");

    signInAs(fx.users.callerA);
    expect(await markNoticeRead({ noticeId: theirs.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().notice.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await markNoticeRead({ noticeId: "no-such-notice" })).toMatchObject({ ok: false, code: "NOT_FOUND" });

    expect(await markNoticeRead({ noticeId: mine.id })).toEqual({ ok: true, data: { read: 1 } });
    expect((await db().notice.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toBeInstanceOf(Date);
    expect(await unreadCount(fx.users.callerA.id, fx.campaign.id)).toBe(1);
    // read twice: nothing more changes, still the reader's
    expect(await markNoticeRead({ noticeId: mine.id })).toEqual({ ok: true, data: { read: 0 } });
    expect(await unreadCount(fx.users.callerB.id, fx.campaign.id)).toBe(1);
    // the reader's own state: no audit row
    expect(await auditCount(fx, { action: "notice.read" })).toBe(0);
  });

  it("marks all read: the reader's notices of the campaign in use, nobody else's", async () => {
    await write(fx.users.callerA.id, 3);
    await write(fx.users.callerB.id, 2);
    signInAs(fx.users.callerA);
    const asOf = new Date().toISOString();
    // a notice that arrives after the page was drawn has not been seen: it stays unread
    await db().notice.create({
      data: {
        userId: fx.users.callerA.id,
        campaignId: fx.campaign.id,
        kind: "ESCALATION_ADVICE",
        params: { candidateName: "后来的", advice: "刚到" },
        createdAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await markAllNoticesRead({ asOf })).toEqual({ ok: true, data: { read: 3 } });
    expect(await unreadCount(fx.users.callerA.id, fx.campaign.id)).toBe(1);
    expect(await unreadCount(fx.users.callerB.id, fx.campaign.id)).toBe(2);
    expect(await markAllNoticesRead({ asOf })).toEqual({ ok: true, data: { read: 0 } });
  });

  it("refuses a reader who is not signed in, and extra fields", async () => {
    await write(fx.users.callerA.id, 1);
    const [mine] = await noticesOf(fx.users.callerA.id);
    expect(await markNoticeRead({ noticeId: mine?.id })).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    signInAs(fx.users.callerA);
    expect(await markAllNoticesRead({})).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await markAllNoticesRead({ asOf: new Date().toISOString(), userId: fx.users.callerB.id })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await unreadCount(fx.users.callerA.id, fx.campaign.id)).toBe(1);
  });
});
