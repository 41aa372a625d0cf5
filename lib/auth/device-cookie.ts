import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in to an account successfully gets a cookie `NONCE.HMAC(secret, LOGIN|NONCE)`. On its next
 * sign-in to that account it is a known browser, with a failure count of its own (the nonce), so
 * guessing from unknown browsers, which locks them out, does not lock out the account's owner.
 *
 * One cookie per account, named by a keyed hash of the login rather than the login itself: on a
 * shared school computer every teacher keeps their own, and the name does not say who signed in.
 */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function hmac(secret: string, text: string): Buffer {
  return createHmac("sha256", secret).update(text).digest();
}

export function deviceCookieName(login: string, secret: string): string {
  return `huifang-device-${hmac(secret, `name|${login}`).subarray(0, 12).toString("hex")}`;
}

/** A fresh cookie for a browser that has just signed in to `login` (OWASP: a new one at every success). */
export function newDeviceCookie(login: string, secret: string): { name: string; value: string; nonce: string } {
  const nonce = randomBytes(16).toString("base64url");
  const signature = hmac(secret, `device|${login}|${nonce}`).toString("base64url");
  return { name: deviceCookieName(login, secret), value: `${nonce}.${signature}`, nonce };
}

/**
 * The nonce of the browser's device cookie for `login`, or null when it has none, or one that is not
 * ours or was issued for another login (a cookie copied from one account's name to another's).
 */
export function deviceNonce(login: string, cookies: Record<string, unknown>, secret: string): string | null {
  const value = cookies[deviceCookieName(login, secret)];
  if (typeof value !== "string") return null;
  const [nonce, signature, ...rest] = value.split(".");
  if (!nonce || !signature || rest.length > 0) return null;
  const expected = hmac(secret, `device|${login}|${nonce}`);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}
