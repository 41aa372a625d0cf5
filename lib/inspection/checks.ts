// Reads shared by the inspection pages and actions: the logs the rules judge, and whether one log is
// under inspection this week (sampled, or flagged by a rule). Takes a reader so the actions can pass
// their transaction (ctx.tx) and the pages the client.
import type { Verdict } from "@/generated/prisma/enums";
import type { Reader } from "@/lib/db/client";
import { HOUR_MS, toDateColumn, Week } from "@/lib/time";
import { inspectionPolicyOf } from "./policy";
import { type RuleCode, type RuleLog, suspiciousLogs } from "./rules";

/**
 * The week's logs with the context the rules need: logs from the wrong-number window before the week
 * too (a wrong number on Sunday makes Monday's "reached" suspicious). Flags are kept for the week's logs.
 */
export async function weekFlags(reader: Reader, campaignId: string, week: string, storedPolicy: unknown) {
  const policy = inspectionPolicyOf(storedPolicy);
  const { from, to } = Week.range(week);
  const rows = await reader.contactLog.findMany({
    where: {
      campaignId,
      startedAt: { gte: new Date(from.getTime() - policy.wrongNumberWindowHours * HOUR_MS), lt: to },
    },
    select: {
      id: true,
      callerId: true,
      candidateId: true,
      channel: true,
      startedAt: true,
      durationSeconds: true,
      outcome: true,
      notes: true,
      _count: { select: { evidence: true } },
    },
  });
  const logs: RuleLog[] = rows.map(({ _count, ...log }) => ({ ...log, evidenceCount: _count.evidence }));
  const inWeek = logs.filter((l) => l.startedAt >= from);
  // rate and same-minute rules judge the week alone; the wrong-number rule needs the window before
  const flags = suspiciousLogs(inWeek, policy);
  const context = suspiciousLogs(logs, policy);
  for (const log of inWeek) {
    if (
      context.get(log.id)?.includes("REACHED_AFTER_WRONG_NUMBER") &&
      !flags.get(log.id)?.includes("REACHED_AFTER_WRONG_NUMBER")
    ) {
      flags.set(log.id, [...(flags.get(log.id) ?? []), "REACHED_AFTER_WRONG_NUMBER"]);
    }
  }
  return { policy, flags, logs: inWeek };
}

export type UnderInspection =
  | { kind: "inspection"; inspection: { id: string; verdict: Verdict | null; weekStart: Date } }
  | { kind: "flagged"; rules: RuleCode[] };

/**
 * Whether a log is under inspection in its week: it has an inspection row (sampled or already judged),
 * or a rule flags it. Anything else is not for an inspector to judge or to call about.
 */
export async function underInspection(
  reader: Reader,
  log: { id: string; campaignId: string; startedAt: Date },
  storedPolicy: unknown,
): Promise<{ week: string; state: UnderInspection | null }> {
  const week = Week.of(log.startedAt);
  const inspection = await reader.inspection.findUnique({
    where: { contactLogId_weekStart: { contactLogId: log.id, weekStart: toDateColumn(week) } },
    select: { id: true, verdict: true, weekStart: true },
  });
  if (inspection) return { week, state: { kind: "inspection", inspection } };
  const { flags } = await weekFlags(reader, log.campaignId, week, storedPolicy);
  const rules = flags.get(log.id);
  return { week, state: rules ? { kind: "flagged", rules } : null };
}
