import "server-only";
import { db } from "@/lib/db";

/** The week's records at a glance: counts and the newest logs (inspectors read everything). */
export async function weekAtAGlance(campaignId: string, weekStart: Date) {
  const where = { campaignId, startedAt: { gte: weekStart } };
  const [logs, callers, latest] = await Promise.all([
    db().contactLog.count({ where }),
    db().contactLog.groupBy({ by: ["callerId"], where }),
    db().contactLog.findMany({
      where,
      orderBy: { startedAt: "desc" },
      take: 20,
      select: {
        id: true,
        startedAt: true,
        channel: true,
        durationSeconds: true,
        outcome: true,
        caller: { select: { name: true } },
        candidate: { select: { name: true } },
      },
    }),
  ]);
  return { logs, callersActive: callers.length, latest };
}
