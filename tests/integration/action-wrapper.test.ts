import { beforeEach, describe, expect, it } from "vitest";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;

describe("the action wrapper, through user.setActive", () => {
  let admin: User;
  let caller: User;

  beforeEach(async () => {
    await db().user.deleteMany({ where: { auditLogs: { none: {} } } });
    admin = await createUser(db(), { login: `admin-${Date.now()}`, roles: ["ADMIN"] });
    caller = await createUser(db(), { login: `caller-${Date.now()}`, roles: ["CALLER"] });
    signInAs(null);
  });

  const callerRow = () => db().user.findUniqueOrThrow({ where: { id: caller.id } });
  const auditRows = () => db().auditLog.count({ where: { entityId: caller.id } });

  it("disables a user, ends their sessions, and writes exactly one audit row", async () => {
    signInAs(admin);
    const result = await setUserActive({ userId: caller.id, active: "false" });
    expect(result).toEqual({ ok: true, data: { active: false } });
    expect(await callerRow()).toMatchObject({ active: false, sessionVersion: 1 });
    const audit = await db().auditLog.findMany({ where: { entityId: caller.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      action: "user.setActive",
      entityType: "User",
      before: { active: true },
      after: { active: false },
    });
    expect(audit[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts FormData as a form post sends it", async () => {
    signInAs(admin);
    const form = new FormData();
    form.set("userId", caller.id);
    form.set("active", "false");
    expect((await setUserActive(form)).ok).toBe(true);
    expect((await callerRow()).active).toBe(false);
  });

  it("refuses without a session and changes nothing", async () => {
    const result = await setUserActive({ userId: caller.id, active: "false" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED", error: "登录已失效，请重新登录后再试。" });
    expect(await callerRow()).toMatchObject({ active: true, sessionVersion: 0 });
    expect(await auditRows()).toBe(0);
  });

  // docs/reliability.md #2: every role is tried; only the roles the matrix names may run the action.
  for (const role of ROLES) {
    const allowed = can([role], "staff.manage");
    it(`${allowed ? "lets" : "refuses"} ${role}`, async () => {
      const actor = await createUser(db(), { login: `actor-${role}-${Date.now()}`, roles: [role] });
      signInAs(actor);
      const result = await setUserActive({ userId: caller.id, active: "false" });
      if (allowed) {
        expect(result.ok).toBe(true);
        expect((await callerRow()).active).toBe(false);
      } else {
        expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", error: "你没有进行此操作的权限。" });
        expect(await callerRow()).toMatchObject({ active: true, sessionVersion: 0 });
        expect(await auditRows()).toBe(0);
      }
    });
  }

  it("refuses extra posted fields (mass assignment) and changes nothing", async () => {
    signInAs(admin);
    const result = await setUserActive({ userId: caller.id, active: "false", roles: ["ADMIN"], sessionVersion: 0 });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await callerRow()).toMatchObject({ active: true, roles: ["CALLER"] });
    expect(await auditRows()).toBe(0);
  });

  it("refuses malformed values with field errors", async () => {
    signInAs(admin);
    const result = await setUserActive({ userId: caller.id, active: "maybe" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["active"]);
  });

  it("rolls back and writes no audit row when the body refuses", async () => {
    signInAs(admin);
    const self = await setUserActive({ userId: admin.id, active: "false" });
    expect(self).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { active: ["不能停用自己的账号。"] } });
    const missing = await setUserActive({ userId: "no-such-user", active: "false" });
    expect(missing).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db().auditLog.count({ where: { actorId: admin.id } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });
});

describe("the audit log", () => {
  it("is append-only in the database itself", async () => {
    // the app's role may only INSERT and SELECT; the trigger refuses even the owner (retention.test.ts)
    const row = await db().auditLog.create({ data: { action: "test.append", entityType: "Test" } });
    const refused = /permission denied for table AuditLog/;
    await expect(db().auditLog.update({ where: { id: row.id }, data: { action: "rewritten" } })).rejects.toThrow(
      refused,
    );
    await expect(db().auditLog.delete({ where: { id: row.id } })).rejects.toThrow(refused);
    await expect(db().auditLog.deleteMany({})).rejects.toThrow(refused);
    expect((await db().auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("test.append");
  });
});
