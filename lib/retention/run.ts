// The retention pass over every campaign, as `npm run cli -- retention` runs it: which are due at `now`,
// and (with apply) their anonymisation, each campaign in its own transaction.
import type { PrismaClient } from "@/lib/db/client";
import type { Text } from "@/lib/i18n/text";
import { countExpiredUploads, sweepUploads } from "@/lib/import/uploads";
import { log } from "@/lib/log";
import { databaseStore, drainDeletedObjects } from "@/lib/storage";
import { anonymiseCampaign, previewAnonymise, type RetentionCounts, RetentionNotDueError } from "./anonymise";
import { isRetentionDue, retentionDueAt } from "./rules";

export interface RetentionEntry {
  id: string;
  name: string;
  /** null: the campaign has no phase windows and is never due */
  dueAt: Date | null;
  due: boolean;
  /** due campaigns: what would be (preview) or was (apply) anonymised */
  counts?: RetentionCounts;
  /** apply: whether anything changed; false on a campaign anonymised before */
  changed?: boolean;
  /** apply: the anonymisation failed and was rolled back; why (a sentence, or the error's own message) */
  error?: Text | string;
}

export async function runRetention(
  prisma: PrismaClient,
  options: { now: Date; apply: boolean },
): Promise<RetentionEntry[]> {
  const campaigns = await prisma.campaign.findMany({
    select: {
      id: true,
      name: true,
      retentionDays: true,
      workflowPolicy: true,
      phaseWindows: { select: { closesAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const entries: RetentionEntry[] = [];
  for (const campaign of campaigns) {
    const entry: RetentionEntry = {
      id: campaign.id,
      name: campaign.name,
      dueAt: retentionDueAt(campaign),
      due: isRetentionDue(campaign, options.now),
    };
    entries.push(entry);
    if (!entry.due) continue;
    if (!options.apply) {
      entry.counts = await previewAnonymise(prisma, campaign.id);
      continue;
    }
    try {
      // A system job, not an action run as someone (runAs, lib/action/system.ts): retention is the
      // deployment's legal duty, run on a schedule with no one at the keyboard, so it takes no `--by`
      // login and never stops because an admin left or was disabled. anonymiseCampaign still writes the
      // audit row ("retention.anonymise", no actor) in the campaign's transaction, and locks the
      // campaign itself; runAs would add only a user to check.
      const result = await anonymiseCampaign(prisma, campaign.id);
      entry.counts = result.counts;
      entry.changed = result.changed;
    } catch (error) {
      entry.error =
        error instanceof RetentionNotDueError ? error.reason : error instanceof Error ? error.message : String(error);
    }
  }
  // the anonymised campaigns' files are gone from the database; their bytes in an object store go now
  // too (a failure here leaves them queued for the next run, lib/storage/objects.ts)
  if (options.apply) {
    await drainDeletedObjects(prisma).catch((error: unknown) =>
      log().warn(
        { err: error instanceof Error ? error.name : typeof error },
        "retention: object deletions left queued",
      ),
    );
  }
  return entries;
}

/**
 * List uploads never applied and older than 24 hours at `now`, whatever their campaign, and stored
 * files of any kind whose write never finished: counted (dry run, the store's `count`, the same files)
 * or removed (apply). The upload route sweeps them too, but only when someone uploads.
 */
export async function sweepExpiredUploads(prisma: PrismaClient, options: { now: Date; apply: boolean }) {
  const store = databaseStore(prisma);
  return options.apply ? sweepUploads(store, options.now) : countExpiredUploads(store, options.now);
}
