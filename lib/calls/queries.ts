import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { ledgerTotals } from "@/lib/calls/ledger";
import { maskPhone } from "@/lib/calls/phone";
import { db } from "@/lib/db";
import { beijingDay, endOfBeijingDay } from "@/lib/time";
import {
  allowedOutcomes,
  candidateStage,
  editRefusal,
  nextStep,
  phaseOpenAt,
  sortTodo,
  type TodoReason,
  todoReason,
  workflowPolicyOf,
} from "@/lib/workflow";
import { workableCandidates } from "./scope";
import { candidateStatusSelect } from "./status";

export type CandidateFilter = "todo" | "all";

/**
 * "My candidates": everyone the caller may work on, with their own contacts and minutes for each,
 * sorted by what needs doing first. A caller has a few dozen candidates, so the ordering is done
 * here by lib/workflow's rules rather than in SQL.
 */
export async function myCandidates(
  user: SessionUser,
  campaign: { id: string; workflowPolicy: unknown; phaseWindows: { phase: number; opensAt: Date; closesAt: Date }[] },
  options: { q?: string; filter?: CandidateFilter },
  now: Date,
) {
  const policy = workflowPolicyOf(campaign.workflowPolicy);
  const phase = phaseOpenAt(campaign.phaseWindows, now);
  const q = options.q?.trim();
  const candidates = await db().candidate.findMany({
    where: {
      campaignId: campaign.id,
      ...workableCandidates(user),
      ...(q ? { OR: [{ name: { contains: q } }, { examNo: { startsWith: q } }] } : {}),
    },
    select: {
      id: true,
      name: true,
      examNo: true,
      region: true,
      major: true,
      ...candidateStatusSelect,
      nextFollowUpAt: true,
      escalations: { where: { status: "SENT_BACK" }, select: { id: true } },
    },
  });
  const totals = await db().contactLog.groupBy({
    by: ["candidateId"],
    where: { callerId: user.id, candidateId: { in: candidates.map((c) => c.id) } },
    _count: { _all: true },
    _sum: { durationSeconds: true },
  });
  const byCandidate = new Map(totals.map((t) => [t.candidateId, t]));
  const endOfToday = endOfBeijingDay(beijingDay(now));
  const rows = candidates.map((c) => {
    const total = byCandidate.get(c.id);
    const base = {
      ...c,
      contacts: total?._count._all ?? 0,
      seconds: total?._sum.durationSeconds ?? 0,
      escalationReturned: c.escalations.length > 0,
      stage: candidateStage(phase, c),
      // nothing left to do in this phase: no result can be recorded but a consultation
      actionable: phase !== null && allowedOutcomes(phase, c).some((o) => o !== "CONSULTED"),
    };
    return { ...base, reason: todoReason(base, endOfToday, policy) as TodoReason };
  });
  const visible =
    options.filter === "all" ? rows : rows.filter((r) => r.actionable || r.reason === "ESCALATION_RETURNED");
  return { phase, policy, rows: sortTodo(visible), total: rows.length };
}

/** A caller's totals against the workload standard (all their candidates, their own contacts). */
export async function callerWorkload(user: SessionUser, campaignId: string, now: Date) {
  const prisma = db();
  const mine = { campaignId, ...workableCandidates(user) };
  const [assigned, contacted, followUpDue, logTotals] = await Promise.all([
    prisma.candidate.count({ where: mine }),
    prisma.candidate.count({ where: { ...mine, lastContactAt: { not: null } } }),
    prisma.candidate.count({ where: { ...mine, nextFollowUpAt: { lte: endOfBeijingDay(beijingDay(now)) } } }),
    prisma.contactLog.aggregate({
      where: { campaignId, callerId: user.id },
      _count: { _all: true },
      _sum: { durationSeconds: true },
    }),
  ]);
  return {
    assigned,
    contacted,
    neverContacted: assigned - contacted,
    followUpDue,
    contacts: logTotals._count._all,
    minutes: Math.floor((logTotals._sum.durationSeconds ?? 0) / 60),
  };
}

/**
 * One candidate as the caller in charge sees them: status, ledger (台账), escalation and withdrawal,
 * and what the workflow allows now. Null when the candidate is not the caller's (the page is a 404).
 */
export async function candidateForCaller(user: SessionUser, candidateId: string, now: Date) {
  const candidate = await db().candidate.findFirst({
    where: { id: candidateId, ...workableCandidates(user) },
    include: {
      campaign: { select: { id: true, name: true, workflowPolicy: true, phaseWindows: { orderBy: { phase: "asc" } } } },
      contactLogs: {
        orderBy: { startedAt: "desc" },
        include: { caller: { select: { name: true } } },
      },
      escalations: { orderBy: { createdAt: "desc" }, take: 1 },
      withdrawals: {
        orderBy: { createdAt: "desc" },
        take: 1,
        include: { photos: { select: { id: true, size: true }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!candidate) return null;
  const { campaign, contactLogs, escalations, withdrawals, phones, ...rest } = candidate;
  const policy = workflowPolicyOf(campaign.workflowPolicy);
  const phase = phaseOpenAt(campaign.phaseWindows, now);
  const escalation = escalations[0] ?? null;
  return {
    candidate: rest,
    // the numbers stay on the server until revealed (audited); the page gets their masked form
    phoneCount: phones.length,
    maskedPhones: phones.map(maskPhone),
    campaign: { id: campaign.id, name: campaign.name, phaseWindows: campaign.phaseWindows },
    policy,
    phase,
    stage: candidateStage(phase, rest),
    nextStep: phase ? nextStep(phase, rest, escalation?.status ?? null) : null,
    allowedOutcomes: phase ? allowedOutcomes(phase, rest) : [],
    escalation,
    withdrawal: withdrawals[0] ?? null,
    ledger: contactLogs.map((log) => ({
      ...log,
      editable: editRefusal(log, user.id, now, campaign.phaseWindows, policy) === null,
    })),
    totals: { ...ledgerTotals(contactLogs, user.id), channels: [...new Set(contactLogs.map((l) => l.channel))] },
  };
}

export type CallerCandidate = NonNullable<Awaited<ReturnType<typeof candidateForCaller>>>;
