import { beforeEach, describe, expect, it } from "vitest";
import { recordTraining } from "@/app/(app)/staff-pool/actions";
import { db } from "@/lib/db";
import { beijingDay } from "@/lib/time";
import { addStaff, createUser } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture, DAY } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// 培训: a session with a date, one of the plan's six topics, a note, and who attended; a group leader
// records their group's members, an admin anyone among the campaign's staff (members and applicants).
describe("training sessions", () => {
  let fx: CallsFixture;
  let profiles: Record<"leaderA" | "callerA" | "leaderB" | "callerB" | "applicant", string>;
  const yesterday = () => beijingDay(new Date(Date.now() - DAY));

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 1 });
    const applicant = await createUser(db(), { login: `applicant-${fx.tag}`, name: "报名者", roles: ["CALLER"] });
    fx.people.push(applicant.id);
    const profile = await addStaff(db(), { campaignId: fx.campaign.id, userId: applicant.id });
    await db().staffProfile.update({
      where: { id: profile.id },
      data: { poolStatus: "APPLIED", qualification: "PENDING" },
    });
    const all = await db().staffProfile.findMany({
      where: { campaignId: fx.campaign.id },
      select: { id: true, userId: true },
    });
    const of = (userId: string) => all.find((p) => p.userId === userId)?.id ?? "";
    profiles = {
      leaderA: of(fx.users.leaderA.id),
      callerA: of(fx.users.callerA.id),
      leaderB: of(fx.users.leaderB.id),
      callerB: of(fx.users.callerB.id),
      applicant: profile.id,
    };
    signInAs(null);
  });

  const attended = (profileId: string) =>
    db().trainingAttendance.findMany({ where: { staffProfileId: profileId }, select: { session: true } });

  it("an admin records a session with anyone's attendance, audited", async () => {
    signInAs(fx.users.admin);
    const form = new FormData();
    form.set("heldOn", yesterday());
    form.set("topic", "SCRIPTS");
    form.set("note", "话术演练：如何回应“再考虑一下”");
    form.append("profileIds", profiles.callerA);
    form.append("profileIds", profiles.callerB);
    form.append("profileIds", profiles.applicant);
    const result = await recordTraining(form);
    expect(result).toMatchObject({ ok: true, data: { attended: 3 } });
    const [record] = await attended(profiles.applicant);
    expect(record?.session).toMatchObject({
      campaignId: fx.campaign.id,
      topic: "SCRIPTS",
      note: "话术演练：如何回应“再考虑一下”",
      recordedById: fx.users.admin.id,
    });
    expect(await attended(profiles.callerB)).toHaveLength(1);
    expect(await attended(profiles.leaderA)).toHaveLength(0);
    expect(await auditCount(fx, { action: "training.record" })).toBe(1);
  });

  it("a group leader records their own group's members, and nobody else's", async () => {
    signInAs(fx.users.leaderA);
    expect(
      await recordTraining({ heldOn: yesterday(), topic: "POLICY", profileIds: [profiles.leaderA, profiles.callerA] }),
    ).toMatchObject({ ok: true, data: { attended: 2 } });

    for (const other of [profiles.callerB, profiles.applicant]) {
      expect(
        await recordTraining({ heldOn: yesterday(), topic: "POLICY", profileIds: [profiles.callerA, other] }),
      ).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { profileIds: ["勾选的人员不在您可记录的范围内"] },
      });
    }
    expect(await attended(profiles.callerA)).toHaveLength(1);
    expect(await attended(profiles.callerB)).toHaveLength(0);
    expect(await auditCount(fx, { action: "training.record" })).toBe(1);
  });

  it("refuses bad input in Chinese and writes nothing", async () => {
    signInAs(fx.users.admin);
    const tomorrow = beijingDay(new Date(Date.now() + 2 * DAY));
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ heldOn: yesterday(), topic: "POLICY", profileIds: [] }, { profileIds: ["请至少勾选一名出勤人员"] }],
      [{ heldOn: "2024-02-30", topic: "POLICY", profileIds: [profiles.callerA] }, { heldOn: ["请选择日期"] }],
      [{ heldOn: tomorrow, topic: "POLICY", profileIds: [profiles.callerA] }, { heldOn: ["请选择日期"] }],
      [{ heldOn: yesterday(), topic: "COOKING", profileIds: [profiles.callerA] }, { topic: ["请选择培训内容"] }],
      [
        { heldOn: yesterday(), topic: "POLICY", note: "长".repeat(301), profileIds: [profiles.callerA] },
        { note: ["说明最多 300 个字"] },
      ],
      [{ heldOn: yesterday(), topic: "POLICY", profileIds: ["no-such-profile"] }, { profileIds: [expect.any(String)] }],
    ];
    for (const [input, fieldErrors] of cases) {
      expect(await recordTraining(input)).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors });
    }
    expect(
      await recordTraining({ heldOn: yesterday(), topic: "POLICY", profileIds: [profiles.callerA], by: "me" }),
    ).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().trainingSession.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    expect(await auditCount(fx, { action: "training.record" })).toBe(0);
  });

  it("is refused to callers, inspectors, the data and strike teams", async () => {
    for (const user of [fx.users.callerA, fx.users.inspector, fx.users.data, fx.users.strike]) {
      signInAs(user);
      expect(
        await recordTraining({ heldOn: yesterday(), topic: "POLICY", profileIds: [profiles.callerA] }),
      ).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db().trainingSession.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });
});
