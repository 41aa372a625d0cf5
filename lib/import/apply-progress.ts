import "server-only";
import { db } from "@/lib/db";
import { isEmbeddedDatabase } from "@/lib/env";
import { databaseProgress, type ProgressStore, processProgress, type RunningStage } from "./progress";

/**
 * Where this app instance keeps apply progress: in the process on the embedded database (one
 * transaction at a time, see lib/import/progress), in the database otherwise.
 */
export function progressStore(): ProgressStore {
  return isEmbeddedDatabase() ? processProgress() : databaseProgress(db());
}

/**
 * The reports of one apply, written in order on the app's pool (never in the apply's transaction), and
 * never waited for by the apply: `report` returns at once. A report that cannot be written is dropped:
 * the page then shows an older stage, and the apply itself is not affected.
 */
export function applyProgress(fileHash: string, startedBy: string) {
  const store = progressStore();
  let written: Promise<void> = Promise.resolve();
  const queue = (write: () => Promise<void>) => {
    written = written.then(write).catch(() => undefined);
  };
  return {
    report(stage: RunningStage): void {
      queue(() => store.report(fileHash, stage, startedBy));
    },
    /** Forgets the apply once it has ended, after its last report. */
    async end(): Promise<void> {
      queue(() => store.end(fileHash));
      await written;
    },
  };
}
