import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { ledgerTotals } from "@/lib/calls/ledger";
import { maskPhone } from "@/lib/calls/phone";
import { db } from "@/lib/db";
import { beijingDay, endOfBeijingDay } from "@/lib/time";
import {
  allowedOutcomes,
  candidateStage,
  cleanupContactAllowed,
  cleanupPeriod,
  editRefusal,
  inCleanupPeriod,
  nextStep,
  OPEN_ESCALATION_STATUSES,
  phaseOpenAt,
  sortTodo,
  type TodoReason,
  todoReason,
  unreachableCountdown,
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
    where: { id: candidateId, ...workableCandidates(user, { cleanup: true }) },
    include: {
      campaign: { select: { id: true, name: true, workflowPolicy: true, phaseWindows: { orderBy: { phase: "asc" } } } },
      contactLogs: {
        orderBy: { startedAt: "desc" },
        include: { caller: { select: { name: true } } },
      },
      escalations: { orderBy: { createdAt: "desc" } },
      // the latest 退档 and the latest 放弃录取 (lib/withdrawals/kinds.ts)
      withdrawals: {
        orderBy: { createdAt: "desc" },
        include: { photos: { select: { id: true, size: true }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!candidate) return null;
  const { campaign, contactLogs, escalations, withdrawals, phones, ...rest } = candidate;
  const policy = workflowPolicyOf(campaign.workflowPolicy);
  const windows = campaign.phaseWindows;
  // the clean-up reach (lib/calls/scope.ts) opens a leader's group and the strike team's settled cases
  // only during the clean-up period; outside it they are somebody else's candidates
  const period = cleanupPeriod(windows, policy);
  const cleanupNow = inCleanupPeriod(windows, policy, now);
  if (!cleanupNow) {
    const workable = await db().candidate.count({ where: { id: candidateId, ...workableCandidates(user) } });
    if (workable === 0) return null;
  }
  const cleanup = cleanupNow && cleanupContactAllowed(user.roles, escalations, period);
  // in the clean-up period an escalated candidate is worked as in the 报到 phase
  const phase = phaseOpenAt(windows, now) ?? (cleanup ? 4 : null);
  const escalation = escalations[0] ?? null;
  const escalationOpen = escalation !== null && OPEN_ESCALATION_STATUSES.includes(escalation.status);
  // attempts before the last escalation was settled were dealt with (as logContact counts them)
  const settledAt = escalations.reduce<Date | null>(
    (latest, e) => (!latest || e.updatedAt > latest ? e.updatedAt : latest),
    null,
  );
  const counted = settledAt ? contactLogs.filter((l) => l.startedAt > settledAt) : contactLogs;
  return {
    candidate: rest,
    // the numbers stay on the server until revealed (audited); the page gets their masked form
    phoneCount: phones.length,
    maskedPhones: phones.map(maskPhone),
    campaign: { id: campaign.id, name: campaign.name, phaseWindows: windows },
    policy,
    phase,
    /** the end of the clean-up period, when this page is worked in it */
    cleanupUntil: cleanup && period ? period.closesAt : null,
    stage: candidateStage(phase, rest),
    nextStep: phase ? nextStep(phase, rest, escalation?.status ?? null) : null,
    allowedOutcomes: phase ? allowedOutcomes(phase, rest) : [],
    escalation,
    /** how the unreachable rule stands; null while an escalation is in someone's hands */
    unreachable: escalationOpen ? null : unreachableCountdown(counted, policy, now),
    withdrawal: withdrawals.find((w) => w.kind === "WITHDRAW") ?? null,
    decline: withdrawals.find((w) => w.kind === "DECLINE") ?? null,
    ledger: contactLogs.map((log) => ({
      ...log,
      editable: editRefusal(log, user.id, now, windows, policy) === null,
    })),
    totals: { ...ledgerTotals(contactLogs, user.id), channels: [...new Set(contactLogs.map((l) => l.channel))] },
  };
}

export type CallerCandidate = NonNullable<Awaited<ReturnType<typeof candidateForCaller>>>;
