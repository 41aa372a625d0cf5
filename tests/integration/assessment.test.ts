import { beforeEach, describe, expect, it } from "vitest";
import { moveCandidate } from "@/app/(app)/groups/actions";
import { recordAssessmentResult } from "@/app/(app)/staff-pool/actions";
import { db } from "@/lib/db";
import { beijingDay } from "@/lib/time";
import { createCandidate } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// 考核: recorded by admins and inspectors; failing removes the person from the pool (never given
// candidates again) and hands what they hold to the others of their group, as leave does.
describe("assessments", () => {
  let fx: CallsFixture;
  let callerAProfile: string;
  const today = () => beijingDay(new Date());

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    callerAProfile = (
      await db().staffProfile.findFirstOrThrow({
        where: { campaignId: fx.campaign.id, userId: fx.users.callerA.id },
        select: { id: true },
      })
    ).id;
    signInAs(null);
  });

  const profile = () => db().staffProfile.findUniqueOrThrow({ where: { id: callerAProfile } });
  const owner = async (candidateId: string) =>
    (await db().candidate.findUniqueOrThrow({ where: { id: candidateId } })).assignedCallerId;

  it("a passed exam is recorded and changes nothing in the pool", async () => {
    signInAs(fx.users.admin);
    const result = await recordAssessmentResult({
      profileId: callerAProfile,
      kind: "EXAM",
      heldOn: today(),
      score: "88",
      passed: "true",
      note: "",
    });
    expect(result).toMatchObject({ ok: true, data: { poolStatus: "APPROVED", reassigned: 0 } });
    expect(await db().assessment.findFirst({ where: { staffProfileId: callerAProfile } })).toMatchObject({
      kind: "EXAM",
      score: 88,
      passed: true,
      note: null,
      recordedById: fx.users.admin.id,
    });
    expect((await profile()).poolStatus).toBe("APPROVED");
    expect(await auditCount(fx, { action: "assessment.record" })).toBe(1);
  });

  it("a failure removes the person from the pool and hands their candidates to their group", async () => {
    const extra = await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      assignedCallerId: fx.users.callerA.id,
    });
    signInAs(fx.users.inspector);
    const result = await recordAssessmentResult({
      profileId: callerAProfile,
      kind: "ROLE_PLAY",
      heldOn: today(),
      score: "",
      passed: "false",
      note: "角色扮演中多次承诺录取专业，不符合要求",
    });
    expect(result).toMatchObject({ ok: true, data: { poolStatus: "REMOVED", reassigned: 2 } });
    expect((await profile()).poolStatus).toBe("REMOVED");
    // the group's only other caller is its leader
    expect(await owner(fx.candidateA.id)).toBe(fx.users.leaderA.id);
    expect(await owner(extra.id)).toBe(fx.users.leaderA.id);
    const moved = await db().assignment.findFirstOrThrow({
      where: { candidateId: extra.id, endedAt: null },
    });
    expect(moved).toMatchObject({ callerId: fx.users.leaderA.id, assignedById: fx.users.inspector.id });
    expect(moved.reason).toBe("考核未通过，退出回访人员库");
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "assessment.record", actorId: fx.users.inspector.id },
    });
    expect(audit.before).toEqual({ poolStatus: "APPROVED" });
    expect(audit.after).toMatchObject({ passed: false, poolStatus: "REMOVED", reassigned: 2 });

    // removed: the leader can no longer give them a candidate
    signInAs(fx.users.leaderA);
    expect(await moveCandidate({ candidateId: extra.id, toCallerId: fx.users.callerA.id, version: "1" })).toMatchObject(
      {
        ok: false,
      },
    );
    expect(await owner(extra.id)).toBe(fx.users.leaderA.id);

    // a later pass does not bring them back (the decision is past the review)
    signInAs(fx.users.admin);
    expect(
      await recordAssessmentResult({
        profileId: callerAProfile,
        kind: "EXAM",
        heldOn: today(),
        score: "95",
        passed: "true",
      }),
    ).toMatchObject({ ok: true, data: { poolStatus: "REMOVED", reassigned: 0 } });
    expect((await profile()).poolStatus).toBe("REMOVED");
  });

  it("refuses a failure when nobody in the group can take the candidates, and writes nothing", async () => {
    // the leader of group A is away: nobody else may receive caller A's candidate
    await db().staffProfile.updateMany({
      where: { campaignId: fx.campaign.id, userId: fx.users.leaderA.id },
      data: { poolStatus: "REMOVED" },
    });
    signInAs(fx.users.admin);
    const before = await profile();
    expect(
      await recordAssessmentResult({
        profileId: callerAProfile,
        kind: "EXAM",
        heldOn: today(),
        score: "40",
        passed: "false",
      }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { callerId: [expect.any(String)] } });
    expect(await profile()).toEqual(before);
    expect(await owner(fx.candidateA.id)).toBe(fx.users.callerA.id);
    expect(await db().assessment.count({ where: { staffProfileId: callerAProfile } })).toBe(0);
    expect(await auditCount(fx, { action: "assessment.record" })).toBe(0);
  });

  it("refuses bad input in Chinese and writes nothing", async () => {
    signInAs(fx.users.admin);
    const base = { profileId: callerAProfile, kind: "EXAM", heldOn: today(), score: "80", passed: "true" };
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ ...base, score: "" }, { score: ["笔试须填写分数"] }],
      [{ ...base, score: "101" }, { score: ["分数须为 0 到 100 的整数"] }],
      [{ ...base, score: "-1" }, { score: ["分数须为 0 到 100 的整数"] }],
      [{ ...base, score: "79.5" }, { score: ["分数须为 0 到 100 的整数"] }],
      [{ ...base, passed: "" }, { passed: ["请选择通过或未通过"] }],
      [{ ...base, kind: "INTERVIEW" }, { kind: ["请选择考核方式"] }],
      [{ ...base, heldOn: "昨天" }, { heldOn: ["请选择日期"] }],
    ];
    for (const [input, fieldErrors] of cases) {
      expect(await recordAssessmentResult(input)).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors });
    }
    expect(await recordAssessmentResult({ ...base, profileId: "no-such-profile" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db().assessment.count({ where: { staffProfileId: callerAProfile } })).toBe(0);
    expect(await auditCount(fx, { action: "assessment.record" })).toBe(0);
  });

  it("case sharing may go without a score", async () => {
    signInAs(fx.users.inspector);
    expect(
      await recordAssessmentResult({
        profileId: callerAProfile,
        kind: "CASE_SHARING",
        heldOn: today(),
        passed: "true",
      }),
    ).toMatchObject({ ok: true });
    expect((await db().assessment.findFirstOrThrow({ where: { staffProfileId: callerAProfile } })).score).toBeNull();
  });

  it("is refused to group leaders, callers, the data and strike teams", async () => {
    for (const user of [fx.users.leaderA, fx.users.callerA, fx.users.data, fx.users.strike]) {
      signInAs(user);
      expect(
        await recordAssessmentResult({
          profileId: callerAProfile,
          kind: "EXAM",
          heldOn: today(),
          score: "10",
          passed: "false",
        }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect((await profile()).poolStatus).toBe("APPROVED");
  });
});
