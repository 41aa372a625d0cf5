import type { PrismaClient } from "@/lib/db/client";
import type { Role } from "./permissions";

export interface SessionUser {
  id: string;
  name: string;
  login: string;
  roles: Role[];
}

/**
 * Turns the claims of a session cookie into the user, re-read from the database: a disabled user,
 * or one whose session version moved on (disabled, demoted, password changed), gets null, so a
 * still-valid cookie stops working at once. Roles always come from the database, never the cookie.
 */
export async function resolveSessionUser(
  prisma: PrismaClient,
  claims: { userId?: string; sessionVersion?: number } | null,
): Promise<SessionUser | null> {
  if (!claims?.userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: claims.userId },
    select: { id: true, name: true, login: true, roles: true, active: true, sessionVersion: true },
  });
  if (!user?.active || user.sessionVersion !== (claims.sessionVersion ?? 0)) return null;
  return { id: user.id, name: user.name, login: user.login, roles: user.roles };
}
