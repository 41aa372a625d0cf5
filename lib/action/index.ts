import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { allowedBeforeNewPassword, can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { textRenderer } from "@/lib/i18n/server";
import { text } from "@/lib/i18n/text";
import { errorFields, log, REQUEST_ID_HEADER, requestIdOr } from "@/lib/log";
import type { ActionDefinition } from "./definition";
import { ActionError, type ActionErrorCode, type FieldErrors, issueTexts, renderFieldErrors } from "./errors";
import { reportAction } from "./report";
import type { ActionResult } from "./result";
import { type ActionContext, runInTransaction, type TransactionConfig } from "./run";

export { ActionError, type ActionErrorCode } from "./errors";

export type { ActionResult } from "./result";
export { type RouteContext, type RouteFailure, route, routeDeclaration, routeFailure } from "./route";
export { type ActionContext, type AuditEntry, isUniqueViolation } from "./run";

interface ActionConfig<S extends z.ZodType, P> extends TransactionConfig {
  permission: Permission;
  /** Use z.object({...}).strict(): extra posted fields are refused, never stored. */
  schema: S;
  /**
   * Slow work that needs no transaction (hashing a staff list's temporary passwords), run once the
   * user, the permission and the input have been checked and before the transaction opens, so that
   * the transaction (under the embedded database, the app's one connection) is not held meanwhile.
   * Its result is the body's third argument; an ActionError thrown here is the action's refusal.
   */
  prepare?: (input: z.infer<S>, user: SessionUser) => Promise<P>;
}

/** What each action was declared with, so a test can try every action with every role (docs/reliability.md #2). */
const declarations = new WeakMap<object, { name: string; permission: Permission }>();

export function actionDeclaration(candidate: unknown): { name: string; permission: Permission } | undefined {
  return typeof candidate === "function" ? declarations.get(candidate) : undefined;
}

/**
 * The one shape of every mutation: authenticate -> check the permission -> parse the input ->
 * run the body in one transaction -> write exactly one audit row in that transaction -> typed result.
 * Expected failures (bad input, not found, conflicts) come back as results; a body signals one by
 * throwing ActionError, which rolls its transaction back. Serialization failures are retried.
 */
export function action<S extends z.ZodType, T, P = undefined>(
  config: ActionConfig<S, P>,
  body: (input: z.infer<S>, ctx: ActionContext, prepared: P) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  const run = async (rawInput: unknown): Promise<ActionResult<T>> => {
    const startedAt = performance.now();
    // the session is asked for before anything is awaited, so the action runs as whoever was signed in
    // when it was called
    const session = getSessionUser();
    const requestId = await currentRequestId();
    const seen: { userId: string | null } = { userId: null };
    const result = await attempt(rawInput, requestId, seen, session);
    reportAction({ action: config.name, outcome: result.ok ? "ok" : result.code, startedAt, requestId, ...seen });
    return result;
  };
  const attempt = async (
    rawInput: unknown,
    requestId: string,
    seen: { userId: string | null },
    session: ReturnType<typeof getSessionUser>,
  ): Promise<ActionResult<T>> => {
    const user = await session;
    if (!user) return failure("UNAUTHENTICATED");
    seen.userId = user.id;
    if (!can(user.roles, config.permission) || !allowedBeforeNewPassword(user, config.permission)) {
      return failure("FORBIDDEN");
    }

    const parsed = config.schema.safeParse(rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput);
    if (!parsed.success) return failure("INVALID_INPUT", issueTexts(parsed.error.issues));

    try {
      let prepared = undefined as P;
      if (config.prepare) {
        try {
          prepared = await config.prepare(parsed.data, user);
        } catch (error) {
          if (error instanceof ActionError) return failure(error.code, error.fieldErrors);
          throw error;
        }
      }
      const outcome = await runInTransaction(
        db(),
        config,
        user,
        (ctx) => body(parsed.data, ctx, prepared),
        undefined,
        requestId,
      );
      return outcome.ok ? outcome : failure(outcome.code, outcome.fieldErrors);
    } catch (error) {
      // as route() does: the detail goes to the server's log, the user gets a sentence and the
      // form its state back (a thrown action would leave a client's pending state to each component)
      log().error({ kind: "action", requestId, action: config.name, error: errorFields(error) }, "action failed");
      return failure("UNAVAILABLE");
    }
  };
  declarations.set(run, { name: config.name, permission: config.permission });
  return run;
}

/**
 * A defined action (lib/action/definition.ts) as a page's server action; `after` does what only pages
 * need once the body has run (revalidating the paths that show what changed).
 */
export function serverAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  after?: (result: T, input: z.infer<S>) => void,
): (input: unknown) => Promise<ActionResult<T>> {
  return action(definition, async (input, ctx) => {
    const result = await definition.run(input, ctx);
    after?.(result, input);
    return result;
  });
}

/** The web server's id of the request running the action; a new one outside a request (tests, scripts). */
async function currentRequestId(): Promise<string> {
  try {
    return requestIdOr((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    return requestIdOr(null);
  }
}

async function failure(code: ActionErrorCode, fieldErrors?: FieldErrors): Promise<ActionResult<never>> {
  const render = await textRenderer();
  return {
    ok: false,
    code,
    error: render(text(`actionErrors.${code}`)),
    ...(fieldErrors ? { fieldErrors: renderFieldErrors(fieldErrors, render) } : {}),
  };
}

/** FormData to a plain object; repeated keys become arrays, Next's internal `$ACTION_` keys are dropped. */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
