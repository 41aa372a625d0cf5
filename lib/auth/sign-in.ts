import { subMinutes } from "date-fns";
import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { Role } from "./permissions";

/** documenso's limits: 10 failures per account and 50 per address in a sliding 15 minutes. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 10, perAddress: 50 } as const;

export const credentialsSchema = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export type SignInError = "EMPTY" | "INVALID" | "LOCKED" | "DISABLED";
export type SignInResult =
  | { ok: true; user: { id: string; name: string; login: string; roles: Role[]; sessionVersion: number } }
  | { ok: false; error: SignInError };

/**
 * Checks a sign-in attempt and records it. Unknown logins and wrong passwords get the same answer
 * after the same work; a locked account is refused before its password is even checked, so the
 * right password does not help an attacker past the limit.
 */
export async function checkCredentials(
  prisma: PrismaClient,
  input: { login?: unknown; password?: unknown; ip: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse({ login: input.login, password: input.password });
  if (!parsed.success) return { ok: false, error: "EMPTY" };
  const login = parsed.data.login.toLowerCase();
  const { password } = parsed.data;
  const ip = input.ip.slice(0, 64);

  const windowStart = subMinutes(now, LOGIN_LIMITS.windowMinutes);
  const lastSuccess = await prisma.loginAttempt.findFirst({
    where: { login, success: true, createdAt: { gte: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const [accountFailures, addressFailures] = await Promise.all([
    prisma.loginAttempt.count({
      // a successful sign-in clears the account's counter
      where: { login, success: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart } },
    }),
    prisma.loginAttempt.count({ where: { ip, success: false, createdAt: { gt: windowStart } } }),
  ]);
  const record = (success: boolean) => prisma.loginAttempt.create({ data: { login, ip, success, createdAt: now } });

  if (accountFailures >= LOGIN_LIMITS.perAccount || addressFailures >= LOGIN_LIMITS.perAddress) {
    await record(false);
    return { ok: false, error: "LOCKED" };
  }

  const user = await prisma.user.findUnique({ where: { login } });
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk) {
    await record(false);
    return { ok: false, error: "INVALID" };
  }
  if (!user.active) {
    // only someone who knows the password learns that the account is disabled
    await record(false);
    return { ok: false, error: "DISABLED" };
  }
  await record(true);
  return {
    ok: true,
    user: { id: user.id, name: user.name, login: user.login, roles: user.roles, sessionVersion: user.sessionVersion },
  };
}
