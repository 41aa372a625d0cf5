import { beforeEach, describe, expect, it } from "vitest";
import { takeFromBoard } from "@/app/(app)/strike/board/actions";
import { forwardFromWorklist } from "@/app/(app)/worklists/actions";
import { db } from "@/lib/db";
import { rowsOf, worklist, worklistGroups } from "@/lib/worklists/queries";
import { createCandidate } from "@/prisma/seed/factories";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  insertLog,
  personWithRoles,
  warmPool,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

let fx: CallsFixture;

beforeEach(async () => {
  fx = await buildCallsFixture({ openPhase: 3 });
  signInAs(null);
});

/** One more admitted candidate of group A, held by caller A. */
async function moreOfGroupA(name: string, patch: { paid?: boolean; comeIntent?: "HESITANT" | "WILL_NOT_COME" } = {}) {
  const c = await createCandidate(db(), {
    campaignId: fx.campaign.id,
    groupId: fx.groupA.id,
    assignedCallerId: fx.users.callerA.id,
    name: `${name}${fx.tag}`,
    region: "成都",
    admitted: true,
  });
  if (Object.keys(patch).length > 0) await db().candidate.update({ where: { id: c.id }, data: patch });
  return c;
}

const escalationsOf = (candidateId: string) =>
  db().escalation.findMany({ where: { candidateId }, orderBy: { createdAt: "asc" } });

describe("the worklist a viewer sees", () => {
  it("shows a leader their own group only, with each list's count, the caller and the last contact", async () => {
    const unpaid = await moreOfGroupA("未缴费", { paid: false, comeIntent: "WILL_NOT_COME" });
    await insertLog(fx, {
      candidateId: unpaid.id,
      callerId: fx.users.callerA.id,
      phase: 3,
      startedAt: new Date(Date.now() - 3_600_000),
      outcome: "UNREACHABLE_PHONE_OFF",
    });
    const list = await worklist(fx.users.leaderA, fx.campaign, null, new Date());
    const names = list.rows.map((r) => r.name);
    expect(names).toContain(fx.candidateA.name);
    expect(names).toContain(unpaid.name);
    expect(names).not.toContain(fx.candidateB.name);
    expect(list.counts.UNREACHABLE).toBe(1);
    expect(list.counts.WILL_NOT_COME).toBe(1);
    const row = list.rows.find((r) => r.id === unpaid.id);
    expect(row).toMatchObject({
      assignedCaller: { name: fx.users.callerA.name },
      lastContact: { outcome: "UNREACHABLE_PHONE_OFF", callerName: fx.users.callerA.name },
    });
    expect(rowsOf(list.rows, "UNREACHABLE").map((r) => r.id)).toEqual([unpaid.id]);

    // another group's id in the address shows nothing
    const other = await worklist(fx.users.leaderA, fx.campaign, fx.groupB.id, new Date());
    expect(other.rows).toEqual([]);
    expect((await worklistGroups(fx.users.leaderA, fx.campaign.id)).map((g) => g.id)).toEqual([fx.groupA.id]);
  });

  it("shows the callback lead and admins every group and the whole campaign", async () => {
    const lead = await personWithRoles(fx, ["CALLBACK_LEAD"]);
    for (const viewer of [lead, fx.users.admin]) {
      const all = await worklist(viewer, fx.campaign, null, new Date());
      expect(all.rows.map((r) => r.id).sort()).toEqual([fx.candidateA.id, fx.candidateB.id].sort());
      const b = await worklist(viewer, fx.campaign, fx.groupB.id, new Date());
      expect(b.rows.map((r) => r.id)).toEqual([fx.candidateB.id]);
      expect(await worklistGroups(viewer, fx.campaign.id)).toHaveLength(2);
    }
  });
});

describe("forwardFromWorklist", () => {
  const forward = (candidateIds: string[], patch: Record<string, unknown> = {}) =>
    forwardFromWorklist({ candidateIds, reason: "DIFFICULT", note: "家长顾虑学费，已打三次", ...patch });

  it("forwards several candidates at once, each with a case FORWARDED to the strike team, and one audit row", async () => {
    const second = await moreOfGroupA("二号");
    const third = await moreOfGroupA("三号");
    signInAs(fx.users.leaderA);
    const result = await forward([fx.candidateA.id, second.id, third.id], { reason: "WILL_NOT_COME" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.forwarded).toHaveLength(3);
    expect(result.data.alreadyWithStrike).toEqual([]);
    for (const id of [fx.candidateA.id, second.id, third.id]) {
      expect(await escalationsOf(id)).toEqual([
        expect.objectContaining({
          toTeam: "STRIKE",
          status: "FORWARDED",
          reason: "WILL_NOT_COME",
          note: "家长顾虑学费，已打三次",
          fromUserId: fx.users.leaderA.id,
        }),
      ]);
    }
    expect(await auditCount(fx, { action: "worklist.forward" })).toBe(1);
  });

  it("moves the case waiting for the leader on to the strike team, keeping the caller's reason and note", async () => {
    const raised = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "PARENT_QUESTIONS",
        note: "家长想了解专业",
        fromUserId: fx.users.callerA.id,
      },
    });
    signInAs(fx.users.leaderA);
    const result = await forward([fx.candidateA.id]);
    expect(result).toMatchObject({ ok: true, data: { forwarded: [{ escalationId: raised.id, created: false }] } });
    expect(await escalationsOf(fx.candidateA.id)).toEqual([
      expect.objectContaining({
        id: raised.id,
        toTeam: "STRIKE",
        status: "FORWARDED",
        reason: "PARENT_QUESTIONS",
        note: "家长想了解专业\n组长：家长顾虑学费，已打三次",
        version: 1,
      }),
    ]);
  });

  it("reports a candidate already with the strike team instead of opening a second case, and is idempotent", async () => {
    signInAs(fx.users.leaderA);
    expect(await forward([fx.candidateA.id])).toMatchObject({ ok: true });
    const auditBefore = await auditCount(fx);
    const again = await forward([fx.candidateA.id]);
    expect(again).toMatchObject({
      ok: true,
      data: { forwarded: [], alreadyWithStrike: [{ candidateId: fx.candidateA.id, claimedBy: null }] },
    });
    expect(await escalationsOf(fx.candidateA.id)).toHaveLength(1);
    // nothing changed: no audit row
    expect(await auditCount(fx)).toBe(auditBefore);

    // claimed by a strike member: named back with who has it
    await db().escalation.updateMany({
      where: { candidateId: fx.candidateA.id },
      data: { status: "CLAIMED", assigneeId: fx.users.strike.id },
    });
    const second = await moreOfGroupA("二号");
    const mixed = await forward([fx.candidateA.id, second.id]);
    expect(mixed).toMatchObject({
      ok: true,
      data: {
        forwarded: [{ candidateId: second.id, created: true }],
        alreadyWithStrike: [{ candidateId: fx.candidateA.id, claimedBy: fx.users.strike.name }],
      },
    });
  });

  it("makes one case per candidate when two leaders forward the same candidates at once (a parallel burst)", async () => {
    const second = await moreOfGroupA("二号");
    const lead = await personWithRoles(fx, ["CALLBACK_LEAD"]);
    const ids = [fx.candidateA.id, second.id];
    await warmPool();
    const burst = await Promise.all(
      [fx.users.leaderA, lead, fx.users.admin, fx.users.leaderA, lead, fx.users.admin].map(async (who, i) => {
        signInAs(who);
        // the reversed order on every other call: the id-ordered locks must not deadlock
        return forward(i % 2 === 0 ? ids : [...ids].reverse());
      }),
    );
    for (const result of burst) expect(result.ok, JSON.stringify(result)).toBe(true);
    const forwardedNow = burst.flatMap((r) => (r.ok ? r.data.forwarded.map((f) => f.candidateId) : []));
    expect(forwardedNow.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await escalationsOf(id)).toHaveLength(1);
  });

  it("refuses a leader another group's candidate, forwarding nothing of the batch and naming nobody", async () => {
    signInAs(fx.users.leaderA);
    const before = [await candidateState(fx.candidateA.id), await candidateState(fx.candidateB.id)];
    const auditBefore = await auditCount(fx);
    const result = await forward([fx.candidateA.id, fx.candidateB.id]);
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(JSON.stringify(result)).not.toContain(fx.candidateB.name);
    expect([await candidateState(fx.candidateA.id), await candidateState(fx.candidateB.id)]).toEqual(before);
    expect(await auditCount(fx)).toBe(auditBefore);
  });

  it("lets the callback lead and admins forward from any group", async () => {
    const lead = await personWithRoles(fx, ["CALLBACK_LEAD"]);
    signInAs(lead);
    expect(await forward([fx.candidateB.id])).toMatchObject({ ok: true, data: { forwarded: [{ created: true }] } });
    signInAs(fx.users.admin);
    expect(await forward([fx.candidateA.id])).toMatchObject({ ok: true, data: { forwarded: [{ created: true }] } });
  });

  it.each([
    ["a caller", "callerA"],
    ["the strike team", "strike"],
    ["an inspector", "inspector"],
    ["the data team", "data"],
  ] as const)("refuses %s outright", async (_, who) => {
    signInAs(fx.users[who]);
    expect(await forward([fx.candidateA.id])).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await escalationsOf(fx.candidateA.id)).toEqual([]);
  });

  it.each([
    ["no candidate", { candidateIds: [] }, "candidateIds", "请先勾选要转交的考生。"],
    ["no note", { note: "  " }, "note", "请写一句说明，告诉突击组考生的情况。"],
    ["a note too long", { note: "很".repeat(301) }, "note", "说明最多 300 字。"],
    ["an unknown reason", { reason: "NOPE" }, "reason", "请选择转交原因。"],
  ])("refuses %s with a clear message and changes nothing", async (_, patch, field, message) => {
    signInAs(fx.users.leaderA);
    const result = await forwardFromWorklist({
      candidateIds: [fx.candidateA.id],
      reason: "DIFFICULT",
      note: "说明",
      ...patch,
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    expect(await escalationsOf(fx.candidateA.id)).toEqual([]);
  });

  it("takes a single ticked box posted as a form (one value, not a list)", async () => {
    signInAs(fx.users.leaderA);
    const form = new FormData();
    form.set("candidateIds", fx.candidateA.id);
    form.set("reason", "OTHER");
    form.set("note", "表单提交");
    expect(await forwardFromWorklist(form)).toMatchObject({ ok: true, data: { forwarded: [{ created: true }] } });
  });
});

describe("takeFromBoard", () => {
  it("opens a case already CLAIMED by the member, with the reason of the last unreachable result", async () => {
    await insertLog(fx, {
      candidateId: fx.candidateA.id,
      callerId: fx.users.callerA.id,
      phase: 3,
      startedAt: new Date(Date.now() - 5 * 86_400_000),
      outcome: "UNREACHABLE_SUSPENDED",
    });
    signInAs(fx.users.strike);
    const result = await takeFromBoard({ candidateId: fx.candidateA.id });
    expect(result).toMatchObject({ ok: true, data: { candidateId: fx.candidateA.id, created: true } });
    expect(await escalationsOf(fx.candidateA.id)).toEqual([
      expect.objectContaining({
        toTeam: "STRIKE",
        status: "CLAIMED",
        assigneeId: fx.users.strike.id,
        fromUserId: fx.users.strike.id,
        reason: "SUSPENDED",
      }),
    ]);
    expect(await auditCount(fx, { action: "escalation.take" })).toBe(1);
    // a second click of the same member changes nothing
    expect(await takeFromBoard({ candidateId: fx.candidateA.id })).toMatchObject({
      ok: true,
      data: { created: false },
    });
    expect(await escalationsOf(fx.candidateA.id)).toHaveLength(1);
    expect(await auditCount(fx, { action: "escalation.take" })).toBe(1);
  });

  it.each(["OPEN", "FORWARDED", "SENT_BACK"] as const)(
    "claims the candidate's %s case instead of opening another",
    async (status) => {
      const existing = await db().escalation.create({
        data: {
          campaignId: fx.campaign.id,
          candidateId: fx.candidateA.id,
          reason: "REGRETTED",
          fromUserId: fx.users.callerA.id,
          status,
          toTeam: status === "FORWARDED" ? "STRIKE" : "GROUP_LEADER",
        },
      });
      signInAs(fx.users.strike);
      expect(await takeFromBoard({ candidateId: fx.candidateA.id })).toMatchObject({
        ok: true,
        data: { escalationId: existing.id, created: false },
      });
      expect(await escalationsOf(fx.candidateA.id)).toEqual([
        expect.objectContaining({
          id: existing.id,
          status: "CLAIMED",
          toTeam: "STRIKE",
          assigneeId: fx.users.strike.id,
          reason: "REGRETTED",
        }),
      ]);
    },
  );

  it("lets one of two members clicking at once win; the other is told who has the candidate", async () => {
    const other = await personWithRoles(fx, ["STRIKE"]);
    await warmPool();
    const results = await Promise.all(
      [fx.users.strike, other].map(async (who) => {
        signInAs(who);
        return takeFromBoard({ candidateId: fx.candidateA.id });
      }),
    );
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r) => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const escalations = await escalationsOf(fx.candidateA.id);
    expect(escalations).toHaveLength(1);
    const winner = escalations[0]?.assigneeId === other.id ? other : fx.users.strike;
    expect(lost[0]).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { candidateId: [`${winner.name} 刚刚接手了这位考生，请选择其他考生。`] },
    });
  });

  it("refuses a candidate who has enrolled, and anyone outside the strike team", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { enrollment: "ENROLLED" } });
    signInAs(fx.users.strike);
    expect(await takeFromBoard({ candidateId: fx.candidateA.id })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { candidateId: ["这位考生已报到或已退档，不需要突击组接手。"] },
    });
    for (const who of [fx.users.leaderA, fx.users.callerB, fx.users.admin]) {
      signInAs(who);
      expect(await takeFromBoard({ candidateId: fx.candidateB.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await escalationsOf(fx.candidateA.id)).toEqual([]);
    expect(await escalationsOf(fx.candidateB.id)).toEqual([]);
  });
});
