import "server-only";
import { db } from "@/lib/db";
import { DAY_MS } from "@/lib/time";
import { UNREACHABLE_OUTCOMES } from "@/lib/workflow/phases";
import { lostContactBoard } from "./board";
import { strikePolicyOf } from "./policy";

/**
 * The strike team's queue: escalations forwarded by group leaders and not resolved, oldest first, with
 * who raised them, the candidate's ledger so far (counts, minutes, latest results) and who claimed them.
 * No phone number: a member sees it on the candidate page once the case is theirs.
 */
export async function strikeQueue(campaignId: string) {
  const prisma = db();
  const escalations = await prisma.escalation.findMany({
    where: { campaignId, toTeam: "STRIKE", status: { in: ["FORWARDED", "CLAIMED"] } },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: {
      id: true,
      reason: true,
      status: true,
      // what the caller or the forwarding leader wrote for the strike team
      note: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      assigneeId: true,
      candidate: {
        select: {
          id: true,
          name: true,
          examNo: true,
          region: true,
          enrollment: true,
          comeIntent: true,
          group: { select: { name: true } },
          assignedCaller: { select: { name: true } },
          // the latest three results only: the queue shows neither notes nor durations, so it keeps its own
          // select rather than the inspection pages' log fields (lib/inspection/queries.ts)
          contactLogs: {
            orderBy: { startedAt: "desc" },
            take: 3,
            select: { id: true, startedAt: true, outcome: true, channel: true, caller: { select: { name: true } } },
          },
        },
      },
      fromUser: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  });
  const totals = await prisma.contactLog.groupBy({
    by: ["candidateId"],
    where: { candidateId: { in: escalations.map((e) => e.candidate.id) } },
    _count: { _all: true },
    _sum: { durationSeconds: true },
  });
  const byCandidate = new Map(totals.map((t) => [t.candidateId, t]));
  return escalations.map((e) => ({
    ...e,
    ledger: {
      contacts: byCandidate.get(e.candidate.id)?._count._all ?? 0,
      seconds: byCandidate.get(e.candidate.id)?._sum.durationSeconds ?? 0,
    },
  }));
}

export type StrikeQueueRow = Awaited<ReturnType<typeof strikeQueue>>[number];

/** What the strike team closed lately, newest first. */
export async function recentlyResolved(campaignId: string, take = 10) {
  return db().escalation.findMany({
    where: { campaignId, toTeam: "STRIKE", status: "RESOLVED" },
    orderBy: { resolvedAt: "desc" },
    take,
    select: {
      id: true,
      outcome: true,
      resolution: true,
      resolvedAt: true,
      candidate: { select: { name: true, examNo: true } },
      assignee: { select: { name: true } },
    },
  });
}

/** The 零失联 board of a campaign now (see ./board for who is on it). */
export async function zeroLostContactBoard(
  campaign: { id: string; strikePolicy: unknown; phaseWindows: { phase: number; opensAt: Date }[] },
  now: Date,
) {
  const prisma = db();
  const policy = strikePolicyOf(campaign.strikePolicy);
  const phaseReached = Math.max(0, ...campaign.phaseWindows.filter((w) => w.opensAt <= now).map((w) => w.phase));
  const reached = { campaignId: campaign.id, outcome: { notIn: [...UNREACHABLE_OUTCOMES] } };
  const [candidates, lastReached, lastReachedDayBefore, groups] = await Promise.all([
    prisma.candidate.findMany({
      where: { campaignId: campaign.id, withdrawal: { not: "APPROVED" }, enrollment: { not: "ENROLLED" } },
      select: {
        id: true,
        name: true,
        examNo: true,
        groupId: true,
        withdrawal: true,
        admitted: true,
        enrollment: true,
        assignedCaller: { select: { name: true } },
        escalations: {
          orderBy: { createdAt: "desc" },
          take: 1,
          select: {
            status: true,
            outcome: true,
            toTeam: true,
            assigneeId: true,
            assignee: { select: { name: true } },
          },
        },
      },
    }),
    prisma.contactLog.groupBy({ by: ["candidateId"], where: reached, _max: { startedAt: true } }),
    prisma.contactLog.groupBy({
      by: ["candidateId"],
      where: { ...reached, startedAt: { lte: new Date(now.getTime() - DAY_MS) } },
      _max: { startedAt: true },
    }),
    prisma.group.findMany({ where: { campaignId: campaign.id }, select: { id: true, name: true } }),
  ]);
  const last = new Map(lastReached.map((r) => [r.candidateId, r._max.startedAt]));
  const lastBefore = new Map(lastReachedDayBefore.map((r) => [r.candidateId, r._max.startedAt]));
  const rows = candidates.map((c) => {
    const escalation = c.escalations[0] ?? null;
    return {
      ...c,
      escalation,
      lastReachedAt: last.get(c.id) ?? null,
      lastReachedDayBefore: lastBefore.get(c.id) ?? null,
      lost: escalation?.status === "RESOLVED" && escalation.outcome === "LOST",
    };
  });
  const board = lostContactBoard(rows, now, policy.lostContactDays, phaseReached);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  return {
    policy,
    ...board,
    groups: board.groups.map((g) => ({ ...g, name: g.groupId ? (groupNames.get(g.groupId) ?? "") : null })),
  };
}
