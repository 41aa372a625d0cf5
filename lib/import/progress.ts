// How far the applies running in this process have got, for the import page to show while its apply
// action runs. The apply is one transaction, so no other connection can count its rows; the upload it
// applies already lives on this instance (see uploads.ts), and so does this record of its progress.

export type ApplyStage =
  | { stage: "checking" }
  | { stage: "writing"; written: number; total: number }
  | { stage: "idle" };

const running = new Map<string, ApplyStage>();

export function reportApplyStage(fileHash: string, stage: Exclude<ApplyStage, { stage: "idle" }>): void {
  running.set(fileHash, stage);
}

/** Forgets an apply once it has ended (applied, refused or failed). */
export function endApply(fileHash: string): void {
  running.delete(fileHash);
}

export function applyStageOf(fileHash: string): ApplyStage {
  return running.get(fileHash) ?? { stage: "idle" };
}
