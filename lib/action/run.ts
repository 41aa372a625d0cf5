// The transaction every action runs in, with or without a session: the body, its one audit row, the
// retries. Free of Next and of the request, so the command line runs the same (lib/action/system.ts).
import { randomUUID } from "node:crypto";
import type { SessionUser } from "@/lib/auth/sessions";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { ActionError, type ActionErrorCode, type FieldErrors } from "./errors";

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

export interface TransactionConfig {
  /** Dotted name, also the audit row's `action` (e.g. "contact.create"). */
  name: string;
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** How long the transaction may run; the default suits a form post, an import of a whole list needs more. */
  timeoutMs?: number;
}

export type TransactionOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; code: ActionErrorCode; fieldErrors?: FieldErrors };

const MAX_ATTEMPTS = 3;

/**
 * How long an action waits for a connection before it gives up. Prisma's 2 s suits a large pool;
 * the embedded database has one connection (EMBEDDED_POOL_SIZE), which a list's apply holds while it
 * runs (about 20 s for 100,000 rows here), and a form posted meanwhile should wait its turn rather
 * than fail. Past this wait the action answers UNAVAILABLE.
 */
const CONNECTION_WAIT_MS = 60_000;

/** The one audit row of an action (or of an audited read): `action` is the entry's, else the action's name. */
export async function writeAudit(
  prisma: PrismaClient | Prisma.TransactionClient,
  name: string,
  /** null only for the first admin, created from the command line before anyone can sign in */
  actorId: string | null,
  requestId: string,
  entry: AuditEntry,
) {
  await prisma.auditLog.create({
    data: {
      actorId,
      action: entry.action ?? name,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      requestId,
    },
  });
}

/**
 * Runs an action's body as `user` in one transaction and writes exactly one audit row in it (none when
 * the body says nothing changed). A body refuses by throwing ActionError, which rolls it back; a unique
 * violation is CONFLICT; serialization failures and deadlocks are retried.
 */
export async function runInTransaction<T>(
  prisma: PrismaClient,
  config: TransactionConfig,
  user: SessionUser,
  body: (ctx: ActionContext) => Promise<T>,
  /** the action's clock: the real one, except for the demo seed, which builds a campaign around a given day */
  clock: () => Date = () => new Date(),
  /** the request's id (lib/log), so that its log lines and the audit row name the same request */
  requestId: string = randomUUID(),
): Promise<TransactionOutcome<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const data = await prisma.$transaction(
        async (tx) => {
          const entries: AuditEntry[] = [];
          let unchanged = false;
          const result = await body({
            user,
            tx,
            now: clock(),
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
          await writeAudit(tx, config.name, user.id, requestId, entry);
          return result;
        },
        { isolationLevel: config.isolationLevel, timeout: config.timeoutMs ?? 10_000, maxWait: CONNECTION_WAIT_MS },
      );
      return { ok: true, data };
    } catch (error) {
      if (error instanceof ActionError) return { ok: false, code: error.code, fieldErrors: error.fieldErrors };
      if (isUniqueViolation(error)) return { ok: false, code: "CONFLICT" };
      if (isSerializationFailure(error) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
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
