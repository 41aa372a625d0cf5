import { addMinutes } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import { checkCredentials, LOGIN_LIMITS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { createUser, DEMO_PASSWORD } from "@/prisma/seed/factories";

const prisma = () => db();
const t0 = new Date("2024-07-01T08:00:00Z");

describe("checkCredentials", () => {
  beforeEach(async () => {
    await prisma().loginAttempt.deleteMany();
    await prisma().user.deleteMany();
    await createUser(prisma(), { login: "caller01", name: "张三", roles: ["CALLER"] });
    await createUser(prisma(), { login: "gone", roles: ["CALLER"], active: false });
  });

  it("signs in with the right password and records the attempt", async () => {
    const result = await checkCredentials(
      prisma(),
      { login: "caller01", password: DEMO_PASSWORD, address: "10.0.0.1" },
      t0,
    );
    expect(result).toMatchObject({ ok: true, user: { login: "caller01", roles: ["CALLER"], sessionVersion: 0 } });
    expect(await prisma().loginAttempt.count({ where: { login: "caller01", success: true } })).toBe(1);
  });

  it("accepts the login in any letter case", async () => {
    const result = await checkCredentials(prisma(), { login: " Caller01 ", password: DEMO_PASSWORD, address: "x" }, t0);
    expect(result.ok).toBe(true);
  });

  it.each([
    ["empty login", { login: "", password: "x" }],
    ["empty password", { login: "caller01", password: "" }],
    ["missing fields", {}],
    ["non-string login", { login: ["a"], password: "x" }],
  ])("refuses %s without touching the counters", async (_, input) => {
    const result = await checkCredentials(prisma(), { ...input, address: "x" }, t0);
    expect(result).toEqual({ ok: false, error: "EMPTY" });
    expect(await prisma().loginAttempt.count()).toBe(0);
  });

  it("gives the same answer for an unknown login and a wrong password", async () => {
    const unknown = await checkCredentials(prisma(), { login: "nobody", password: "x", address: "x" }, t0);
    const wrong = await checkCredentials(prisma(), { login: "caller01", password: "wrong", address: "x" }, t0);
    expect(unknown).toEqual({ ok: false, error: "INVALID" });
    expect(wrong).toEqual(unknown);
    expect(await prisma().loginAttempt.count({ where: { success: false } })).toBe(2);
  });

  it("tells a disabled user only after the right password", async () => {
    expect(await checkCredentials(prisma(), { login: "gone", password: "wrong", address: "x" }, t0)).toEqual({
      ok: false,
      error: "INVALID",
    });
    expect(await checkCredentials(prisma(), { login: "gone", password: DEMO_PASSWORD, address: "x" }, t0)).toEqual({
      ok: false,
      error: "DISABLED",
    });
  });

  it("refuses the 11th attempt in 15 minutes even with the right password", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      const r = await checkCredentials(
        prisma(),
        { login: "caller01", password: "wrong", address: `10.0.0.${i}` },
        addMinutes(t0, i),
      );
      expect(r).toEqual({ ok: false, error: "INVALID" });
    }
    const eleventh = await checkCredentials(
      prisma(),
      { login: "caller01", password: DEMO_PASSWORD, address: "10.9.9.9" },
      addMinutes(t0, 10),
    );
    expect(eleventh).toEqual({ ok: false, error: "LOCKED" });
    // the window slides: 15 minutes after the first failures the account opens again
    const later = await checkCredentials(
      prisma(),
      { login: "caller01", password: DEMO_PASSWORD, address: "10.9.9.9" },
      addMinutes(t0, 26),
    );
    expect(later.ok).toBe(true);
  });

  it("locks unknown logins the same way, so the lock reveals nothing", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await checkCredentials(prisma(), { login: "ghost", password: "x", address: `10.1.0.${i}` }, t0);
    }
    expect(await checkCredentials(prisma(), { login: "ghost", password: "x", address: "10.1.1.1" }, t0)).toEqual({
      ok: false,
      error: "LOCKED",
    });
  });

  it("a successful sign-in clears the account's failures", async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      await checkCredentials(prisma(), { login: "caller01", password: "wrong", address: "x" }, addMinutes(t0, 1));
    }
    expect(
      (
        await checkCredentials(
          prisma(),
          { login: "caller01", password: DEMO_PASSWORD, address: "x" },
          addMinutes(t0, 2),
        )
      ).ok,
    ).toBe(true);
    const next = await checkCredentials(
      prisma(),
      { login: "caller01", password: "wrong", address: "x" },
      addMinutes(t0, 3),
    );
    expect(next).toEqual({ ok: false, error: "INVALID" });
  });

  it("limits one address to 50 failures across accounts", async () => {
    await prisma().loginAttempt.createMany({
      data: Array.from({ length: LOGIN_LIMITS.perAddress }, (_, i) => ({
        login: `spray${i}`,
        ip: "203.0.113.7",
        success: false,
        createdAt: addMinutes(t0, -1),
      })),
    });
    const fromSprayer = await checkCredentials(
      prisma(),
      { login: "caller01", password: DEMO_PASSWORD, address: "203.0.113.7" },
      t0,
    );
    expect(fromSprayer).toEqual({ ok: false, error: "LOCKED" });
    const fromElsewhere = await checkCredentials(
      prisma(),
      { login: "caller01", password: DEMO_PASSWORD, address: "198.51.100.1" },
      t0,
    );
    expect(fromElsewhere.ok).toBe(true);
  });

  // A NUL byte in the login reached PostgreSQL, whose error text then reached the browser in the
  // sign-in redirect. Such input is refused before any query: this client fails the test if used.
  const noDatabase = new Proxy({} as PrismaClient, {
    get(_, property) {
      throw new Error(`the database was asked for ${String(property)}`);
    },
  });

  it.each([
    ["a NUL byte in the login", { login: "admin\u0000", password: "x" }],
    ["a control character in the login", { login: "ad\u001bmin", password: "x" }],
    ["a lone surrogate in the login", { login: "admin\ud800", password: "x" }],
    ["a NUL byte in the password", { login: "admin", password: "huifang\u00002024" }],
    ["a lone surrogate in the password", { login: "admin", password: "\udc00pass" }],
    ["a login longer than any account's", { login: "a".repeat(65), password: "x" }],
  ])("refuses %s as invalid before any query", async (_, input) => {
    expect(await checkCredentials(noDatabase, { ...input, address: "10.0.0.1" }, t0)).toEqual({
      ok: false,
      error: "INVALID",
    });
  });
});
