// How far a running apply has got, for the import page to show while its apply action runs.
//
// The apply is one transaction, so no other connection can count its rows: the apply reports each
// stage itself. Where the report goes depends on the database:
// - On a PostgreSQL server it is a row of ImportProgress, written on a connection of its own outside
//   the apply's transaction, so the progress route of every app instance reads it.
// - On the embedded database (PGlite behind a socket that runs one transaction at a time) a write on
//   another connection would wait for the apply's own transaction to end: the apply would wait on
//   itself. There is one process there, and the report stays in a process-wide store on `globalThis`,
//   which the route handler's and the action's server bundles share (each bundle has its own copy of
//   this module). Every query waits for the apply there, the progress route's session check among
//   them: the store remembers who started each apply, and the route answers that user from the signed
//   session cookie alone (see app/api/imports/progress/route.ts).
import type { PrismaClient } from "@/lib/db/client";

export type ApplyStage =
  | { stage: "checking" }
  | { stage: "writing"; written: number; total: number }
  | { stage: "idle" };

export type RunningStage = Exclude<ApplyStage, { stage: "idle" }>;

/** A report left behind by an instance that died mid-apply stops counting after the apply's own time limit. */
const STALE_AFTER_MS = 10 * 60 * 1000;

export interface ProgressStore {
  /** `startedBy`: the user whose apply it is (the action checked their permission) */
  report(fileHash: string, stage: RunningStage, startedBy: string): Promise<void>;
  /** Forgets an apply once it has ended (applied, refused or failed). */
  end(fileHash: string): Promise<void>;
  read(fileHash: string): Promise<ApplyStage>;
}

/** Progress rows written and read on their own client, never inside an apply's transaction. */
export function databaseProgress(prisma: PrismaClient, now: () => Date = () => new Date()): ProgressStore {
  return {
    async report(fileHash, stage) {
      const values = { stage: stage.stage, ...counts(stage) };
      await prisma.importProgress.upsert({
        where: { fileHash },
        create: { fileHash, ...values },
        update: values,
      });
    },
    async end(fileHash) {
      await prisma.importProgress.deleteMany({ where: { fileHash } });
    },
    async read(fileHash) {
      const row = await prisma.importProgress.findUnique({ where: { fileHash } });
      if (!row || now().getTime() - row.updatedAt.getTime() > STALE_AFTER_MS) return { stage: "idle" };
      return row.stage === "writing"
        ? { stage: "writing", written: row.written, total: row.total }
        : { stage: "checking" };
    },
  };
}

const processWide = globalThis as unknown as {
  huifangApplyProgress?: Map<string, { stage: RunningStage; startedBy: string }>;
};

/** The embedded database's store: one map per process, whichever bundle asks. */
export function processProgress(): ProgressStore & {
  /** the stage of an apply only for the user who started it; idle for anybody else */
  readFor(fileHash: string, userId: string): Promise<ApplyStage>;
} {
  processWide.huifangApplyProgress ??= new Map();
  const running = processWide.huifangApplyProgress;
  return {
    async report(fileHash, stage, startedBy) {
      running.set(fileHash, { stage, startedBy });
    },
    async end(fileHash) {
      running.delete(fileHash);
    },
    async read(fileHash) {
      return running.get(fileHash)?.stage ?? { stage: "idle" };
    },
    async readFor(fileHash, userId) {
      const entry = running.get(fileHash);
      return entry && entry.startedBy === userId ? entry.stage : { stage: "idle" };
    },
  };
}

function counts(stage: RunningStage): { written: number; total: number } {
  return stage.stage === "writing" ? { written: stage.written, total: stage.total } : { written: 0, total: 0 };
}
