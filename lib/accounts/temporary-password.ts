import { randomInt } from "node:crypto";
import { passwordProblem } from "./password-policy";

// Read aloud or copied from a printed sheet: no 0/O, 1/l/I, and lower case only, so nobody has to ask.
const LETTERS = "abcdefghijkmnpqrstuvwxyz";
const DIGITS = "23456789";
const LENGTH = 12;

/**
 * A one-time password for a reset or an imported account: 12 characters from a cryptographic source
 * (about 59 bits), with letters and digits, that the policy accepts for `login`. It is shown once and
 * must be replaced at the first sign-in.
 */
export function temporaryPassword(login: string): string {
  for (;;) {
    const alphabet = LETTERS + DIGITS;
    const chars = Array.from({ length: LENGTH }, () => alphabet[randomInt(alphabet.length)]);
    // one letter and one digit at random places, so every password has both
    chars[randomInt(LENGTH)] = LETTERS[randomInt(LETTERS.length)];
    const digitAt = randomInt(LENGTH);
    chars[digitAt] = DIGITS[randomInt(DIGITS.length)];
    const password = chars.join("");
    if (/[a-z]/.test(password) && /\d/.test(password) && passwordProblem(password, login) === null) return password;
  }
}
