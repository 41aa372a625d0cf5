import { beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials, LOGIN_LIMITS } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createUser, DEMO_PASSWORD } from "@/prisma/seed/factories";

// docs/reliability.md #24 (issue item 6): 200 simultaneous sign-ins for one account had 180 passwords checked
// against a limit of 10. Every password check is counted here, whatever the attempts recorded say.
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...original,
    verifyPassword: (hash: string, password: string) => {
      passwordChecks.count++;
      return original.verifyPassword(hash, password);
    },
    verifyAgainstDummy: (password: string) => {
      passwordChecks.count++;
      return original.verifyAgainstDummy(password);
    },
  };
});

const BURST = 40;

describe("a burst of simultaneous sign-ins", () => {
  beforeEach(async () => {
    await db().loginAttempt.deleteMany();
    await db().user.deleteMany();
    await createUser(db(), { login: "admin", roles: ["ADMIN"] });
    passwordChecks.count = 0;
  });

  it(`gets no more than ${LOGIN_LIMITS.perAccount} passwords checked for one account, and the right one last is refused`, async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        checkCredentials(
          db(),
          // each from another address, as a botnet would: only the account's limit applies
          { login: "admin", password: i === BURST - 1 ? DEMO_PASSWORD : `guess-${i}`, address: `198.51.100.${i}` },
          now,
        ),
      ),
    );

    expect(passwordChecks.count).toBeLessThanOrEqual(LOGIN_LIMITS.perAccount);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.filter((r) => !r.ok && r.error === "LOCKED")).toHaveLength(BURST - LOGIN_LIMITS.perAccount);
    expect(results.at(-1)).toEqual({ ok: false, error: "LOCKED" });
    // and the account stays locked afterwards, for the right password too
    expect(await checkCredentials(db(), { login: "admin", password: DEMO_PASSWORD, address: "203.0.113.1" })).toEqual({
      ok: false,
      error: "LOCKED",
    });
    expect(await db().loginAttempt.count({ where: { login: "admin", success: true } })).toBe(0);
  });

  it(`gets no more than ${LOGIN_LIMITS.perAddress} passwords checked from one address across accounts`, async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 2 * LOGIN_LIMITS.perAddress }, (_, i) =>
        checkCredentials(db(), { login: `spray${i}`, password: "123456", address: "203.0.113.7" }, now),
      ),
    );
    expect(passwordChecks.count).toBeLessThanOrEqual(LOGIN_LIMITS.perAddress);
    expect(results.filter((r) => !r.ok && r.error === "LOCKED")).toHaveLength(LOGIN_LIMITS.perAddress);
  });
});
