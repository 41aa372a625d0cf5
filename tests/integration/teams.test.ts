// The teams' leads (plan 二、组织机构): the callback lead picks the strike team, an inspection co-lead the
// inspectors, the data lead the data team, the admin names the leads; each change ends the person's
// sessions and is audited with the roles before and after; the refusals change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { setDataMember, setTeamLead } from "@/app/(app)/admin/team/actions";
import { setInspector } from "@/app/(app)/inspection/team/actions";
import { setStrikeMember } from "@/app/(app)/strike/team/actions";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

const stamp = Date.now().toString(36);
const login = (name: string) => `${name}-${stamp}`;

async function rolesOf(userLogin: string) {
  return (await db().user.findUniqueOrThrow({ where: { login: userLogin }, select: { roles: true } })).roles;
}

describe("team leads and their members", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let lead: Awaited<ReturnType<typeof createUser>>;
  let coLead: Awaited<ReturnType<typeof createUser>>;
  let dataLead: Awaited<ReturnType<typeof createUser>>;
  let student: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    admin = await createUser(db(), { login: login("admin"), roles: ["ADMIN"] });
    lead = await createUser(db(), { login: login("lead"), roles: ["CALLBACK_LEAD"] });
    coLead = await createUser(db(), { login: login("colead"), roles: ["INSPECTOR", "INSPECTION_LEAD"] });
    dataLead = await createUser(db(), { login: login("datalead"), roles: ["DATA", "DATA_LEAD"] });
    student = await createUser(db(), { login: login("student"), name: "李同学", roles: ["CALLER"] });
  });

  it("lets the callback lead add a strike member, ending their sessions, audited with the roles", async () => {
    const sessionId = await startSession(db(), { userId: student.id });
    signInAs(lead);
    const result = await setStrikeMember({ login: student.login, member: "true" });
    expect(result).toMatchObject({ ok: true, data: { name: "李同学", roles: ["CALLER", "STRIKE"], changed: true } });
    expect(await rolesOf(student.login)).toEqual(["CALLER", "STRIKE"]);
    const ended = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(ended.revokedAt).not.toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "team.strikeMember", actorId: lead.id } });
    expect(audit).toMatchObject({
      entityType: "User",
      entityId: student.id,
      before: { roles: ["CALLER"] },
      after: { roles: ["CALLER", "STRIKE"], team: "strike" },
    });
  });

  it("writes nothing when the person is already on the team", async () => {
    signInAs(lead);
    const before = await db().auditLog.count();
    expect(await setStrikeMember({ login: student.login, member: "true" })).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    expect(await db().auditLog.count()).toBe(before);
  });

  it("lets the callback lead take the member off again", async () => {
    signInAs(lead);
    expect(await setStrikeMember({ login: student.login, member: "false" })).toMatchObject({ ok: true });
    expect(await rolesOf(student.login)).toEqual(["CALLER"]);
  });

  it("lets an inspection co-lead add an inspector, and refuses to take another co-lead off", async () => {
    const other = await createUser(db(), { login: login("colead2"), roles: ["INSPECTOR", "INSPECTION_LEAD"] });
    signInAs(coLead);
    expect(await setInspector({ login: student.login, member: "true" })).toMatchObject({ ok: true });
    expect(await rolesOf(student.login)).toEqual(["CALLER", "INSPECTOR"]);
    const refused = await setInspector({ login: other.login, member: "false" });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!refused.ok) expect(refused.fieldErrors?.login?.[0]).toContain("负责人");
    expect(await rolesOf(other.login)).toEqual(["INSPECTOR", "INSPECTION_LEAD"]);
  });

  it("lets the data lead add a data member; an unknown or disabled login is refused in Chinese", async () => {
    signInAs(dataLead);
    expect(await setDataMember({ login: student.login, member: "true" })).toMatchObject({ ok: true });
    expect(await rolesOf(student.login)).toContain("DATA");
    const unknown = await setDataMember({ login: "nobody-here", member: "true" });
    expect(unknown).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { login: ["没有这个账号，请核对工号/学号"] },
    });
    const gone = await createUser(db(), { login: login("gone"), roles: ["CALLER"], active: false });
    expect(await setDataMember({ login: gone.login, member: "true" })).toMatchObject({
      ok: false,
      fieldErrors: { login: ["该账号已停用，不能加入"] },
    });
    expect(await rolesOf(gone.login)).toEqual(["CALLER"]);
  });

  it("refuses one lead managing another team", async () => {
    signInAs(lead);
    expect(await setInspector({ login: student.login, member: "false" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    signInAs(coLead);
    expect(await setStrikeMember({ login: student.login, member: "true" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await setTeamLead({ team: "data", login: student.login, lead: "true" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("lets the admin name a co-lead, who becomes an inspector too, and end the office", async () => {
    const teacher = await createUser(db(), { login: login("teacher"), roles: ["CALLER"] });
    signInAs(admin);
    expect(await setTeamLead({ team: "inspection", login: teacher.login, lead: "true" })).toMatchObject({ ok: true });
    expect(await rolesOf(teacher.login)).toEqual(["CALLER", "INSPECTOR", "INSPECTION_LEAD"]);
    expect(await setTeamLead({ team: "inspection", login: teacher.login, lead: "false" })).toMatchObject({ ok: true });
    expect(await rolesOf(teacher.login)).toEqual(["CALLER", "INSPECTOR"]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "team.lead", entityId: teacher.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.before).toEqual({ roles: ["CALLER", "INSPECTOR", "INSPECTION_LEAD"] });
  });

  it("never lets anybody remove their own lead role", async () => {
    const both = await createUser(db(), { login: login("both"), roles: ["ADMIN", "DATA", "DATA_LEAD"] });
    signInAs(both);
    const before = await db().auditLog.count();
    expect(await setTeamLead({ team: "data", login: both.login, lead: "false" })).toMatchObject({
      ok: false,
      fieldErrors: { login: ["不能撤销自己的负责人身份"] },
    });
    signInAs(lead);
    // the callback lead cannot take a lead's office through the members' section either
    expect(await setStrikeMember({ login: lead.login, member: "false" })).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    expect(await rolesOf(both.login)).toEqual(["ADMIN", "DATA", "DATA_LEAD"]);
    expect(await db().auditLog.count()).toBe(before);
  });

  it("refuses a post with extra or malformed fields", async () => {
    signInAs(admin);
    expect(await setStrikeMember({ login: student.login, member: "true", roles: ["ADMIN"] })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await setTeamLead({ team: "finance", login: student.login, lead: "true" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await rolesOf(student.login)).not.toContain("ADMIN");
  });
});
