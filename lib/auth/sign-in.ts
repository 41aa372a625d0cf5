import { subMinutes } from "date-fns";
import { z } from "zod";
import type { User } from "@/generated/prisma/client";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { recordSignInRefusal } from "@/lib/metrics";
import { UNKNOWN_ADDRESS } from "./client-address";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { Role } from "./permissions";
import { startSession } from "./sessions";

/**
 * documenso's limits, 10 failures per account and 50 per address in a sliding 15 minutes, for
 * browsers that never signed in to the account; a browser that did (it holds the account's device
 * cookie, lib/auth/device-cookie.ts) has 10 of its own instead, so it is not locked out by others.
 */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 10, perAddress: 50, perDevice: 10 } as const;

/**
 * Text a person can type: no control characters (a NUL byte included, which PostgreSQL refuses in
 * text) and no lone UTF-16 surrogates (which have no UTF-8 form).
 */
function isTypedText(text: string): boolean {
  return text.isWellFormed() && !/\p{Cc}/u.test(text);
}

const filledIn = z.object({ login: z.string().trim().min(1), password: z.string().min(1) });

export const credentialsSchema = z.object({
  login: z.string().max(64).refine(isTypedText),
  password: z.string().max(256).refine(isTypedText),
});

export type SignInError = "EMPTY" | "INVALID" | "LOCKED" | "DISABLED";
export type SignInResult =
  | {
      ok: true;
      user: { id: string; name: string; login: string; roles: Role[]; sessionVersion: number };
      /** the session opened for this browser (lib/auth/sessions.ts), for the session cookie */
      sessionId: string;
    }
  | { ok: false; error: SignInError };

export interface SignInAttempt {
  login?: unknown;
  password?: unknown;
  /** lib/auth/client-address.ts; UNKNOWN_ADDRESS is never counted as an address */
  address: string;
  /** the nonce of this browser's valid device cookie for a login (lib/auth/device-cookie.ts), if any */
  deviceFor?: (login: string) => string | null;
  /** kept with the session, so that a person can tell their sessions apart */
  userAgent?: unknown;
}

/**
 * Checks a sign-in attempt, records it, and opens a session when it succeeds. Unknown logins and
 * wrong passwords get the same answer after the same work. The limits are checked and the attempt
 * counted in one step, before the password is (reserveAttempt), so a burst of simultaneous guesses
 * gets no more checks than the limit, and a locked-out browser does not get its password checked at
 * all: the right password does not help an attacker past the limit.
 *
 * Every query runs inside one of two short transactions (reserve, then succeed): on the embedded
 * database, statements outside a transaction can interleave with another connection's
 * (electric-sql/pglite#1046), and a sign-in burst must not mix the two.
 */
export async function checkCredentials(
  prisma: PrismaClient,
  input: SignInAttempt,
  now: Date = new Date(),
): Promise<SignInResult> {
  const result = await checkAttempt(prisma, input, now);
  if (!result.ok) recordSignInRefusal(result.error);
  return result;
}

async function checkAttempt(prisma: PrismaClient, input: SignInAttempt, now: Date): Promise<SignInResult> {
  const filled = filledIn.safeParse({ login: input.login, password: input.password });
  if (!filled.success) return { ok: false, error: "EMPTY" };
  // refused before any query: no account can have such a login, and PostgreSQL cannot store a NUL
  const parsed = credentialsSchema.safeParse(filled.data);
  if (!parsed.success) return { ok: false, error: "INVALID" };
  const login = parsed.data.login.toLowerCase();
  const { password } = parsed.data;
  const device = input.deviceFor?.(login) ?? null;

  const reserved = await reserveAttempt(prisma, { login, address: input.address.slice(0, 64), device }, now);
  if (!reserved) return { ok: false, error: "LOCKED" };

  const { attemptId, user } = reserved;
  const passwordOk = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !passwordOk) return { ok: false, error: "INVALID" };
  // only someone who knows the password learns that the account is disabled; it stays a failure
  if (!user.active) return { ok: false, error: "DISABLED" };
  const sessionId = await prisma.$transaction(async (tx) => {
    await tx.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
    return startSession(tx, { userId: user.id, userAgent: input.userAgent }, now);
  });
  return {
    ok: true,
    user: { id: user.id, name: user.name, login: user.login, roles: user.roles, sessionVersion: user.sessionVersion },
    sessionId,
  };
}

/**
 * Counts the failures that limit this attempt and records the attempt, as a failure until its
 * password proves right, in one short transaction holding an advisory lock on each counter it reads
 * (taken in a fixed order, so two attempts never wait on each other crosswise). Every attempt thus
 * sees all attempts before it, however many arrive at once. Returns the attempt's id and the account
 * (null for an unknown login), or null when a limit is reached. A refused attempt is recorded too, so
 * an attacker who keeps trying stays locked out.
 *
 * A known browser is limited by its own failures only. An unknown browser is limited by the
 * account's failures from unknown browsers since the last success from one, and by its address's
 * failures from unknown browsers, unless the address is unknown.
 */
async function reserveAttempt(
  prisma: PrismaClient,
  attempt: { login: string; address: string; device: string | null },
  now: Date,
): Promise<{ attemptId: string; user: User | null } | null> {
  const { login, address, device } = attempt;
  const windowStart = subMinutes(now, LOGIN_LIMITS.windowMinutes);
  const countAddress = address !== UNKNOWN_ADDRESS;
  const locks = device ? [`device:${device}`] : [`login:${login}`, ...(countAddress ? [`address:${address}`] : [])];
  return prisma.$transaction(
    async (tx) => {
      for (const key of locks.sort()) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
      }
      const failures = (where: Prisma.LoginAttemptWhereInput) =>
        tx.loginAttempt.count({ where: { success: false, ...where } });
      let locked: boolean;
      if (device) {
        locked = (await failures({ device, createdAt: { gt: windowStart } })) >= LOGIN_LIMITS.perDevice;
      } else {
        const lastSuccess = await tx.loginAttempt.findFirst({
          where: { login, device: null, success: true, createdAt: { gte: windowStart } },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        });
        const accountFailures = await failures({
          login,
          device: null,
          createdAt: { gt: lastSuccess?.createdAt ?? windowStart },
        });
        const addressFailures = countAddress
          ? await failures({ ip: address, device: null, createdAt: { gt: windowStart } })
          : 0;
        locked = accountFailures >= LOGIN_LIMITS.perAccount || addressFailures >= LOGIN_LIMITS.perAddress;
      }
      const recorded = await tx.loginAttempt.create({
        data: { login, ip: address, device, success: false, createdAt: now },
        select: { id: true },
      });
      if (locked) return null;
      return { attemptId: recorded.id, user: await tx.user.findUnique({ where: { login } }) };
    },
    // a burst queues for the lock: wait for a connection rather than fail
    { maxWait: 30_000, timeout: 30_000 },
  );
}
