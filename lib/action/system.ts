// The action wrapper without a session, for the command line (and scheduled work): the acting user is
// named explicitly, then the same transaction, retries and audit row as an action posted from a page.
// Free of Next and of `server-only`, so scripts run it with their own Prisma client.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, type Text, text } from "@/lib/i18n/text";
import type { ActionDefinition } from "./definition";
import { type ActionErrorCode, type FieldErrors, issueTexts, renderFieldErrors } from "./errors";
import { reportAction } from "./report";
import type { ActionResult } from "./result";
import { type ActionContext, runInTransaction, type TransactionConfig } from "./run";

export interface SystemActionConfig extends TransactionConfig {
  permission: Permission;
  /** the action's `now`; the real clock when not given */
  now?: Date;
}

/**
 * Runs `body` as the active user named by `actor` (a login from the command line; an id where one is
 * at hand), who must hold the permission, exactly as `action(...)` runs it for the signed-in user.
 * Refusals carry the catalogue's Chinese sentence: the command line speaks Chinese.
 */
export async function runAs<T>(
  prisma: PrismaClient,
  actor: { login: string } | { id: string },
  config: SystemActionConfig,
  body: (ctx: ActionContext) => Promise<T>,
): Promise<ActionResult<T>> {
  const startedAt = performance.now();
  // no request behind it: the run's own id, in its log line and its audit row
  const requestId = randomUUID();
  const user = await prisma.user.findFirst({
    where: { ...actor, active: true },
    select: { id: true, name: true, login: true, roles: true, mustChangePassword: true },
  });
  const report = (outcome: string) =>
    reportAction({ action: config.name, outcome, startedAt, userId: user?.id ?? null, requestId });
  if (!user) {
    report("UNAUTHENTICATED");
    return refusal("UNAUTHENTICATED");
  }
  if (!can(user.roles, config.permission)) {
    report("FORBIDDEN");
    return refusal("FORBIDDEN");
  }
  const fixed = config.now;
  try {
    const outcome = await runInTransaction(prisma, config, user, body, fixed ? () => fixed : undefined, requestId);
    report(outcome.ok ? "ok" : outcome.code);
    return outcome.ok ? outcome : refusal(outcome.code, outcome.fieldErrors);
  } catch (error) {
    // the command line reports the failure itself; the line says which action it was
    report("UNAVAILABLE");
    throw error;
  }
}

/**
 * Submits `input` to a defined action (lib/action/definition.ts) as `actor`, as the page's form would:
 * the same schema, permission, body and audit row. The demo seed builds its people this way.
 */
export async function submitAs<S extends z.ZodType, T>(
  prisma: PrismaClient,
  actor: { login: string } | { id: string },
  definition: ActionDefinition<S, T>,
  input: z.input<S>,
  options: { now?: Date } = {},
): Promise<ActionResult<T>> {
  const parsed = definition.schema.safeParse(input);
  if (!parsed.success) {
    reportAction({
      action: definition.name,
      outcome: "INVALID_INPUT",
      startedAt: performance.now(),
      userId: null,
      requestId: randomUUID(),
    });
    return refusal("INVALID_INPUT", issueTexts(parsed.error.issues));
  }
  return runAs(prisma, actor, { ...definition, now: options.now }, (ctx) => definition.run(parsed.data, ctx));
}

function refusal(code: ActionErrorCode, fieldErrors?: FieldErrors): ActionResult<never> {
  const t = translatorFor("zh-CN");
  const render = (sentence: Text) => renderText(t, sentence);
  return {
    ok: false,
    code,
    error: render(text(`actionErrors.${code}`)),
    ...(fieldErrors ? { fieldErrors: renderFieldErrors(fieldErrors, render) } : {}),
  };
}
