import type { ActionErrorCode } from "./errors";

/** What every server action answers; client components read it to show data or the refusal. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; error: string; fieldErrors?: Record<string, string[]> };

/** The one sentence to show for a refusal: the first field's message, else the general one. */
export function firstError(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  return Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error;
}
