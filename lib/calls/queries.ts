import "server-only";
import { endOfDay } from "date-fns";
import { db } from "@/lib/db";

export const WORKLOAD_STANDARD = { contactsPerCandidate: 4, minutesPerCandidate: 20 } as const;

/** A caller's own figures and the candidates that need them most. Scoped to the caller's own charge. */
export async function callerOverview(callerId: string, campaignId: string, now: Date) {
  const prisma = db();
  const mine = { campaignId, assignedCallerId: callerId };
  const [assigned, contacted, followUpDue, logTotals, list] = await Promise.all([
    prisma.candidate.count({ where: mine }),
    prisma.candidate.count({ where: { ...mine, lastContactAt: { not: null } } }),
    prisma.candidate.count({ where: { ...mine, nextFollowUpAt: { lte: endOfDay(now) } } }),
    prisma.contactLog.aggregate({
      where: { campaignId, callerId, candidate: { assignedCallerId: callerId } },
      _count: { _all: true },
      _sum: { durationSeconds: true },
    }),
    prisma.candidate.findMany({
      // still in play: not withdrawn, enrollment not decided
      where: { ...mine, withdrawal: { not: "APPROVED" }, enrollment: "PENDING" },
      // never contacted first (nulls first), then the earliest follow-up
      orderBy: [{ lastContactAt: { sort: "asc", nulls: "first" } }, { nextFollowUpAt: { sort: "asc", nulls: "last" } }],
      take: 20,
      select: {
        id: true,
        name: true,
        examNo: true,
        region: true,
        phones: true,
        admitted: true,
        withdrawal: true,
        comeIntent: true,
        enrollment: true,
        lastContactAt: true,
        nextFollowUpAt: true,
      },
    }),
  ]);
  return {
    assigned,
    contacted,
    neverContacted: assigned - contacted,
    followUpDue,
    contacts: logTotals._count._all,
    minutes: Math.floor((logTotals._sum.durationSeconds ?? 0) / 60),
    list,
  };
}
