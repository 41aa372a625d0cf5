import { beforeEach, describe, expect, it } from "vitest";
import { handBackForLeave, moveCandidate } from "@/app/(app)/groups/actions";
import { assignableCallers } from "@/lib/assignment";
import { db } from "@/lib/db";
import { addStaff, createCampaign, createCandidate, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
let n = 0;

async function fixture() {
  n += 1;
  const campaign = await createCampaign(db(), { now: new Date(), openPhase: 4, name: `调整测试${n}` });
  const user = (login: string, roles: User["roles"]) => createUser(db(), { login: `${login}-${n}`, roles });
  const leaderA = await user("leader-a", ["GROUP_LEADER", "CALLER"]);
  const leaderB = await user("leader-b", ["GROUP_LEADER", "CALLER"]);
  const [a1, a2, a3, b1] = [
    await user("a1", ["CALLER"]),
    await user("a2", ["CALLER"]),
    await user("a3", ["CALLER"]),
    await user("b1", ["CALLER"]),
  ];
  const groupA = await createGroup(db(), {
    campaignId: campaign.id,
    name: "A组",
    region: "成都",
    leaderId: leaderA.id,
  });
  const groupB = await createGroup(db(), {
    campaignId: campaign.id,
    name: "B组",
    region: "绵阳",
    leaderId: leaderB.id,
  });
  for (const u of [leaderA, a1, a2, a3])
    await addStaff(db(), { campaignId: campaign.id, userId: u.id, groupId: groupA.id });
  for (const u of [leaderB, b1]) await addStaff(db(), { campaignId: campaign.id, userId: u.id, groupId: groupB.id });
  const candidate = (callerId: string, groupId: string) =>
    createCandidate(db(), { campaignId: campaign.id, groupId, assignedCallerId: callerId });
  const mine = [
    await candidate(a1.id, groupA.id),
    await candidate(a1.id, groupA.id),
    await candidate(a1.id, groupA.id),
  ];
  await candidate(a2.id, groupA.id);
  const other = await candidate(b1.id, groupB.id);
  return { campaign, leaderA, leaderB, a1, a2, a3, b1, mine, other };
}

describe("moveCandidate", () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    fx = await fixture();
  });

  it("moves a candidate within the group, keeps the history, writes one audit row", async () => {
    signInAs(fx.leaderA);
    const [first] = fx.mine;
    if (!first) throw new Error("fixture");
    const result = await moveCandidate({ candidateId: first.id, toCallerId: fx.a3.id, version: first.version });
    expect(result).toEqual({ ok: true, data: { candidateId: first.id, callerId: fx.a3.id } });
    const history = await db().assignment.findMany({ where: { candidateId: first.id }, orderBy: { startedAt: "asc" } });
    expect(history.map((h) => [h.callerId, h.endedAt === null])).toEqual([
      [fx.a1.id, false],
      [fx.a3.id, true],
    ]);
    expect(await db().auditLog.count({ where: { action: "candidate.reassign", entityId: first.id } })).toBe(1);
  });

  it("refuses a stale move: two leaders' pages, one wins", async () => {
    const [first] = fx.mine;
    if (!first) throw new Error("fixture");
    signInAs(fx.leaderA);
    const results = await Promise.all([
      moveCandidate({ candidateId: first.id, toCallerId: fx.a2.id, version: first.version }),
      moveCandidate({ candidateId: first.id, toCallerId: fx.a3.id, version: first.version }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.code))).toEqual(["STALE"]);
    expect(await db().assignment.count({ where: { candidateId: first.id, endedAt: null } })).toBe(1);
  });

  it("keeps a leader to their own group, and to callers of it", async () => {
    signInAs(fx.leaderA);
    expect(await moveCandidate({ candidateId: fx.other.id, toCallerId: fx.a2.id, version: 0 })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const [first] = fx.mine;
    if (!first) throw new Error("fixture");
    expect(await moveCandidate({ candidateId: first.id, toCallerId: fx.b1.id, version: first.version })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    signInAs(fx.a2);
    expect(await moveCandidate({ candidateId: first.id, toCallerId: fx.a3.id, version: first.version })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: first.id } })).assignedCallerId).toBe(fx.a1.id);
  });
});

describe("handBackForLeave", () => {
  it("hands every candidate of a caller on leave to the group's other callers, least loaded first", async () => {
    const fx = await fixture();
    signInAs(fx.leaderA);
    const result = await handBackForLeave({ callerId: fx.a1.id });
    expect(result).toEqual({ ok: true, data: { reassigned: 3 } });
    const counts = await db().candidate.groupBy({
      by: ["assignedCallerId"],
      where: {
        campaignId: fx.campaign.id,
        groupId: { not: null },
        assignedCallerId: { in: [fx.leaderA.id, fx.a1.id, fx.a2.id, fx.a3.id] },
      },
      _count: { _all: true },
    });
    const load = Object.fromEntries(counts.map((c) => [c.assignedCallerId, c._count._all]));
    // before: a1 3, a2 1, a3 0, leader 0 -> the 3 go to the three with the least: a3, leader, then a2 or a3
    expect(load[fx.a1.id]).toBeUndefined();
    expect((load[fx.a2.id] ?? 0) + (load[fx.a3.id] ?? 0) + (load[fx.leaderA.id] ?? 0)).toBe(4);
    expect(Math.max(load[fx.a2.id] ?? 0, load[fx.a3.id] ?? 0, load[fx.leaderA.id] ?? 0)).toBe(2);
    // on an approved leave from today: still a pool member, never given candidates while it lasts
    const profile = await db().staffProfile.findFirstOrThrow({
      where: { userId: fx.a1.id },
      include: { leaves: true },
    });
    expect(profile.poolStatus).toBe("APPROVED");
    expect(profile.leaves).toEqual([expect.objectContaining({ status: "APPROVED", decidedById: fx.leaderA.id })]);
    expect(
      await db().staffProfile.count({ where: { ...assignableCallers(fx.campaign.id, new Date()), userId: fx.a1.id } }),
    ).toBe(0);
    expect(await db().auditLog.count({ where: { action: "staff.handBackForLeave" } })).toBeGreaterThanOrEqual(1);
  });

  it("refuses another group's caller, changing nothing", async () => {
    const fx = await fixture();
    signInAs(fx.leaderA);
    expect(await handBackForLeave({ callerId: fx.b1.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: fx.other.id } })).assignedCallerId).toBe(fx.b1.id);
  });
});
