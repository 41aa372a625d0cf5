// 防诈骗核验 (README "Call verification"): the pure rules of the public check. No Prisma, no clock: the
// caller passes the secret, the day and what the database holds.
import { createHmac } from "node:crypto";
import type { StaffIdentity } from "@/generated/prisma/enums";
import { COMPOUND_SURNAMES } from "./surnames";

/**
 * The limits of the public check, per client address (mobile carriers put many families behind one
 * address, so they are gentle): CHECKS_PER_MINUTE checks a minute, counting every check but a code
 * check that succeeded; past it a number check is refused and a code check answers only when it
 * succeeds. IMPERSONATION_ADDRESSES different addresses checking one unknown number within
 * IMPERSONATION_HOURS raise one incident a Beijing day. Checks are kept RETENTION_DAYS.
 */
export const VERIFY_LIMITS = {
  windowMinutes: 1,
  checksPerMinute: 6,
  impersonationAddresses: 3,
  impersonationHours: 24,
  retentionDays: 7,
} as const;

/** The code's number of digits. */
export const CODE_LENGTH = 6;

/**
 * A member's code for a Beijing day: HMAC-SHA256(secret, "verify-code|userId|day"), its first 4 bytes
 * as a number below a million, six digits. Every instance computes the same without storage; it
 * changes at Beijing midnight.
 */
export function verifyCode(secret: string, userId: string, day: string): string {
  const digest = createHmac("sha256", secret).update(`verify-code|${userId}|${day}`).digest();
  return String(digest.readUInt32BE(0) % 10 ** CODE_LENGTH).padStart(CODE_LENGTH, "0");
}

/** Six digits, once spaces and dashes a family may type are dropped; null otherwise. */
export function normaliseCode(text: string): string | null {
  const digits = text.replace(/[\s\-–—]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * A phone number as the check compares it: digits only, without China's country code (+86, 0086, 86
 * before a mobile number). A mobile is 11 digits starting with 1; a landline is its area code with a 0
 * and 7 or 8 digits (028-12345678 → 02812345678), or a bare 7 or 8 digits. Anything else is null, so
 * that a typo is told as a typo and not as an unknown number.
 */
export function normalisePhone(text: string): string | null {
  // full-width digits (from a Chinese input method) count as digits
  const halfWidth = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/[^\d\s\-()（）+]/.test(halfWidth)) return null;
  let digits = halfWidth.replace(/\D/g, "");
  if (halfWidth.trim().startsWith("+") || digits.startsWith("0086")) {
    digits = digits.replace(/^(00)?86/, "");
  } else if (/^861\d{10}$/.test(digits)) {
    digits = digits.slice(2);
  }
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  if (/^0\d{2,3}\d{7,8}$/.test(digits) && digits.length <= 12) return digits;
  if (/^\d{7,8}$/.test(digits)) return digits;
  return null;
}

/** What a family's number is stored as: a keyed hash, never the number. */
export function numberHash(secret: string, normalised: string): string {
  return createHmac("sha256", secret).update(`verify-number|${normalised}`).digest("base64url");
}

/** The surname of a Chinese name: a compound surname when the name starts with one, else its first character. */
export function surnameOf(name: string): string {
  const trimmed = name.trim();
  const two = trimmed.slice(0, 2);
  if (trimmed.length > 2 && COMPOUND_SURNAMES.has(two)) return two;
  return Array.from(trimmed)[0] ?? "";
}

export type Honorific = "TEACHER" | "STUDENT";

/**
 * How a family is told who called: the surname and 老师 or 同学 by the person's 身份. An account without a
 * 身份 (made by hand, not from the staff list) is a teacher's: the team's students all come from the list.
 */
export function displayOf(person: { name: string; identity: StaffIdentity | null }): {
  surname: string;
  honorific: Honorific;
} {
  return { surname: surnameOf(person.name), honorific: person.identity === "STUDENT" ? "STUDENT" : "TEACHER" };
}

/**
 * The heading of a positive answer: the college and the campaign, without saying the college twice when
 * the campaign's name begins with it ("成都文理学院" + "2024年高职单招" or "成都文理学院2024年高职单招").
 */
export function teamName(college: string, campaign: string): string {
  return campaign.startsWith(college) ? campaign : `${college}${campaign}`;
}

export type CheckKind = "NUMBER" | "CODE";

/**
 * Whether the address's limit lets a check be answered. `counted` is how many checks of the address in the
 * window count (every one but a code check that succeeded). A code check is always looked up: past the
 * limit it is answered only when it succeeds (`codeMatched`), so a family behind a busy carrier address is
 * never told a genuine caller is unknown. An unknown address is never limited (as at sign-in).
 */
export function limitAllows(input: {
  kind: CheckKind;
  counted: number;
  addressKnown: boolean;
  codeMatched?: boolean;
}): boolean {
  if (!input.addressKnown) return true;
  if (input.counted < VERIFY_LIMITS.checksPerMinute) return true;
  return input.kind === "CODE" && input.codeMatched === true;
}

/** Whether the addresses that checked an unknown number within the window make it a possible impersonation. */
export function looksImpersonated(distinctAddresses: number): boolean {
  return distinctAddresses >= VERIFY_LIMITS.impersonationAddresses;
}
