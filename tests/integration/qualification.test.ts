import { beforeEach, describe, expect, it } from "vitest";
import { handBackForLeave, moveCandidate } from "@/app/(app)/groups/actions";
import { reviewQualification } from "@/app/(app)/inspection/actions";
import { db } from "@/lib/db";
import { qualificationList } from "@/lib/inspection/queries";
import { recordTrainingSession } from "@/lib/staff/training";
import { addStaff, createCandidate, createUser } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// 资格审查: an inspector approves or rejects each member of the staff pool; only approved callers can be
// given candidates, whichever way candidates move (a leader's move, a hand-back on leave, an import:
// all three pick from lib/assignment assignableCallers).
describe("qualification review", () => {
  let fx: CallsFixture;
  let newcomer: Awaited<ReturnType<typeof createUser>>;
  let profileId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    newcomer = await createUser(db(), { login: `newcomer-${fx.tag}`, name: "新来的回访人员", roles: ["CALLER"] });
    fx.people.push(newcomer.id);
    const profile = await addStaff(db(), { campaignId: fx.campaign.id, userId: newcomer.id, groupId: fx.groupA.id });
    // addStaff puts a member in the pool; this one has applied and waits for the review, as a real
    // applicant does: not in the pool, not reviewed
    await db().staffProfile.update({
      where: { id: profile.id },
      data: { qualification: "PENDING", poolStatus: "APPLIED" },
    });
    profileId = profile.id;
    signInAs(null);
  });

  const profile = () => db().staffProfile.findUniqueOrThrow({ where: { id: profileId } });
  // the fixture's candidates are admitted: a move gives its reason (README "Fair attribution")
  const move = (candidateId: string, version = 0) =>
    moveCandidate({ candidateId, toCallerId: newcomer.id, version: String(version), reason: "新人接手" });

  it("a pending caller cannot be given candidates; once approved, they can", async () => {
    signInAs(fx.users.leaderA);
    expect(await move(fx.candidateA.id)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: fx.candidateA.id } })).assignedCallerId).toBe(
      fx.users.callerA.id,
    );

    signInAs(fx.users.inspector);
    const result = await reviewQualification({ profileId, decision: "APPROVED", reason: "2023 年参与回访，表现良好" });
    expect(result).toMatchObject({ ok: true, data: { qualification: "APPROVED" } });
    expect(await profile()).toMatchObject({
      qualification: "APPROVED",
      poolStatus: "APPROVED",
      qualificationReason: "2023 年参与回访，表现良好",
      reviewedById: fx.users.inspector.id,
    });
    expect(await auditCount(fx, { action: "staff.qualify", entityId: profileId })).toBe(1);

    signInAs(fx.users.leaderA);
    expect(await move(fx.candidateA.id)).toMatchObject({ ok: true });
  });

  it("a rejected caller gets no candidates from a colleague's leave either", async () => {
    signInAs(fx.users.inspector);
    expect(await reviewQualification({ profileId, decision: "REJECTED", reason: "培训考核未通过" })).toMatchObject({
      ok: true,
    });
    // caller A goes on leave; the only other qualified member of group A is its leader
    const extra = await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      assignedCallerId: fx.users.callerA.id,
    });
    signInAs(fx.users.leaderA);
    expect(await handBackForLeave({ callerId: fx.users.callerA.id })).toMatchObject({
      ok: true,
      data: { reassigned: 2 },
    });
    const owners = await db().candidate.findMany({
      where: { id: { in: [fx.candidateA.id, extra.id] } },
      select: { assignedCallerId: true },
    });
    expect(owners.map((o) => o.assignedCallerId)).toEqual([fx.users.leaderA.id, fx.users.leaderA.id]);
  });

  it("turns down a pool member only once they hold no candidates, and leaves leave and removal alone", async () => {
    signInAs(fx.users.inspector);
    expect(await reviewQualification({ profileId, decision: "APPROVED" })).toMatchObject({ ok: true });
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { assignedCallerId: newcomer.id } });
    const before = await profile();
    expect(await reviewQualification({ profileId, decision: "REJECTED", reason: "考核未通过" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { decision: ["这位成员手上还有考生：请组长先把考生转给组内其他人，再审查为不通过。"] },
    });
    expect(await profile()).toEqual(before);

    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { assignedCallerId: fx.users.callerA.id } });
    expect(await reviewQualification({ profileId, decision: "REJECTED", reason: "考核未通过" })).toMatchObject({
      ok: true,
    });
    expect(await profile()).toMatchObject({ qualification: "REJECTED", poolStatus: "REJECTED" });

    for (const poolStatus of ["REMOVED"] as const) {
      await db().staffProfile.update({ where: { id: profileId }, data: { poolStatus } });
      expect(await reviewQualification({ profileId, decision: "APPROVED" })).toMatchObject({
        ok: false,
        fieldErrors: { decision: [expect.stringContaining("不在资格审查范围内")] },
      });
      expect((await profile()).poolStatus).toBe(poolStatus);
    }
    expect(await auditCount(fx, { action: "staff.qualify", entityId: profileId })).toBe(2);
  });

  it("asks for the reason of a rejection, in Chinese, and changes nothing without it", async () => {
    signInAs(fx.users.inspector);
    const before = await profile();
    const result = await reviewQualification({ profileId, decision: "REJECTED", reason: "  " });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { reason: ["不通过时请写明理由。"] },
    });
    expect(await profile()).toEqual(before);
    expect(await auditCount(fx, { action: "staff.qualify" })).toBe(0);
  });

  it("refuses extra fields, unknown decisions and unknown profiles", async () => {
    signInAs(fx.users.inspector);
    const before = await profile();
    for (const input of [
      { profileId, decision: "APPROVED", reviewedById: "me" },
      { profileId, decision: "MAYBE" },
      { profileId: "no-such-profile", decision: "APPROVED" },
    ]) {
      expect((await reviewQualification(input)).ok).toBe(false);
    }
    expect(await profile()).toEqual(before);
  });

  it("is refused to a group leader, a caller and the admin", async () => {
    for (const user of [fx.users.leaderA, fx.users.callerA, fx.users.admin]) {
      signInAs(user);
      expect(await reviewQualification({ profileId, decision: "APPROVED" })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    expect((await profile()).qualification).toBe("PENDING");
  });
});

describe("the review list", () => {
  it("orders by the plan's priorities and shows each person's 身份, cadre, region, training and assessment", async () => {
    const fx = await buildCallsFixture({ openPhase: 1 });
    const admin = fx.users.admin;
    const person = async (
      key: string,
      source: "PRIOR_2023" | "EXCELLENT_2023" | "STUDENT" | "VOLUNTEER",
      more: { cadre?: boolean; identity?: "TEACHER" | "STUDENT"; qualification?: "PENDING" | "APPROVED" } = {},
    ) => {
      const user = await createUser(db(), { login: `${key}-${fx.tag}`, name: key, roles: ["CALLER"] });
      if (more.identity) await db().user.update({ where: { id: user.id }, data: { identity: more.identity } });
      const profile = await addStaff(db(), { campaignId: fx.campaign.id, userId: user.id, source });
      return db().staffProfile.update({
        where: { id: profile.id },
        data: {
          poolStatus: more.qualification === "APPROVED" ? "APPROVED" : "APPLIED",
          qualification: more.qualification ?? "PENDING",
          studentCadre: more.cadre ?? false,
          region: "绵阳",
        },
      });
    };
    const volunteer = await person("a-volunteer", "VOLUNTEER", { identity: "TEACHER" });
    await person("b-cadre-approved", "STUDENT", { cadre: true, identity: "STUDENT", qualification: "APPROVED" });
    await person("c-cadre", "STUDENT", { cadre: true, identity: "STUDENT" });
    await person("d-prior", "PRIOR_2023");
    await person("e-student", "STUDENT", { identity: "STUDENT" });
    // the volunteer attended two modules (one twice) and failed an exam
    for (const topic of ["POLICY", "POLICY", "SCRIPTS"] as const) {
      await recordTrainingSession(db(), {
        campaignId: fx.campaign.id,
        heldOn: "2024-03-10",
        topic,
        note: null,
        profileIds: [volunteer.id],
        recordedById: admin.id,
      });
    }
    await db().assessment.create({
      data: {
        campaignId: fx.campaign.id,
        staffProfileId: volunteer.id,
        kind: "EXAM",
        heldOn: new Date("2024-03-12T00:00:00Z"),
        score: 55,
        passed: false,
        recordedById: admin.id,
      },
    });

    const rows = (await qualificationList(fx.campaign.id)).filter((r) => r.user.login.endsWith(fx.tag));
    const mine = rows.filter((r) => /^[a-e]-/.test(r.user.login)).map((r) => r.user.login.replace(`-${fx.tag}`, ""));
    expect(mine).toEqual(["d-prior", "c-cadre", "b-cadre-approved", "a-volunteer", "e-student"]);
    const v = rows.find((r) => r.id === volunteer.id);
    expect(v).toMatchObject({
      source: "VOLUNTEER",
      studentCadre: false,
      region: "绵阳",
      topicsAttended: 2,
      user: { identity: "TEACHER" },
      assessments: [{ kind: "EXAM", score: 55, passed: false }],
    });
  });
});
