// 停用往届学生账号: when a campaign ends, every active student account with no place in the current
// campaign's staff is disabled in one confirmed step (teachers and admins never), their sessions end,
// one audit entry holds the count and the ids.
import { beforeAll, describe, expect, it } from "vitest";
import { disablePastStudents } from "@/app/(app)/admin/campaigns/actions";
import { startSession } from "@/lib/auth/sessions";
import { pastStudentCount } from "@/lib/campaign/queries";
import { db } from "@/lib/db";
import { createCampaign, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

const stamp = Date.now().toString(36);

describe("disabling last year's students", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let campaignId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    await db().campaign.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    const campaign = await createCampaign(db(), { now: new Date(), name: `2025-${stamp}`, year: 2025 });
    await db().campaign.update({ where: { id: campaign.id }, data: { isCurrent: true } });
    campaignId = campaign.id;
    admin = await createUser(db(), { login: `admin-${stamp}`, roles: ["ADMIN"] });
    const make = async (key: string, identity: "STUDENT" | "TEACHER" | null, roles: ("CALLER" | "ADMIN")[]) => {
      const user = await createUser(db(), { login: `${key}-${stamp}`, roles });
      await db().user.update({ where: { id: user.id }, data: { identity } });
      people[key] = user.id;
      return user;
    };
    await make("old1", "STUDENT", ["CALLER"]);
    await make("old2", "STUDENT", ["CALLER"]);
    const kept = await make("kept", "STUDENT", ["CALLER"]);
    await make("teacher", "TEACHER", ["CALLER"]);
    await make("studentAdmin", "STUDENT", ["ADMIN"]);
    await make("unknown", null, ["CALLER"]);
    await db().staffProfile.create({ data: { campaignId, userId: kept.id, source: "VOLUNTEER" } });
  });

  it("counts only the students outside this year's staff", async () => {
    expect(await pastStudentCount(campaignId)).toBe(2);
  });

  it("refuses a stale count and changes nothing", async () => {
    signInAs(admin);
    const before = await db().auditLog.count();
    const result = await disablePastStudents({ expected: "3" });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    if (!result.ok) expect(result.fieldErrors?.expected?.[0]).toContain("名单刚刚有变化");
    expect(await pastStudentCount(campaignId)).toBe(2);
    expect(await db().auditLog.count()).toBe(before);
  });

  it("refuses anyone but an admin", async () => {
    const lead = await createUser(db(), { login: `lead-${stamp}`, roles: ["CALLBACK_LEAD", "DATA", "DATA_LEAD"] });
    signInAs(lead);
    expect(await disablePastStudents({ expected: "2" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("disables them in one step, ends their sessions and audits the count and the ids", async () => {
    const sessionId = await startSession(db(), { userId: people.old1 ?? "" });
    signInAs(admin);
    expect(await disablePastStudents({ expected: "2" })).toEqual({ ok: true, data: { disabled: 2 } });
    const states = await db().user.findMany({
      where: { id: { in: Object.values(people) } },
      select: { id: true, active: true },
    });
    const active = Object.fromEntries(states.map((s) => [s.id, s.active]));
    expect(active[people.old1 ?? ""]).toBe(false);
    expect(active[people.old2 ?? ""]).toBe(false);
    for (const key of ["kept", "teacher", "studentAdmin", "unknown"]) expect(active[people[key] ?? ""], key).toBe(true);
    expect((await db().session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).not.toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "user.disablePastStudents", actorId: admin.id },
    });
    expect(audit.after).toMatchObject({ disabled: 2, campaignId });
    expect([...((audit.after as { ids: string[] }).ids ?? [])].sort()).toEqual([people.old1, people.old2].sort());
    expect(await pastStudentCount(campaignId)).toBe(0);
  });
});
