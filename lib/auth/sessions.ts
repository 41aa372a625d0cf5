import { addSeconds, subMinutes } from "date-fns";
import type { Prisma, PrismaClient, Reader } from "@/lib/db/client";
import type { Role } from "./permissions";

/** Sessions are short: the app is used on shared school computers. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** `lastSeenAt` is written at most this often, so that a page view is not a write. */
const LAST_SEEN_EVERY_MINUTES = 5;

export interface SessionUser {
  id: string;
  name: string;
  login: string;
  roles: Role[];
  /** after an admin's reset: nothing but choosing a new password until it is done */
  mustChangePassword: boolean;
}

/** What the session cookie claims: next-auth's JWT carries these and nothing else about the user. */
export interface SessionClaims {
  userId?: string;
  sessionId?: string;
  sessionVersion?: number;
}

/** Opens a session for a browser that has just signed in; its id goes into the session cookie. */
export async function startSession(
  prisma: Reader,
  input: { userId: string; userAgent?: unknown },
  now: Date = new Date(),
): Promise<string> {
  const userAgent = typeof input.userAgent === "string" ? input.userAgent.slice(0, 256) : null;
  const session = await prisma.session.create({
    data: {
      userId: input.userId,
      userAgent,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: addSeconds(now, SESSION_MAX_AGE_SECONDS),
    },
    select: { id: true },
  });
  return session.id;
}

/** Sign-out: this browser's session ends on the server, so a kept copy of its cookie opens nothing. */
export async function endSession(prisma: PrismaClient, sessionId: string, now: Date = new Date()): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of a user (退出所有设备, disabling the account, a new password), inside the
 * caller's transaction. The session version moves on too, so the check fails even for a session
 * opened by a sign-in that raced this transaction. Returns how many open sessions were ended.
 */
export async function endAllSessions(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<number> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const { count } = await tx.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}

/**
 * Turns the claims of a session cookie into the user, re-read from the database. Null, so a cookie
 * still within its lifetime stops working at once, when the session was signed out or ended, has
 * expired, or belongs to another user; when the user is disabled; or when the user's session version
 * moved on since. Roles always come from the database, never the cookie.
 */
export async function resolveSessionUser(
  prisma: PrismaClient,
  claims: SessionClaims | null,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  if (!claims?.userId || !claims.sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: claims.sessionId },
    select: {
      userId: true,
      expiresAt: true,
      revokedAt: true,
      lastSeenAt: true,
      user: {
        select: {
          id: true,
          name: true,
          login: true,
          roles: true,
          active: true,
          sessionVersion: true,
          mustChangePassword: true,
        },
      },
    },
  });
  if (!session || session.userId !== claims.userId || session.revokedAt || session.expiresAt <= now) return null;
  const { user } = session;
  if (!user.active || user.sessionVersion !== (claims.sessionVersion ?? 0)) return null;
  const seenBefore = subMinutes(now, LAST_SEEN_EVERY_MINUTES);
  if (session.lastSeenAt < seenBefore) {
    await prisma.session.updateMany({
      where: { id: claims.sessionId, lastSeenAt: { lt: seenBefore } },
      data: { lastSeenAt: now },
    });
  }
  return {
    id: user.id,
    name: user.name,
    login: user.login,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
  };
}
