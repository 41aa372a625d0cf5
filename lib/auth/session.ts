import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import { PASSWORD_PAGE } from "./password-page";
import { can, type Permission } from "./permissions";
import { resolveSessionUser, type SessionClaims, type SessionUser } from "./sessions";

export type { SessionUser };

/** The signed-in user of this request, checked against the database (see resolveSessionUser). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = (await getServerSession(authOptions)) as SessionClaims | null;
  return resolveSessionUser(db(), claims);
});

/**
 * For pages: the user, or a redirect to the sign-in page (or to the password page after a reset). Someone who still holds a session cookie
 * was signed out by the server (退出所有设备, account disabled, session expired): the sign-in page
 * tells them so instead of just appearing.
 */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const hadSession = (await cookies()).getAll().some((c) => c.name.endsWith("next-auth.session-token"));
    redirect(hadSession ? "/login?ended=1" : "/login");
  }
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  return user;
}

/** For pages: the user if they hold the permission; otherwise the 403 "no permission" page. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.roles, permission)) forbidden();
  return user;
}
