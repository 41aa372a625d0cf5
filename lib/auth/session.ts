import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import { can, type Permission, type Role } from "./permissions";

export interface SessionUser {
  id: string;
  name: string;
  login: string;
  roles: Role[];
}

/**
 * The signed-in user, re-read from the database on every request: a disabled user, or one whose
 * session version was bumped (demotion, password change), is signed out at once even though the
 * cookie is still valid.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null;
  if (!session?.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: { id: true, name: true, login: true, roles: true, active: true, sessionVersion: true },
  });
  if (!user?.active || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, name: user.name, login: user.login, roles: user.roles };
});

/** For pages: the user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/** For pages: the user if they hold the permission; otherwise the 403 "no permission" page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.roles, permission)) forbidden();
  return user;
}
