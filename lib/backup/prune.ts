// `backup --prune`: the backups in the folder older than the current campaign's retention period are
// deleted. A backup holds the candidates' personal data as it was that day, so it is kept no longer than
// the campaign keeps that data (README "Backup and restore", docs/reliability.md #21).
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { readBackupHeader } from "./file";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FoundBackup {
  file: string;
  createdAt: Date;
}

/** The backups taken more than `retentionDays` days before `now`, never `keep` (the one just written). */
export function backupsPastRetention(
  backups: readonly FoundBackup[],
  now: Date,
  retentionDays: number,
  keep: string,
): FoundBackup[] {
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  return backups
    .filter((backup) => backup.file !== keep && backup.createdAt.getTime() < cutoff)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Every Huifang backup in `folder`, known by its header (its date too: a copy keeps it, where a file's
 * time would not). Other files are not looked at further, and never deleted.
 */
export async function backupsIn(folder: string): Promise<FoundBackup[]> {
  const found: FoundBackup[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith(".partial")) continue;
    const file = path.join(folder, entry.name);
    const opened = await readBackupHeader(file).catch(() => null);
    const createdAt = opened ? new Date(opened.header.createdAt) : null;
    if (createdAt && !Number.isNaN(createdAt.getTime())) found.push({ file, createdAt });
  }
  return found;
}

/** Deletes the backups of `keep`'s folder that are past the retention period; returns them. */
export async function pruneBackups(keep: string, now: Date, retentionDays: number): Promise<FoundBackup[]> {
  const folder = path.dirname(path.resolve(keep));
  const due = backupsPastRetention(await backupsIn(folder), now, retentionDays, path.resolve(keep));
  for (const backup of due) {
    // only a regular file, as found
    if ((await stat(backup.file)).isFile()) await rm(backup.file);
  }
  return due;
}
