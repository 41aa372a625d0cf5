import type { ActionErrorCode } from "./errors";

/** What every server action answers; client components read it to show data or the refusal. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; error: string; fieldErrors?: Record<string, string[]> };
