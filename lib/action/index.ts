import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { can, type Permission } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db, type Prisma } from "@/lib/db";
import { actionErrorMessage } from "@/lib/i18n/server";
import { ActionError, type ActionErrorCode } from "./errors";
import type { ActionResult } from "./result";

export { ActionError, type ActionErrorCode } from "./errors";

export type { ActionResult } from "./result";
export { type RouteContext, type RouteFailure, route, routeDeclaration, routeFailure } from "./route";

export interface AuditEntry {
  action?: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

export interface ActionContext {
  user: SessionUser;
  /**
   * Every read and write of the body goes through this. Under the embedded database (PGlite, one
   * session) a query on another connection waits for this transaction to end, which never comes.
   */
  tx: Prisma.TransactionClient;
  now: Date;
  requestId: string;
  /** Describe what changed; the wrapper writes it as the action's one audit row, in its transaction. */
  audit(entry: AuditEntry): void;
  /** Say that nothing changed (a resubmitted form): no audit row is written then. */
  unchanged(): void;
}

interface ActionConfig<S extends z.ZodType> {
  /** Dotted name, also the audit row's `action` (e.g. "contact.create"). */
  name: string;
  permission: Permission;
  /** Use z.object({...}).strict(): extra posted fields are refused, never stored. */
  schema: S;
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** How long the transaction may run; the default suits a form post, an import of a whole list needs more. */
  timeoutMs?: number;
}

const MAX_ATTEMPTS = 3;

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
export function action<S extends z.ZodType, T>(
  config: ActionConfig<S>,
  body: (input: z.infer<S>, ctx: ActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  const run = async (rawInput: unknown): Promise<ActionResult<T>> => {
    const user = await getSessionUser();
    if (!user) return failure("UNAUTHENTICATED");
    if (!can(user.roles, config.permission)) return failure("FORBIDDEN");

    const parsed = config.schema.safeParse(rawInput instanceof FormData ? formDataToObject(rawInput) : rawInput);
    if (!parsed.success) {
      return failure("INVALID_INPUT", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
    }

    const requestId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        const data = await db().$transaction(
          async (tx) => {
            const entries: AuditEntry[] = [];
            let unchanged = false;
            const result = await body(parsed.data, {
              user,
              tx,
              now: new Date(),
              requestId,
              audit: (entry) => entries.push(entry),
              unchanged: () => {
                unchanged = true;
              },
            });
            if (unchanged && entries.length === 0) return result;
            const [entry, ...extra] = entries;
            if (!entry || extra.length > 0 || unchanged) {
              throw new Error(`${config.name}: a mutation must describe exactly one audit entry`);
            }
            await tx.auditLog.create({
              data: {
                actorId: user.id,
                action: entry.action ?? config.name,
                entityType: entry.entityType,
                entityId: entry.entityId ?? null,
                before: entry.before ?? undefined,
                after: entry.after ?? undefined,
                requestId,
              },
            });
            return result;
          },
          { isolationLevel: config.isolationLevel, timeout: config.timeoutMs ?? 10_000 },
        );
        return { ok: true, data };
      } catch (error) {
        if (error instanceof ActionError) return failure(error.code, error.fieldErrors);
        if (isUniqueViolation(error)) return failure("CONFLICT");
        if (isSerializationFailure(error) && attempt < MAX_ATTEMPTS) continue;
        throw error;
      }
    }
  };
  declarations.set(run, { name: config.name, permission: config.permission });
  return run;
}

async function failure(code: ActionErrorCode, fieldErrors?: Record<string, string[]>): Promise<ActionResult<never>> {
  return { ok: false, code, error: await actionErrorMessage(code), ...(fieldErrors ? { fieldErrors } : {}) };
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

function prismaCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

function isSerializationFailure(error: unknown): boolean {
  // P2034: "Transaction failed due to a write conflict or a deadlock. Please retry your transaction".
  // The pg adapter gives P2034 to 40001 only: a deadlock (40P01) keeps PostgreSQL's own code.
  return prismaCode(error) === "P2034" || postgresCode(error) === "40P01";
}

/** PostgreSQL's SQLSTATE behind a driver adapter error, a raw query's (P2010) included. */
function postgresCode(error: unknown): string | undefined {
  const adapterError = (error as { meta?: { driverAdapterError?: unknown } } | null)?.meta?.driverAdapterError ?? error;
  const code = (adapterError as { cause?: { originalCode?: unknown } } | null)?.cause?.originalCode;
  return typeof code === "string" ? code : undefined;
}
