import { z } from "zod";
import { isMessageKey } from "@/lib/i18n/messages";
import { type Text, text } from "@/lib/i18n/text";

export const ACTION_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "INVALID_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "STALE",
  "CLOSED",
  "SIGNED_BY_OTHER",
  // route handlers: a form posted from another site, a file over the limit or unreadable, a failure
  // of the server itself (its detail goes to the server's log only)
  "CROSS_SITE",
  "TOO_LARGE",
  "UNREADABLE",
  "UNAVAILABLE",
] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];

/** Per posted field, why it was refused: catalogue sentences, rendered in the reader's language. */
export type FieldErrors = Record<string, Text[]>;

/** Thrown inside an action body for an expected refusal: the transaction is rolled back. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(code);
  }
}

/** The catalogue key a schema gives as a check's message, typed: `z.string().max(200, messageKey("…"))`. */
export function messageKey(key: Text["key"]): string {
  return key;
}

/** Words a person must write, trimmed: refused when empty (`required`) or longer than `max` (`tooLong`). */
export function requiredWords(max: number, required: Text["key"], tooLong: Text["key"]) {
  return z.string().trim().min(1, messageKey(required)).max(max, messageKey(tooLong));
}

/**
 * A schema's refusals as sentences: a check's message is a catalogue key (see messageKey), rendered with
 * the check's limit as `{min}` / `{max}`; zod's own English messages become the general sentence.
 */
export function issueTexts(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "_form";
    const values: Record<string, number> = {};
    if ("minimum" in issue) values.min = Number(issue.minimum);
    if ("maximum" in issue) values.max = Number(issue.maximum);
    const sentence = isMessageKey(issue.message) ? text(issue.message, values) : text("actionErrors.fieldInvalid");
    out[field] = [...(out[field] ?? []), sentence];
  }
  return out;
}

export function renderFieldErrors(
  fieldErrors: FieldErrors,
  render: (sentence: Text) => string,
): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, texts]) => [field, texts.map(render)]));
}
