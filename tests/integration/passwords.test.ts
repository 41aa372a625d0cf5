// One's own new password, an admin's reset, and what an account may do between the two.
import { beforeEach, describe, expect, it } from "vitest";
import { resetUserPassword, setUserActive } from "@/app/(app)/admin/staff/actions";
import { changePassword } from "@/app/(auth)/account/password/actions";
import { resetPassword } from "@/lib/accounts/passwords";
import { verifyPassword } from "@/lib/auth/password";
import { startSession } from "@/lib/auth/sessions";
import { checkCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
const OLD = "chengdu-wenli-7";

describe("changing one's own password", () => {
  let user: User;

  beforeEach(async () => {
    user = await createUser(db(), { login: `wang${Date.now()}`, roles: ["CALLER"], password: OLD });
    signInAs(user);
  });

  const row = () => db().user.findUniqueOrThrow({ where: { id: user.id } });

  it.each([
    [{ current: "wrong-pass-1", next: "a-new-pass-22", repeat: "a-new-pass-22" }, "current", "当前密码不正确。"],
    [{ current: OLD, next: "short1", repeat: "short1" }, "next", "密码至少需要 10 个字符。"],
    [{ current: OLD, next: "password123", repeat: "password123" }, "next", "这个密码太常见，很容易被猜到，请换一个。"],
    [{ current: OLD, next: "a-new-pass-22", repeat: "a-new-pass-23" }, "repeat", "两次输入的新密码不一致。"],
    [{ current: OLD, next: OLD, repeat: OLD }, "next", "新密码不能与当前密码相同。"],
  ])("refuses %o on %s and changes nothing", async (input, field, sentence) => {
    const before = await row();
    const result = await changePassword(input);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [sentence] } });
    expect(await row()).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
    expect(await db().auditLog.count({ where: { entityId: user.id } })).toBe(0);
  });

  it("sets the new password, ends every session, and audits that it changed without the password", async () => {
    const session = await startSession(db(), { userId: user.id });
    expect(await changePassword({ current: OLD, next: "a-new-pass-22", repeat: "a-new-pass-22" })).toEqual({
      ok: true,
      data: { changed: true },
    });
    const after = await row();
    expect(await verifyPassword(after.passwordHash, "a-new-pass-22")).toBe(true);
    expect(after.sessionVersion).toBe(1);
    expect((await db().session.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
    const audit = await db().auditLog.findMany({ where: { entityId: user.id } });
    expect(audit).toMatchObject([{ action: "user.changePassword", after: { passwordChanged: true } }]);
    expect(JSON.stringify(audit)).not.toContain("a-new-pass-22");
  });
});

describe("an admin's reset", () => {
  it("gives a temporary password once, signs the account out everywhere, and requires a new one", async () => {
    const user = await createUser(db(), { login: `li${Date.now()}`, roles: ["CALLER"], password: OLD });
    const session = await startSession(db(), { userId: user.id });
    const temporary = await db().$transaction((tx) => resetPassword(tx, user.id, new Date()));
    expect(temporary).toMatch(/^[a-z2-9]{12}$/);
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ mustChangePassword: true, sessionVersion: 1 });
    expect(await verifyPassword(after.passwordHash, temporary as string)).toBe(true);
    expect(await verifyPassword(after.passwordHash, OLD)).toBe(false);
    expect((await db().session.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
  });

  it("leaves the account nothing but choosing a new password, then everything its roles allow", async () => {
    const admin = await createUser(db(), { login: `admin${Date.now()}`, roles: ["ADMIN"], password: OLD });
    const other = await createUser(db(), { login: `zhao${Date.now()}`, roles: ["CALLER"] });
    const temporary = (await db().$transaction((tx) => resetPassword(tx, admin.id, new Date()))) as string;

    signInAs({ ...admin, mustChangePassword: true });
    expect(await setUserActive({ userId: other.id, active: "false" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db().user.findUniqueOrThrow({ where: { id: other.id } })).active).toBe(true);

    const changed = await changePassword({ current: temporary, next: "my-own-pass-3", repeat: "my-own-pass-3" });
    expect(changed.ok).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).mustChangePassword).toBe(false);

    signInAs({ ...admin, mustChangePassword: false });
    expect(await setUserActive({ userId: other.id, active: "false" })).toMatchObject({ ok: true });
  });
});

describe("the staff page's reset (resetUserPassword)", () => {
  let admin: User;
  let person: User;

  beforeEach(async () => {
    admin = await createUser(db(), { login: `admin${Date.now()}`, roles: ["ADMIN"], password: OLD });
    person = await createUser(db(), { login: `sun${Date.now()}`, roles: ["CALLER"], password: OLD });
    signInAs(admin);
  });

  const audits = (entityId: string) => db().auditLog.findMany({ where: { entityId } });

  it("returns a temporary password that signs in, once, to a new password, and audits without it", async () => {
    const result = await resetUserPassword({ userId: person.id });
    if (!result.ok) throw new Error(result.error);
    const temporary = result.data.temporaryPassword;

    const signedIn = await checkCredentials(
      db(),
      { login: person.login, password: temporary, address: "x" },
      new Date(),
    );
    expect(signedIn).toMatchObject({ ok: true, user: { login: person.login } });
    const old = await checkCredentials(db(), { login: person.login, password: OLD, address: "x" }, new Date());
    expect(old.ok).toBe(false);
    expect(await db().user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({
      mustChangePassword: true,
    });

    const audit = await audits(person.id);
    expect(audit).toMatchObject([
      { action: "user.resetPassword", actorId: admin.id, after: { passwordReset: true, mustChangePassword: true } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(temporary);
    expect(JSON.stringify(audit)).not.toContain("argon2");
  });

  it("refuses one's own password (changed on its own page) and changes nothing", async () => {
    const before = await db().user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(await resetUserPassword({ userId: admin.id })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { userId: ["不能在这里重置自己的密码，请在“修改密码”页面修改。"] },
    });
    expect(await db().user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      passwordHash: before.passwordHash,
      mustChangePassword: false,
      sessionVersion: before.sessionVersion,
    });
    expect(await audits(admin.id)).toEqual([]);
  });

  it("refuses anyone without staff.manage, and an account that does not exist", async () => {
    const before = await db().user.findUniqueOrThrow({ where: { id: person.id } });
    // the role matrix tries every role; these are the ones nearest to managing people
    for (const role of ["DATA", "CALLBACK_LEAD", "GROUP_LEADER", "INSPECTOR"] as const) {
      const other = await createUser(db(), { login: `r-${role.toLowerCase()}${Date.now()}`, roles: [role] });
      signInAs(other);
      expect(await resetUserPassword({ userId: person.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBe(before.passwordHash);
    expect(await audits(person.id)).toEqual([]);

    signInAs(admin);
    expect(await resetUserPassword({ userId: "no-such-user" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
