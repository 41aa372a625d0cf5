import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";
import { resolveSessionUser, type SessionUser } from "./session-user";

export type { SessionUser };

/** The signed-in user of this request, checked against the database (see resolveSessionUser). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = (await getServerSession(authOptions)) as { userId?: string; sessionVersion?: number } | null;
  return resolveSessionUser(db(), claims);
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
