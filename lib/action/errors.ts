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

/** Thrown inside an action body for an expected refusal: the transaction is rolled back. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
  }
}
