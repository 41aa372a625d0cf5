// An admin edits an account on the person's page: name, mobile, 身份, 学院/部门 and roles; the login stays.
// A change of roles ends the person's sessions; the admin role cannot be taken from oneself nor from the
// last active admin, not even by two admins demoting each other at the same moment.
import { beforeEach, describe, expect, it } from "vitest";
import { editUserAccount } from "@/app/(app)/admin/staff/[userId]/actions";
import { editAccount } from "@/lib/accounts/edit-account";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
let serial = 0;

async function onlyTheseAdminsActive(...keep: User[]) {
  await db().user.updateMany({
    where: { roles: { has: "ADMIN" }, id: { notIn: keep.map((u) => u.id) } },
    data: { active: false },
  });
}

describe("an admin edits an account", () => {
  let admin: User;
  let caller: User;

  beforeEach(async () => {
    serial += 1;
    admin = await createUser(db(), { login: `edit-admin-${serial}`, name: "张老师", roles: ["ADMIN"] });
    caller = await createUser(db(), { login: `edit-caller-${serial}`, name: "李明", roles: ["CALLER"] });
    signInAs(admin);
  });

  const form = (user: User, overrides: Record<string, unknown> = {}) => ({
    userId: user.id,
    name: user.name,
    phone: "",
    identity: "",
    department: "",
    roles: user.roles,
    ...overrides,
  });

  it("saves name, mobile, 身份 and 学院/部门, audits before and after, and keeps the sessions", async () => {
    await db().session.create({
      data: { userId: caller.id, expiresAt: new Date(Date.now() + 3_600_000), userAgent: "phone" },
    });
    const result = await editUserAccount(
      form(caller, { name: " 李明明 ", phone: "13900001111", identity: "STUDENT", department: "护理学院" }),
    );
    expect(result).toEqual({ ok: true, data: { rolesChanged: false, signedOut: false } });
    const after = await db().user.findUniqueOrThrow({ where: { id: caller.id } });
    expect(after).toMatchObject({
      name: "李明明",
      phone: "13900001111",
      identity: "STUDENT",
      department: "护理学院",
      login: caller.login,
      sessionVersion: caller.sessionVersion,
    });
    expect(await db().session.count({ where: { userId: caller.id, revokedAt: null } })).toBe(1);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.edit", entityId: caller.id } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      before: { name: "李明", phone: null },
      after: { name: "李明明" },
    });
  });

  it("ends every session of a person whose roles change", async () => {
    await db().session.create({
      data: { userId: caller.id, expiresAt: new Date(Date.now() + 3_600_000), userAgent: "phone" },
    });
    const result = await editUserAccount(form(caller, { roles: ["CALLER", "STRIKE"] }));
    expect(result).toEqual({ ok: true, data: { rolesChanged: true, signedOut: false } });
    const after = await db().user.findUniqueOrThrow({ where: { id: caller.id } });
    expect(after.roles).toEqual(["CALLER", "STRIKE"]);
    expect(after.sessionVersion).toBe(caller.sessionVersion + 1);
    expect(await db().session.count({ where: { userId: caller.id, revokedAt: null } })).toBe(0);
  });

  it("tells an admin who changed their own roles that they are signed out too", async () => {
    const result = await editUserAccount(form(admin, { roles: ["ADMIN", "INSPECTOR"] }));
    expect(result).toEqual({ ok: true, data: { rolesChanged: true, signedOut: true } });
    const after = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after.sessionVersion).toBe(admin.sessionVersion + 1);
  });

  it.each([
    ["a mobile that is not 11 digits", { phone: "1390000" }, "phone"],
    ["an empty name", { name: "  " }, "name"],
    ["no role", { roles: [] }, "roles"],
    ["an unknown 身份", { identity: "PARENT" }, "identity"],
    ["a 学院/部门 of 61 characters", { department: "院".repeat(61) }, "department"],
  ])("refuses %s, changing nothing", async (_, overrides, field) => {
    const result = await editUserAccount(form(caller, { name: "改了名", ...overrides }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [expect.any(String)] } });
    expect((await db().user.findUniqueOrThrow({ where: { id: caller.id } })).name).toBe("李明");
  });

  it("refuses taking the admin role from oneself", async () => {
    await createUser(db(), { login: `edit-other-admin-${serial}`, roles: ["ADMIN"] });
    const result = await editUserAccount(form(admin, { roles: ["DATA"] }));
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { roles: [expect.stringContaining("自己")] },
    });
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(["ADMIN"]);
  });

  it("lets one admin take the role from another; a disabled admin's account counts for nothing", async () => {
    const other = await createUser(db(), { login: `edit-last-admin-${serial}`, roles: ["ADMIN", "CALLER"] });
    await createUser(db(), { login: `edit-disabled-admin-${serial}`, roles: ["ADMIN"], active: false });
    await onlyTheseAdminsActive(admin, other);
    expect(await editUserAccount(form(other, { roles: ["CALLER"] }))).toMatchObject({ ok: true });
    expect(await db().user.count({ where: { active: true, roles: { has: "ADMIN" } } })).toBe(1);
  });

  it("lets one of two admins demoting each other at the same moment through, never both", async () => {
    // the two transactions the two admins' requests would open, side by side (the mocked session has one
    // user at a time, so the race is run one level down, on the function the action runs)
    const a = await createUser(db(), { login: `edit-race-a-${serial}`, roles: ["ADMIN"] });
    const b = await createUser(db(), { login: `edit-race-b-${serial}`, roles: ["ADMIN"] });
    await onlyTheseAdminsActive(a, b);
    // the first transaction has demoted b and stays open while the second one starts on a: with the
    // admins locked, the second waits for the first to end and then sees a as the last admin
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstDone = () => {};
    const firstEdited = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    const demote = (target: User, actor: User) => ({
      ...form(target, { roles: ["DATA"] }),
      identity: "" as const,
      actor,
    });
    const first = db().$transaction(async (tx) => {
      const { actor, ...input } = demote(b, a);
      const result = await editAccount(tx, input, actor.id);
      firstDone();
      await gate;
      return result;
    });
    await firstEdited;
    const second = db().$transaction((tx) => {
      const { actor, ...input } = demote(a, b);
      return editAccount(tx, input, actor.id);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(JSON.stringify(refused)).toContain("accounts.errors.lastAdmin");
    expect(await db().user.count({ where: { active: true, roles: { has: "ADMIN" } } })).toBe(1);
  });

  it("answers NOT_FOUND for an account that does not exist", async () => {
    expect(await editUserAccount(form(caller, { userId: "nobody" }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
