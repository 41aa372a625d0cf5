// What a password must be before the app stores it: long enough, letters and digits, not the login,
// not one of the passwords attackers try first. Pure, so the sign-up forms and the command line share it.
import { dictionary } from "@zxcvbn-ts/language-common";

export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = "tooShort" | "needsLettersAndDigits" | "containsLogin" | "common";

// zxcvbn's list of the ~49,000 passwords most often found in leaks, lower-cased as it is stored
const COMMON = new Set(dictionary["passwords-common"]);

/** Why `password` may not be used by `login`, or null when it may. */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "tooShort";
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return "needsLettersAndDigits";
  const lower = password.toLowerCase();
  const loginLower = login.trim().toLowerCase();
  if (loginLower.length > 0 && lower.includes(loginLower)) return "containsLogin";
  if (COMMON.has(lower)) return "common";
  return null;
}
