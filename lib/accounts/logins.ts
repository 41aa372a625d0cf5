// A login is what a person types to sign in: their 工号/学号 or a name the admin chose. Sign-in compares
// it lower-cased (lib/auth/sign-in.ts), so it is stored lower-cased.

const LOGIN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** The stored form of a typed login, or null when it cannot be one (2–64 letters, digits, . _ -). */
export function normaliseLogin(typed: string): string | null {
  const login = typed.trim().toLowerCase();
  return LOGIN.test(login) ? login : null;
}
