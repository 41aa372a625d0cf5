import "server-only";
// Reads for the weekly summary pages.
import { db } from "@/lib/db";
import type { Reader } from "@/lib/db/client";
import type { TranslateFn } from "@/lib/i18n/text";

import { buildDraft } from "./draft";
import { weekFigures } from "./figures";

export { weekFigures };

/** The latest summaries submitted by any group of the campaign, newest first. */
export function recentSubmissions(campaignId: string, take: number) {
  return db().weeklyReport.findMany({
    where: { campaignId, status: "SUBMITTED" },
    orderBy: { submittedAt: "desc" },
    take,
    select: {
      id: true,
      weekStart: true,
      submittedAt: true,
      group: { select: { id: true, name: true } },
      submittedBy: { select: { name: true } },
    },
  });
}

/** The leader's draft of a week's summary, written from the group's figures that week, in `t`'s language. */
export async function weeklyDraft(
  campaignId: string,
  group: { id: string; name: string },
  week: string,
  t: TranslateFn,
) {
  return buildDraft(group.name, week, await weekFigures(db(), campaignId, group.id, week), t);
}

/** A group's summaries, newest week first. */
export function groupReports(groupId: string, reader: Reader = db()) {
  return reader.weeklyReport.findMany({
    where: { groupId },
    orderBy: { weekStart: "desc" },
    select: {
      id: true,
      weekStart: true,
      body: true,
      status: true,
      submittedAt: true,
      updatedAt: true,
      submittedBy: { select: { name: true } },
    },
  });
}
