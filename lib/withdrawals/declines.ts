import "server-only";
import type { Reader } from "@/lib/db/client";

/**
 * Approved 放弃录取 per caller in a campaign: callerId -> count. Each candidate counts for the caller
 * their pay counts them for (Candidate.creditCallerId; the holder when no credit is recorded), the
 * same caller whose admitted count they stay in: an approved 放弃录取 leaves the candidate admitted, so
 * it lowers that caller's rate, and a payout explanation names how many of the admitted gave up the
 * place. Callers with none are absent from the map. `callerIds` narrows it to those callers.
 */
export async function approvedDeclinesByCaller(
  reader: Reader,
  campaignId: string,
  callerIds?: readonly string[],
): Promise<Map<string, number>> {
  const rows = await reader.candidate.groupBy({
    by: ["creditCallerId", "assignedCallerId"],
    where: { campaignId, admitted: true, decline: "APPROVED" },
    _count: { _all: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const callerId = row.creditCallerId ?? row.assignedCallerId;
    if (!callerId || (callerIds && !callerIds.includes(callerId))) continue;
    counts.set(callerId, (counts.get(callerId) ?? 0) + row._count._all);
  }
  return counts;
}
