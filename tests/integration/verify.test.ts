// 防诈骗核验, the families' public check (README "Call verification"), against the real database: a hit by
// number and by code names only the team and a surname with 老师 or 同学; a miss says what to do; the
// address's limit holds under a burst and never refuses a code that succeeds; an unknown number checked
// from three addresses opens one incident a day for the inspection team, however many checks arrive at once; the setting off is a
// 404; no number is stored, and old checks are deleted.
import { addDays, addMinutes, addSeconds } from "date-fns";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { saveVerifySettings } from "@/app/(app)/admin/verify/actions";
import { POST } from "@/app/api/verify/route";
import { db } from "@/lib/db";
import { beijingDay } from "@/lib/time";
import { type CheckAnswer, checkCall, verifySettingOf } from "@/lib/verify/check";
import { VERIFY_LIMITS, verifyCode } from "@/lib/verify/rules";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

const SECRET = process.env.NEXTAUTH_SECRET as string;
const NOW = new Date("2024-07-20T02:00:00Z");
const TEAM = "成都文理学院2024年单招回访";

let teacher: { id: string };
let student: { id: string };
let leader: { id: string };

const check = (kind: "NUMBER" | "CODE", value: string, address = "10.1.0.1", now = NOW) =>
  checkCall(db(), { kind, value, address }, { secret: SECRET, now });

const post = (body: unknown, address = "10.9.0.1", origin = "http://localhost") =>
  POST(
    new Request("http://localhost/api/verify", {
      method: "POST",
      headers: { host: "localhost", origin, "content-type": "application/json", "x-huifang-client-address": address },
      body: JSON.stringify(body),
    }),
  );

async function switchOn(enabled = true) {
  await db().college.upsert({
    where: { id: 1 },
    update: { verifyEnabled: enabled, admissionsPhone: "028-84616000" },
    create: { id: 1, name: "成都文理学院", shortName: "文理", verifyEnabled: enabled, admissionsPhone: "028-84616000" },
  });
}

beforeAll(async () => {
  const campaign = await createCampaign(db(), { now: NOW, name: "2024年单招回访" });
  await db().campaign.update({ where: { id: campaign.id }, data: { isCurrent: true } });
  const t = await createUser(db(), { login: "v-teacher", name: "张伟", roles: ["CALLER"], phone: "13800000001" });
  await db().user.update({ where: { id: t.id }, data: { identity: "TEACHER" } });
  const s = await createUser(db(), { login: "v-student", name: "欧阳娜娜", roles: ["CALLER"], phone: "13800000002" });
  await db().user.update({ where: { id: s.id }, data: { identity: "STUDENT" } });
  const l = await createUser(db(), { login: "v-leader", name: "王芳", roles: ["GROUP_LEADER"], phone: "028-61234567" });
  await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都市", leaderId: l.id });
  await addStaff(db(), { campaignId: campaign.id, userId: t.id });
  await addStaff(db(), { campaignId: campaign.id, userId: s.id });
  // not current members: a disabled account, an applicant not in the pool, an account outside the team
  const gone = await createUser(db(), { login: "v-gone", name: "赵六", roles: ["CALLER"], phone: "13800000003" });
  await addStaff(db(), { campaignId: campaign.id, userId: gone.id });
  await db().user.update({ where: { id: gone.id }, data: { active: false } });
  const applicant = await createUser(db(), { login: "v-app", name: "钱七", roles: ["CALLER"], phone: "13800000004" });
  await addStaff(db(), { campaignId: campaign.id, userId: applicant.id });
  await db().staffProfile.updateMany({ where: { userId: applicant.id }, data: { poolStatus: "APPLIED" } });
  await createUser(db(), { login: "v-other", name: "孙八", roles: ["DATA"], phone: "13800000005" });
  teacher = t;
  student = s;
  leader = l;
});

beforeEach(async () => {
  await db().callCheck.deleteMany();
  await db().callCheckAlert.deleteMany();
  await switchOn(true);
});

describe("the setting", () => {
  it("off: the route is a 404, the page's setting is null, and nothing is recorded", async () => {
    await switchOn(false);
    expect(await verifySettingOf(db())).toBeNull();
    const response = await post({ kind: "NUMBER", value: "13800000001" });
    expect(response.status).toBe(404);
    expect(await check("CODE", verifyCode(SECRET, teacher.id, beijingDay(NOW)))).toEqual({ status: "OFF" });
    expect(await db().callCheck.count()).toBe(0);
  });

  it("off while the college is not set, even with a campaign", async () => {
    await db().college.deleteMany();
    expect(await verifySettingOf(db())).toBeNull();
    expect((await post({ kind: "NUMBER", value: "13800000001" })).status).toBe(404);
  });

  it("is the admin's: refused until the college is named, a bad office number refused in Chinese, then saved", async () => {
    const admin = await createUser(db(), { login: `v-admin-${Date.now()}`, roles: ["ADMIN"] });
    signInAs(admin);
    await db().college.deleteMany();
    const refused = await saveVerifySettings({ enabled: true, admissionsPhone: "" });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { enabled: [expect.stringMatching(/学校名称/)] },
    });
    await db().college.create({ data: { id: 1, name: "成都文理学院", shortName: "文理" } });
    expect(await saveVerifySettings({ enabled: true, admissionsPhone: "12ab" })).toMatchObject({
      ok: false,
      fieldErrors: { admissionsPhone: ["请填写正确的电话号码，如 028-12345678。"] },
    });
    expect((await db().college.findUniqueOrThrow({ where: { id: 1 } })).verifyEnabled).toBe(false);
    expect(await saveVerifySettings({ enabled: true, admissionsPhone: " 028-84616000 " })).toEqual({
      ok: true,
      data: { changed: true },
    });
    expect(await db().college.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      verifyEnabled: true,
      admissionsPhone: "028-84616000",
    });
    expect(await saveVerifySettings({ enabled: true, admissionsPhone: "028-84616000" })).toEqual({
      ok: true,
      data: { changed: false },
    });
    expect(await db().auditLog.count({ where: { action: "verify.configure", actorId: admin.id } })).toBe(1);
    signInAs(null);
  });
});

describe("a check", () => {
  it("by number: a member's number however it is typed names the team and the surname with 老师", async () => {
    const response = await post({ kind: "NUMBER", value: "+86 138 0000 0001" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "MATCH", team: TEAM, surname: "张", honorific: "TEACHER" });
    // a group's leader, by the landline as typed differently
    expect(await check("NUMBER", "(028) 6123 4567")).toMatchObject({ status: "MATCH", surname: "王" });
  });

  it("by code: today's code names a student with 同学 and a compound surname", async () => {
    const code = verifyCode(SECRET, student.id, beijingDay(NOW));
    expect(await check("CODE", code)).toEqual({ status: "MATCH", team: TEAM, surname: "欧阳", honorific: "STUDENT" });
    expect(await check("CODE", verifyCode(SECRET, leader.id, beijingDay(NOW)))).toMatchObject({ status: "MATCH" });
  });

  it("a miss tells what to do and gives the office's number, and says nothing about anyone", async () => {
    const misses = [
      await check("NUMBER", "13912345678"),
      await check("NUMBER", "13800000003"), // disabled
      await check("NUMBER", "13800000004"), // an applicant, not in the pool
      await check("NUMBER", "13800000005"), // not on the callback team
      await check("CODE", verifyCode(SECRET, teacher.id, beijingDay(addDays(NOW, -1)))), // yesterday's
    ];
    for (const answer of misses) {
      expect(answer).toEqual({
        status: "NO_MATCH",
        kind: expect.stringMatching(/NUMBER|CODE/),
        admissionsPhone: "028-84616000",
      });
    }
  });

  it("refuses what is no number and no code, and records nothing", async () => {
    const response = await post({ kind: "NUMBER", value: "1380000000" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ status: "INVALID", kind: "NUMBER" });
    expect(await check("CODE", "12345")).toEqual({ status: "INVALID", kind: "CODE" });
    expect((await post({ kind: "NAME", value: "张伟" })).status).toBe(400);
    expect((await post("not an object")).status).toBe(400);
    expect(await db().callCheck.count()).toBe(0);
  });

  it("refuses a post from another site", async () => {
    const response = await post({ kind: "NUMBER", value: "13800000001" }, "10.9.0.1", "https://evil.example");
    expect(response.status).toBe(403);
    expect(await db().callCheck.count()).toBe(0);
  });
});

describe("the address's limit", () => {
  const max = VERIFY_LIMITS.checksPerMinute;

  it("refuses numbers and wrong codes past the limit, never a code that succeeds, and lets go after a minute", async () => {
    for (let i = 0; i < max; i++) {
      expect((await check("NUMBER", `1391234560${i}`, "10.2.0.1", addSeconds(NOW, i))).status).toBe("NO_MATCH");
    }
    const later = addSeconds(NOW, max);
    expect(await check("NUMBER", "13800000001", "10.2.0.1", later)).toEqual({ status: "LIMITED" });
    expect(await check("CODE", "000000", "10.2.0.1", later)).toEqual({ status: "LIMITED" });
    const code = verifyCode(SECRET, teacher.id, beijingDay(NOW));
    expect(await check("CODE", code, "10.2.0.1", later)).toMatchObject({ status: "MATCH", surname: "张" });
    // another address behind another carrier is not held up
    expect(await check("NUMBER", "13800000001", "10.2.0.2", later)).toMatchObject({ status: "MATCH" });
    expect(await check("NUMBER", "13800000001", "10.2.0.1", addMinutes(later, 2))).toMatchObject({
      status: "MATCH",
    });
  });

  it("holds under a burst: of 20 simultaneous number checks from one address, exactly the limit are answered", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => check("NUMBER", `1371234${String(i).padStart(4, "0")}`, "10.3.0.1")),
    );
    expect(answers.filter((a) => a.status !== "LIMITED")).toHaveLength(max);
    expect(await db().callCheck.count({ where: { ip: "10.3.0.1" } })).toBe(20);
  });

  it("does not count successful code checks, and never counts an unknown address", async () => {
    const code = verifyCode(SECRET, teacher.id, beijingDay(NOW));
    for (let i = 0; i < max * 2; i++) expect((await check("CODE", code, "10.4.0.1")).status).toBe("MATCH");
    expect((await check("NUMBER", "13800000001", "10.4.0.1")).status).toBe("MATCH");
    for (let i = 0; i < max * 2; i++) expect((await check("NUMBER", "13912345678", "unknown")).status).toBe("NO_MATCH");
  });
});

describe("impersonation", () => {
  const alerts = () => db().callCheckAlert.findMany();
  // the register is append-only: each test's numbers are its own
  const incidentsFor = (number: string) => db().incident.findMany({ where: { title: { contains: number } } });

  it("an unknown number checked from three different addresses opens one incident; more checks that day, none", async () => {
    await check("NUMBER", "13011112222", "10.5.0.1");
    await check("NUMBER", "13011112222", "10.5.0.1");
    await check("NUMBER", "130 1111 2222", "10.5.0.2");
    await check("NUMBER", "13011112222", "unknown");
    expect(await alerts()).toHaveLength(0);
    await check("NUMBER", "+8613011112222", "10.5.0.3");
    expect(await alerts()).toHaveLength(1);
    // the inspection team's register: one possible impersonation, 较大, opened by the app, naming the number
    const [incident, ...others] = await incidentsFor("13011112222");
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      kind: "IMPERSONATION",
      severity: "SERIOUS",
      status: "OPEN",
      source: "SYSTEM",
      reporterId: null,
      reportedAt: NOW,
      title: "疑似冒充回访人员：13011112222",
    });
    expect(incident?.description).toContain("3 个不同网络地址");
    expect((await alerts())[0]?.incidentId).toBe(incident?.id);
    await check("NUMBER", "13011112222", "10.5.0.4", addMinutes(NOW, 5));
    expect(await alerts()).toHaveLength(1);
    // the next Beijing day, checked again by three: the next day's one
    const tomorrow = addDays(NOW, 1);
    for (const address of ["10.5.0.5", "10.5.0.6", "10.5.0.7"]) await check("NUMBER", "13011112222", address, tomorrow);
    expect((await alerts()).map((a) => a.day).sort()).toEqual([beijingDay(NOW), beijingDay(tomorrow)]);
    expect(await incidentsFor("13011112222")).toHaveLength(2);
    // a member's number never raises one
    for (const address of ["10.6.0.1", "10.6.0.2", "10.6.0.3"]) await check("NUMBER", "13800000001", address);
    expect(await alerts()).toHaveLength(2);
    expect(await incidentsFor("13800000001")).toHaveLength(0);
  });

  it("a burst of checks of one unknown number from many addresses opens exactly one incident", async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => check("NUMBER", "13099998888", `10.7.0.${i + 1}`)),
    );
    expect(answers.every((a: CheckAnswer) => a.status === "NO_MATCH")).toBe(true);
    expect(await alerts()).toHaveLength(1);
    expect(await incidentsFor("13099998888")).toHaveLength(1);
  });

  it("checks older than 24 hours do not count", async () => {
    await check("NUMBER", "13055556666", "10.8.0.1", addDays(NOW, -2));
    await check("NUMBER", "13055556666", "10.8.0.2", addDays(NOW, -2));
    await check("NUMBER", "13055556666", "10.8.0.3");
    expect(await alerts()).toHaveLength(0);
    expect(await incidentsFor("13055556666")).toHaveLength(0);
  });
});

describe("what is kept", () => {
  it("no phone number in any check or alert, only a keyed hash", async () => {
    await check("NUMBER", "13800000001", "10.10.0.1");
    for (const address of ["10.10.0.2", "10.10.0.3", "10.10.0.4"]) await check("NUMBER", "13044443333", address);
    const stored = JSON.stringify([await db().callCheck.findMany(), await db().callCheckAlert.findMany()]);
    expect(stored).not.toContain("13800000001");
    expect(stored).not.toContain("13044443333");
    expect(stored).not.toContain("4444");
  });

  it("checks and alerts older than the retention period are deleted by the next check", async () => {
    const old = addDays(NOW, -(VERIFY_LIMITS.retentionDays + 1));
    for (const address of ["10.11.0.1", "10.11.0.2", "10.11.0.3"]) await check("NUMBER", "13022221111", address, old);
    expect(await db().callCheck.count()).toBe(3);
    expect(await db().callCheckAlert.count()).toBe(1);
    await check("NUMBER", "13800000001", "10.11.0.9");
    expect(await db().callCheck.count()).toBe(1);
    expect(await db().callCheckAlert.count()).toBe(0);
  });
});
