import { beforeEach, describe, expect, it } from "vitest";
import { cancelLeave, endOwnLeave, requestLeave } from "@/app/(app)/calls/leave/actions";
import { handBackForLeave } from "@/app/(app)/groups/actions";
import { decideLeave, endMemberLeave } from "@/app/(app)/groups/leave-actions";
import { assignableCallers } from "@/lib/assignment";
import { db } from "@/lib/db";
import { addDaysToDay, beijingDay, fromDateColumn, toDateColumn } from "@/lib/time";
import { addStaff, createCampaign, createCandidate, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
let n = 0;
const today = () => beijingDay(new Date());
const inDays = (days: number) => addDaysToDay(today(), days);

async function fixture() {
  n += 1;
  const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2, name: `请假测试${n}` });
  await db().campaign.updateMany({ data: { isCurrent: false } });
  await db().campaign.update({ where: { id: campaign.id }, data: { isCurrent: true } });
  const user = (login: string, roles: User["roles"]) => createUser(db(), { login: `${login}-${n}`, roles });
  const leader = await user("leader", ["GROUP_LEADER", "CALLER"]);
  const otherLeader = await user("leader-b", ["GROUP_LEADER", "CALLER"]);
  const [a1, a2, a3] = [await user("a1", ["CALLER"]), await user("a2", ["CALLER"]), await user("a3", ["CALLER"])];
  const group = await createGroup(db(), { campaignId: campaign.id, name: "A组", region: "成都", leaderId: leader.id });
  await createGroup(db(), { campaignId: campaign.id, name: "B组", region: "绵阳", leaderId: otherLeader.id });
  const profiles: Record<string, string> = {};
  for (const u of [leader, a1, a2, a3])
    profiles[u.id] = (await addStaff(db(), { campaignId: campaign.id, userId: u.id, groupId: group.id })).id;
  const held = [];
  for (let i = 0; i < 3; i++)
    held.push(await createCandidate(db(), { campaignId: campaign.id, groupId: group.id, assignedCallerId: a1.id }));
  await createCandidate(db(), { campaignId: campaign.id, groupId: group.id, assignedCallerId: a2.id });
  return { campaign, leader, otherLeader, a1, a2, a3, group, profiles, held };
}

const holding = (callerId: string) => db().candidate.count({ where: { assignedCallerId: callerId } });
const assignable = (campaignId: string, userId: string) =>
  db().staffProfile.count({ where: { ...assignableCallers(campaignId, new Date()), userId } });

async function ask(user: User, startsOn: string, endsOn: string, reason = "家中有事") {
  signInAs(user);
  const result = await requestLeave({ startsOn, endsOn, reason });
  if (!result.ok) throw new Error(`request refused: ${result.error}`);
  return result.data.id;
}

describe("a caller asks, the leader decides", () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    fx = await fixture();
  });

  it("a leave from today, approved: the candidates go to the others at once, least loaded first", async () => {
    const id = await ask(fx.a1, today(), inDays(2));
    // asked, not yet decided: nothing moves, still assignable
    expect(await holding(fx.a1.id)).toBe(3);
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(1);
    signInAs(fx.leader);
    expect(await decideLeave({ leaveId: id, decision: "approve" })).toEqual({
      ok: true,
      data: { status: "APPROVED", reassigned: 3 },
    });
    expect(await holding(fx.a1.id)).toBe(0);
    // before: a2 1, a3 0, leader 0 -> a3, leader, then a2/a3/leader tie: 4 in all, nobody above 2
    const loads = [await holding(fx.a2.id), await holding(fx.a3.id), await holding(fx.leader.id)];
    expect(loads.reduce((a, b) => a + b)).toBe(4);
    expect(Math.max(...loads)).toBe(2);
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(0);
    const leave = await db().leave.findUniqueOrThrow({ where: { id } });
    expect(leave).toMatchObject({ status: "APPROVED", decidedById: fx.leader.id });
    expect(await db().auditLog.count({ where: { action: "leave.decide", entityId: id } })).toBe(1);
  });

  it("a later leave, approved: nothing moves until its first day, when the hand-back moves them and keeps the leave", async () => {
    const id = await ask(fx.a1, inDays(3), inDays(5));
    signInAs(fx.leader);
    expect(await decideLeave({ leaveId: id, decision: "approve" })).toEqual({
      ok: true,
      data: { status: "APPROVED", reassigned: 0 },
    });
    expect(await holding(fx.a1.id)).toBe(3);
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(1);
    // its first day comes: the leave now covers today
    await db().leave.update({ where: { id }, data: { startsOn: toDateColumn(today()) } });
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(0);
    expect(await handBackForLeave({ callerId: fx.a1.id })).toEqual({ ok: true, data: { reassigned: 3 } });
    expect(await holding(fx.a1.id)).toBe(0);
    expect(await db().leave.count({ where: { staffProfileId: fx.profiles[fx.a1.id] } })).toBe(1);
  });

  it("refuses with a reason the caller reads; without one nothing changes", async () => {
    const id = await ask(fx.a1, today(), inDays(1));
    signInAs(fx.leader);
    expect(await decideLeave({ leaveId: id, decision: "refuse", note: " " })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { note: [expect.any(String)] },
    });
    expect((await db().leave.findUniqueOrThrow({ where: { id } })).status).toBe("REQUESTED");
    expect(await decideLeave({ leaveId: id, decision: "refuse", note: "招生关键期" })).toMatchObject({
      ok: true,
      data: { status: "REJECTED", reassigned: 0 },
    });
    expect(await db().leave.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "REJECTED",
      decisionNote: "招生关键期",
    });
    expect(await holding(fx.a1.id)).toBe(3);
    // decided once
    expect(await decideLeave({ leaveId: id, decision: "approve" })).toMatchObject({ ok: false, code: "STALE" });
  });

  it("keeps the decision to the group's own leader, and to leaders and admins", async () => {
    const id = await ask(fx.a1, today(), inDays(1));
    signInAs(fx.otherLeader);
    expect(await decideLeave({ leaveId: id, decision: "approve" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(fx.a2);
    expect(await decideLeave({ leaveId: id, decision: "approve" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db().leave.findUniqueOrThrow({ where: { id } })).status).toBe("REQUESTED");
  });

  it("refuses approval when nobody else in the group can take the candidates, moving nothing", async () => {
    const id = await ask(fx.a1, today(), inDays(1));
    await db().staffProfile.updateMany({
      where: { userId: { in: [fx.a2.id, fx.a3.id, fx.leader.id] } },
      data: { qualification: "PENDING" },
    });
    signInAs(fx.leader);
    expect(await decideLeave({ leaveId: id, decision: "approve" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await db().leave.findUniqueOrThrow({ where: { id } })).status).toBe("REQUESTED");
    expect(await holding(fx.a1.id)).toBe(3);
  });
});

describe("what a caller may ask", () => {
  it("refuses a past start, an end before the start, an overlap, and anyone in no group", async () => {
    const fx = await fixture();
    signInAs(fx.a1);
    const refused = async (startsOn: string, endsOn: string, field: string) =>
      expect(await requestLeave({ startsOn, endsOn, reason: "事" })).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { [field]: [expect.any(String)] },
      });
    await refused(inDays(-1), inDays(1), "startsOn");
    await refused(inDays(2), inDays(1), "endsOn");
    await refused(inDays(1), inDays(40), "endsOn");
    await refused("2024-02-30", inDays(1), "startsOn");
    await ask(fx.a1, inDays(1), inDays(3));
    signInAs(fx.a1);
    await refused(inDays(3), inDays(4), "startsOn");
    expect(await requestLeave({ startsOn: inDays(1), endsOn: inDays(1), reason: "" })).toMatchObject({
      fieldErrors: { reason: [expect.any(String)] },
    });
    await db().staffProfile.update({ where: { id: fx.profiles[fx.a2.id] }, data: { groupId: null } });
    signInAs(fx.a2);
    await refused(inDays(1), inDays(1), "startsOn");
    expect(await db().leave.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("withdraws a waiting request, only one's own", async () => {
    const fx = await fixture();
    const id = await ask(fx.a1, inDays(1), inDays(2));
    signInAs(fx.a2);
    expect(await cancelLeave({ leaveId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(fx.a1);
    expect(await cancelLeave({ leaveId: id })).toMatchObject({ ok: true });
    expect((await db().leave.findUniqueOrThrow({ where: { id } })).status).toBe("CANCELLED");
    expect(await cancelLeave({ leaveId: id })).toMatchObject({ ok: false, code: "STALE" });
  });
});

describe("销假", () => {
  it("the leader ends a running leave: it ends yesterday, the caller can be given candidates, moved ones stay", async () => {
    const fx = await fixture();
    // running since two days ago (approved then, candidates moved then)
    const leave = await db().leave.create({
      data: {
        campaignId: fx.campaign.id,
        staffProfileId: fx.profiles[fx.a1.id] ?? "",
        startsOn: toDateColumn(inDays(-2)),
        endsOn: toDateColumn(inDays(5)),
        reason: "病假",
        status: "APPROVED",
        decidedById: fx.leader.id,
      },
    });
    signInAs(fx.leader);
    expect(await handBackForLeave({ callerId: fx.a1.id })).toMatchObject({ ok: true, data: { reassigned: 3 } });
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(0);
    expect(await endMemberLeave({ leaveId: leave.id })).toEqual({
      ok: true,
      data: { status: "APPROVED", endsOn: inDays(-1) },
    });
    expect(fromDateColumn((await db().leave.findUniqueOrThrow({ where: { id: leave.id } })).endsOn)).toBe(inDays(-1));
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(1);
    expect(await holding(fx.a1.id)).toBe(0);
    // nothing left to end
    expect(await endMemberLeave({ leaveId: leave.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().auditLog.count({ where: { action: "leave.end", entityId: leave.id } })).toBe(1);
  });

  it("the caller ends their own leave begun today: withdrawn, as it covers no day", async () => {
    const fx = await fixture();
    const id = await ask(fx.a1, today(), inDays(3));
    signInAs(fx.leader);
    await decideLeave({ leaveId: id, decision: "approve" });
    signInAs(fx.a2);
    expect(await endOwnLeave({ leaveId: id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(fx.a1);
    expect(await endOwnLeave({ leaveId: id })).toMatchObject({ ok: true, data: { status: "CANCELLED" } });
    expect(await assignable(fx.campaign.id, fx.a1.id)).toBe(1);
    // the candidates moved away stay where they went
    expect(await holding(fx.a1.id)).toBe(0);
  });
});
