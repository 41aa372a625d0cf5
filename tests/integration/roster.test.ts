import { beforeEach, describe, expect, it } from "vitest";
import { approveRoster, createGroup, deleteGroup, updateGroup } from "@/app/(app)/admin/groups/actions";
import { addMember, releaseMember } from "@/app/(app)/groups/roster-actions";
import { db } from "@/lib/db";
import {
  addStaff,
  createCampaign,
  createCandidate,
  createUser,
  createGroup as seedGroup,
} from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
let n = 0;

// each test its own campaign, made current by being the newest
async function fixture() {
  n += 1;
  const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2, name: `名单测试${n}` });
  await db().campaign.updateMany({ data: { isCurrent: false } });
  await db().campaign.update({ where: { id: campaign.id }, data: { isCurrent: true } });
  const user = (login: string, roles: User["roles"]) => createUser(db(), { login: `${login}-${n}`, roles });
  const admin = await user("admin", ["ADMIN"]);
  const leader = await user("leader", ["CALLER"]);
  const otherLeader = await user("leader2", ["GROUP_LEADER", "CALLER"]);
  const free = await user("free", ["CALLER"]);
  const applicant = await user("applicant", ["CALLER"]);
  const taken = await user("taken", ["CALLER"]);
  const freeProfile = await addStaff(db(), { campaignId: campaign.id, userId: free.id });
  const applicantProfile = await db().staffProfile.create({
    data: { campaignId: campaign.id, userId: applicant.id, source: "VOLUNTEER" },
  });
  const otherGroup = await seedGroup(db(), {
    campaignId: campaign.id,
    name: "绵阳组",
    region: "绵阳",
    leaderId: otherLeader.id,
  });
  const takenProfile = await addStaff(db(), { campaignId: campaign.id, userId: taken.id, groupId: otherGroup.id });
  return {
    campaign,
    admin,
    leader,
    otherLeader,
    free,
    freeProfile,
    applicantProfile,
    taken,
    takenProfile,
    otherGroup,
    user,
  };
}

const audits = (action: string) => db().auditLog.count({ where: { action } });

describe("groups of the campaign", () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    fx = await fixture();
  });

  it("creates a group with its leader, who becomes leader and caller and its first member", async () => {
    signInAs(fx.admin);
    const result = await createGroup({ name: "成都组", region: "成都市", leaderLogin: fx.leader.login });
    expect(result).toMatchObject({ ok: true, data: { name: "成都组", region: "成都" } });
    if (!result.ok) throw new Error("created");
    const group = await db().group.findUniqueOrThrow({ where: { id: result.data.id }, include: { members: true } });
    expect(group).toMatchObject({ campaignId: fx.campaign.id, region: "成都", leaderId: fx.leader.id });
    expect(group.members.map((m) => [m.userId, m.source])).toEqual([[fx.leader.id, "COLLEGE_PICK"]]);
    const leader = await db().user.findUniqueOrThrow({ where: { id: fx.leader.id } });
    expect(leader.roles.sort()).toEqual(["CALLER", "GROUP_LEADER"]);
    expect(await audits("group.create")).toBeGreaterThanOrEqual(1);
  });

  it("refuses a region another group serves (by any of its names), a taken name, an unknown leader", async () => {
    signInAs(fx.admin);
    const before = await db().group.count();
    expect(await createGroup({ name: "绵阳二组", region: "绵阳市", leaderLogin: fx.leader.login })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { region: [expect.stringContaining("绵阳组")] },
    });
    expect(await createGroup({ name: "绵阳组", region: "德阳", leaderLogin: fx.leader.login })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await createGroup({ name: "德阳组", region: "德阳", leaderLogin: "nobody" })).toMatchObject({
      ok: false,
      fieldErrors: { leaderLogin: [expect.any(String)] },
    });
    expect(await createGroup({ name: "", region: "", leaderLogin: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: [expect.any(String)], region: [expect.any(String)], leaderLogin: [expect.any(String)] },
    });
    // a leader of another group, or a member of one, cannot lead this one
    for (const login of [fx.otherLeader.login, fx.taken.login]) {
      expect(await createGroup({ name: "德阳组", region: "德阳", leaderLogin: login })).toMatchObject({
        ok: false,
        fieldErrors: { leaderLogin: [expect.any(String)] },
      });
    }
    expect(await db().group.count()).toBe(before);
  });

  it("edits name and leader; the new leader joins, the old one stays a member", async () => {
    signInAs(fx.admin);
    const created = await createGroup({ name: "成都组", region: "成都", leaderLogin: fx.leader.login });
    if (!created.ok) throw new Error("created");
    const result = await updateGroup({ groupId: created.data.id, name: "成都一组", leaderLogin: fx.free.login });
    expect(result).toMatchObject({ ok: true, data: { name: "成都一组", leaderId: fx.free.id } });
    const members = await db().staffProfile.findMany({ where: { groupId: created.data.id } });
    expect(members.map((m) => m.userId).sort()).toEqual([fx.leader.id, fx.free.id].sort());
    expect(await audits("group.update")).toBeGreaterThanOrEqual(1);
  });

  it("deletes a group without candidates, never one with candidates", async () => {
    signInAs(fx.admin);
    await createCandidate(db(), { campaignId: fx.campaign.id, groupId: fx.otherGroup.id });
    expect(await deleteGroup({ groupId: fx.otherGroup.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().group.count({ where: { id: fx.otherGroup.id } })).toBe(1);
    const empty = await createGroup({ name: "德阳组", region: "德阳", leaderLogin: fx.leader.login });
    if (!empty.ok) throw new Error("created");
    expect(await deleteGroup({ groupId: empty.data.id })).toMatchObject({ ok: true });
    expect(await db().group.count({ where: { id: empty.data.id } })).toBe(0);
    // its leader is back in the pool, in no group
    expect((await db().staffProfile.findFirstOrThrow({ where: { userId: fx.leader.id } })).groupId).toBeNull();
  });

  it("is an admin's only: a leader cannot create or file", async () => {
    signInAs(fx.otherLeader);
    expect(await createGroup({ name: "德阳组", region: "德阳", leaderLogin: fx.leader.login })).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await approveRoster({ groupId: fx.otherGroup.id })).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("members", () => {
  let fx: Awaited<ReturnType<typeof fixture>>;
  beforeEach(async () => {
    fx = await fixture();
  });

  it("a leader picks a free pool member and releases one with empty hands; nothing recorded before filing", async () => {
    signInAs(fx.otherLeader);
    expect(await addMember({ groupId: fx.otherGroup.id, profileId: fx.freeProfile.id })).toEqual({
      ok: true,
      data: { profileId: fx.freeProfile.id, recorded: false },
    });
    expect((await db().staffProfile.findUniqueOrThrow({ where: { id: fx.freeProfile.id } })).groupId).toBe(
      fx.otherGroup.id,
    );
    expect(await releaseMember({ groupId: fx.otherGroup.id, profileId: fx.freeProfile.id })).toMatchObject({
      ok: true,
    });
    expect((await db().staffProfile.findUniqueOrThrow({ where: { id: fx.freeProfile.id } })).groupId).toBeNull();
    expect(await db().rosterChange.count({ where: { groupId: fx.otherGroup.id } })).toBe(0);
    expect(await audits("roster.add")).toBeGreaterThanOrEqual(1);
    expect(await audits("roster.release")).toBeGreaterThanOrEqual(1);
  });

  it("a release withdraws the member's undecided leave request, and leaves decided ones as they were", async () => {
    signInAs(fx.otherLeader);
    const leave = (status: "REQUESTED" | "APPROVED") =>
      db().leave.create({
        data: {
          campaignId: fx.campaign.id,
          staffProfileId: fx.takenProfile.id,
          startsOn: new Date("2099-07-01"),
          endsOn: new Date("2099-07-02"),
          reason: "家中有事",
          status,
        },
      });
    const waiting = await leave("REQUESTED");
    const approved = await leave("APPROVED");
    expect(await releaseMember({ groupId: fx.otherGroup.id, profileId: fx.takenProfile.id })).toMatchObject({
      ok: true,
    });
    expect(await db().leave.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: "REJECTED",
      decidedById: fx.otherLeader.id,
      decisionNote: "已移出小组，未决定的请假申请随之撤销",
    });
    expect((await db().leave.findUniqueOrThrow({ where: { id: approved.id } })).status).toBe("APPROVED");
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "roster.release", entityId: fx.takenProfile.id },
    });
    expect(audit.after).toMatchObject({ leaveRequestsWithdrawn: 1 });
  });

  it("refuses one not approved, one without the caller role, one in another group, one holding candidates, the leader; changing nothing", async () => {
    signInAs(fx.otherLeader);
    expect(await addMember({ groupId: fx.otherGroup.id, profileId: fx.applicantProfile.id })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { profileId: [expect.stringContaining("资格审查")] },
    });
    const dataTeam = await fx.user("data", ["DATA"]);
    const dataProfile = await addStaff(db(), { campaignId: fx.campaign.id, userId: dataTeam.id });
    expect(await addMember({ groupId: fx.otherGroup.id, profileId: dataProfile.id })).toMatchObject({
      ok: false,
      fieldErrors: { profileId: [expect.stringContaining("回访人员角色")] },
    });
    const mine = await db().group.create({ data: { campaignId: fx.campaign.id, name: "德阳组", region: "德阳" } });
    signInAs(fx.admin);
    expect(await addMember({ groupId: mine.id, profileId: fx.takenProfile.id })).toMatchObject({
      ok: false,
      fieldErrors: { profileId: [expect.stringContaining("另一个小组")] },
    });
    await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.otherGroup.id,
      assignedCallerId: fx.taken.id,
    });
    signInAs(fx.otherLeader);
    expect(await releaseMember({ groupId: fx.otherGroup.id, profileId: fx.takenProfile.id })).toMatchObject({
      ok: false,
      fieldErrors: { profileId: [expect.stringContaining("1 名考生")] },
    });
    const leaderProfile = await addStaff(db(), {
      campaignId: fx.campaign.id,
      userId: fx.otherLeader.id,
      groupId: fx.otherGroup.id,
    });
    expect(await releaseMember({ groupId: fx.otherGroup.id, profileId: leaderProfile.id })).toMatchObject({
      ok: false,
      fieldErrors: { profileId: [expect.any(String)] },
    });
    expect((await db().staffProfile.findUniqueOrThrow({ where: { id: fx.takenProfile.id } })).groupId).toBe(
      fx.otherGroup.id,
    );
    expect((await db().staffProfile.findUniqueOrThrow({ where: { id: fx.applicantProfile.id } })).groupId).toBeNull();
  });

  it("keeps a leader to their own group; an admin works on any", async () => {
    const mine = await db().group.create({ data: { campaignId: fx.campaign.id, name: "德阳组", region: "德阳" } });
    signInAs(fx.otherLeader);
    expect(await addMember({ groupId: mine.id, profileId: fx.freeProfile.id })).toMatchObject({ code: "NOT_FOUND" });
    signInAs(fx.free);
    expect(await addMember({ groupId: fx.otherGroup.id, profileId: fx.freeProfile.id })).toMatchObject({
      code: "FORBIDDEN",
    });
    signInAs(fx.admin);
    expect(await addMember({ groupId: mine.id, profileId: fx.freeProfile.id })).toMatchObject({ ok: true });
  });
});

describe("审批备案 and the changes after it", () => {
  it("files the roster once, then records every join and leave with who, why, by whom", async () => {
    const fx = await fixture();
    signInAs(fx.admin);
    const empty = await db().group.create({ data: { campaignId: fx.campaign.id, name: "德阳组", region: "德阳" } });
    expect(await approveRoster({ groupId: empty.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const filed = await approveRoster({ groupId: fx.otherGroup.id });
    expect(filed).toMatchObject({ ok: true });
    const group = await db().group.findUniqueOrThrow({ where: { id: fx.otherGroup.id } });
    expect(group.rosterApprovedById).toBe(fx.admin.id);
    expect(group.rosterApprovedAt).toBeInstanceOf(Date);
    expect(await approveRoster({ groupId: fx.otherGroup.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await audits("group.approveRoster")).toBe(1);

    signInAs(fx.otherLeader);
    expect(
      await addMember({ groupId: fx.otherGroup.id, profileId: fx.freeProfile.id, reason: "补充人手" }),
    ).toMatchObject({ ok: true, data: { recorded: true } });
    expect(await releaseMember({ groupId: fx.otherGroup.id, profileId: fx.takenProfile.id })).toMatchObject({
      ok: true,
      data: { recorded: true },
    });
    const changes = await db().rosterChange.findMany({ where: { groupId: fx.otherGroup.id }, orderBy: { at: "asc" } });
    expect(changes.map((c) => [c.userId, c.kind, c.reason, c.byId])).toEqual([
      [fx.free.id, "JOINED", "补充人手", fx.otherLeader.id],
      [fx.taken.id, "LEFT", null, fx.otherLeader.id],
    ]);
  });
});
