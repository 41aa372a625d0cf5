import type { SessionUser } from "@/lib/auth/session";

/** Who the mocked session says is signed in (see integration-setup.ts). */
export const testSession: { user: SessionUser | null } = { user: null };

export function signInAs(
  user: { id: string; name: string; login: string; roles: SessionUser["roles"]; mustChangePassword?: boolean } | null,
) {
  testSession.user = user
    ? {
        id: user.id,
        name: user.name,
        login: user.login,
        roles: user.roles,
        mustChangePassword: user.mustChangePassword ?? false,
      }
    : null;
}
