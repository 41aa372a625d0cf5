// 新建账号 on the staff page: a temporary password shown once, changed at the first sign-in, and for a
// caller a place in this year's staff pool (2023's excellent callers directly, others after the review).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createUserAccount } from "@/app/(app)/admin/staff/actions";
import { reviewQualification } from "@/app/(app)/inspection/actions";
import { verifyPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createCampaign, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;
let serial = 0;

describe("an admin creates an account", () => {
  let admin: User;
  let campaignId: string;

  beforeAll(async () => {
    campaignId = (await createCampaign(db(), { now: new Date() })).id;
  });

  beforeEach(async () => {
    serial += 1;
    admin = await createUser(db(), { login: `admin-${serial}-${Date.now()}`, name: "张老师", roles: ["ADMIN"] });
    signInAs(admin);
  });

  const form = (overrides: Record<string, unknown> = {}) => ({
    login: `T2025${String(serial).padStart(3, "0")}`,
    name: "李明",
    phone: "13800001234",
    roles: ["CALLER"],
    poolSource: "",
    ...overrides,
  });

  it("gives a temporary password that signs in (to choose one's own password), and never audits it", async () => {
    const result = await createUserAccount(form());
    expect(result).toMatchObject({ ok: true, data: { login: `t2025${String(serial).padStart(3, "0")}`, pool: null } });
    if (!result.ok) return;
    const user = await db().user.findUniqueOrThrow({ where: { id: result.data.userId } });
    expect(user).toMatchObject({ name: "李明", phone: "13800001234", roles: ["CALLER"], mustChangePassword: true });
    expect(await verifyPassword(user.passwordHash, result.data.temporaryPassword)).toBe(true);
    const signedIn = await checkCredentials(db(), {
      login: result.data.login.toUpperCase(),
      password: result.data.temporaryPassword,
      address: "198.51.100.7",
    });
    expect(signedIn).toMatchObject({ ok: true });
    expect(await db().staffProfile.count({ where: { userId: user.id } })).toBe(0);

    const audits = await db().auditLog.findMany({ where: { action: "user.create", entityId: user.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorId).toBe(admin.id);
    expect(JSON.stringify(audits[0])).not.toContain(result.data.temporaryPassword);
    expect(JSON.stringify(audits[0])).not.toContain(user.passwordHash);
  });

  it.each([
    ["EXCELLENT_2023", { poolStatus: "APPROVED", qualification: "APPROVED" }],
    ["VOLUNTEER", { poolStatus: "APPLIED", qualification: "PENDING" }],
    ["PRIOR_2023", { poolStatus: "APPLIED", qualification: "PENDING" }],
  ] as const)("puts a caller from %s in this year's pool as %o", async (source, expected) => {
    const result = await createUserAccount(form({ poolSource: source }));
    expect(result).toMatchObject({ ok: true, data: { pool: expected } });
    if (!result.ok) return;
    const profile = await db().staffProfile.findUniqueOrThrow({
      where: { campaignId_userId: { campaignId, userId: result.data.userId } },
    });
    expect(profile).toMatchObject({ source, groupId: null, ...expected });
  });

  it("an applicant made here reaches the pool through the inspection team's review", async () => {
    const result = await createUserAccount(form({ poolSource: "VOLUNTEER" }));
    if (!result.ok) throw new Error("setup");
    const profile = await db().staffProfile.findFirstOrThrow({ where: { userId: result.data.userId } });
    const inspector = await createUser(db(), { login: `insp-${serial}-${Date.now()}`, roles: ["INSPECTOR"] });
    signInAs(inspector);
    expect(await reviewQualification({ profileId: profile.id, decision: "APPROVED" })).toMatchObject({ ok: true });
    expect(await db().staffProfile.findUniqueOrThrow({ where: { id: profile.id } })).toMatchObject({
      poolStatus: "APPROVED",
    });
  });

  it.each([
    [{ login: "李明" }, "login", "账号只能由 2–64 位字母、数字、点、下划线或连字符组成，并以字母或数字开头。"],
    [{ login: "a" }, "login", "账号只能由 2–64 位字母、数字、点、下划线或连字符组成，并以字母或数字开头。"],
    [{ name: "   " }, "name", "请填写姓名（最多 40 个字）。"],
    [{ phone: "1380000123" }, "phone", "手机号须是 11 位数字，以 1 开头；不知道可以不填。"],
    [{ roles: [] }, "roles", "请至少选择一个角色。"],
    [
      { roles: ["INSPECTOR"], poolSource: "VOLUNTEER" },
      "poolSource",
      "只有回访人员才能加入回访人员库：请同时勾选“回访人员”，或选择“不加入人员库”。",
    ],
  ])("refuses %o on %s in Chinese and creates nobody", async (overrides, field, sentence) => {
    const before = await db().user.count();
    const result = await createUserAccount(form(overrides));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (result.ok) return;
    expect(result.fieldErrors?.[field]).toEqual([sentence]);
    expect(await db().user.count()).toBe(before);
    expect(await db().auditLog.count({ where: { action: "user.create", actorId: admin.id } })).toBe(0);
  });

  it("refuses a login that exists in another case, unknown roles and extra fields", async () => {
    expect((await createUserAccount(form({ login: "wang.li" }))).ok).toBe(true);
    expect(await createUserAccount(form({ login: "Wang.Li" }))).toMatchObject({
      ok: false,
      fieldErrors: { login: ["账号 wang.li 已存在。"] },
    });
    expect((await createUserAccount(form({ login: "other1", roles: ["ROOT"] }))).ok).toBe(false);
    expect((await createUserAccount({ ...form({ login: "other2" }), mustChangePassword: false })).ok).toBe(false);
    expect(await db().user.count({ where: { login: { in: ["other1", "other2"] } } })).toBe(0);
  });

  it("is refused to everyone but the admin", async () => {
    for (const roles of [["DATA"], ["CALLBACK_LEAD"], ["GROUP_LEADER", "CALLER"], ["INSPECTOR"]] as const) {
      const someone = await createUser(db(), { login: `r-${roles[0]}-${serial}-${Date.now()}`, roles: [...roles] });
      signInAs(someone);
      expect(await createUserAccount(form({ login: `x${roles[0].toLowerCase()}` }))).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
  });
});
