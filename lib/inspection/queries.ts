import "server-only";
import { maskPhone } from "@/lib/calls/phone";
import { db } from "@/lib/db";
import { loadPayoutInput } from "@/lib/payouts";
import { reviewOrder } from "@/lib/staff/pool";
import { toDateColumn, Week } from "@/lib/time";
import { underInspection, weekFlags } from "./checks";
import { findingEffects } from "./money";
import { drawWeeklySample } from "./sample";

/** A contact log as the inspection pages show it, in a sample or in a candidate's history. */
const LOG_FIELDS = {
  id: true,
  startedAt: true,
  channel: true,
  durationSeconds: true,
  outcome: true,
  notes: true,
  caller: { select: { name: true } },
} as const;

/** A sampled log: its fields, whose call it was and with whom. */
const LOG_SELECT = {
  ...LOG_FIELDS,
  callerId: true,
  candidate: { select: { name: true, examNo: true } },
} as const;

/**
 * An inspection as the week page and the log page show it. (The strike queue's select in
 * lib/strike/queries.ts starts with the same field names: another table, read for another page.)
 */
const INSPECTION_SELECT = {
  id: true,
  reason: true,
  rule: true,
  sampleSeed: true,
  verdict: true,
  inspector: { select: { name: true } },
  _count: { select: { findings: true } },
} as const;

/**
 * One inspection week: its draws (each with its seed, re-run to show it reproduces), the sampled logs
 * with their verdicts, which callers were covered, and the suspicious queue the rules raise.
 */
export async function inspectionWeek(campaignId: string, week: string, storedPolicy: unknown) {
  const prisma = db();
  const { from, to } = Week.range(week);
  const weekStart = toDateColumn(week);
  const [inspections, weekLogs, staff, rules] = await Promise.all([
    prisma.inspection.findMany({
      where: { campaignId, weekStart },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...INSPECTION_SELECT, createdAt: true, contactLog: { select: LOG_SELECT } },
    }),
    prisma.contactLog.findMany({
      where: { campaignId, startedAt: { gte: from, lt: to } },
      select: { id: true, callerId: true, createdAt: true },
    }),
    // the callers expected to be checked: qualified callers placed in a group
    prisma.staffProfile.findMany({
      where: { campaignId, groupId: { not: null }, qualification: "APPROVED", user: { roles: { has: "CALLER" } } },
      select: { userId: true, user: { select: { name: true } }, group: { select: { name: true } } },
      orderBy: { user: { login: "asc" } },
    }),
    weekFlags(prisma, campaignId, week, storedPolicy),
  ]);

  // each draw, re-run from its seed on the logs that existed then, minus the logs checked before it
  const draws: { seed: string; at: Date; count: number; reproduced: boolean }[] = [];
  for (const inspection of inspections) {
    if (inspection.reason !== "SAMPLE" || !inspection.sampleSeed) continue;
    const at = inspection.createdAt;
    if (draws.some((d) => d.seed === inspection.sampleSeed && d.at.getTime() === at.getTime())) continue;
    const picked = inspections.filter(
      (i) => i.sampleSeed === inspection.sampleSeed && i.createdAt.getTime() === at.getTime(),
    );
    const before = new Set(inspections.filter((i) => i.createdAt < at).map((i) => i.contactLog.id));
    const rerun = drawWeeklySample(
      weekLogs.filter((l) => l.createdAt <= at),
      inspection.sampleSeed,
      rules.policy,
      before,
    ).flatMap((d) => d.picked);
    const stored = picked.map((i) => i.contactLog.id).sort();
    draws.push({
      seed: inspection.sampleSeed,
      at,
      count: picked.length,
      reproduced: JSON.stringify([...rerun].sort()) === JSON.stringify(stored),
    });
  }

  const loggedBy = new Map<string, number>();
  for (const log of weekLogs) loggedBy.set(log.callerId, (loggedBy.get(log.callerId) ?? 0) + 1);
  const sampledBy = new Map<string, number>();
  for (const i of inspections) {
    if (i.reason === "SAMPLE") sampledBy.set(i.contactLog.callerId, (sampledBy.get(i.contactLog.callerId) ?? 0) + 1);
  }
  const coverage = staff.map((s) => ({
    callerId: s.userId,
    name: s.user.name,
    group: s.group?.name ?? "",
    logs: loggedBy.get(s.userId) ?? 0,
    sampled: sampledBy.get(s.userId) ?? 0,
  }));

  const inspected = new Map(inspections.map((i) => [i.contactLog.id, i]));
  const flaggedIds = [...rules.flags.keys()];
  const flaggedLogs = await prisma.contactLog.findMany({
    where: { id: { in: flaggedIds } },
    select: LOG_SELECT,
    orderBy: { startedAt: "asc" },
  });
  const suspicious = flaggedLogs.map((log) => ({
    log,
    rules: rules.flags.get(log.id) ?? [],
    verdict: inspected.get(log.id)?.verdict ?? null,
  }));

  return {
    draws,
    sample: inspections.filter((i) => i.reason === "SAMPLE"),
    suspicious,
    coverage,
    logCount: weekLogs.length,
    policy: rules.policy,
  };
}

export type InspectionWeek = Awaited<ReturnType<typeof inspectionWeek>>;

/** Every finding of the campaign with its money effect (before/after), for the findings page and the log page. */
export async function findingsWithEffects(campaignId: string, where: { inspectionId?: string } = {}) {
  const prisma = db();
  const [{ input, policy }, all] = await Promise.all([
    loadPayoutInput(prisma, campaignId),
    prisma.finding.findMany({
      where: { campaignId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        inspectionId: true,
        callerId: true,
        kind: true,
        deductionPercent: true,
        description: true,
        correctionDeadline: true,
        corrected: true,
        createdAt: true,
        caller: { select: { name: true, login: true } },
        inspector: { select: { name: true } },
        inspection: { select: { contactLogId: true } },
        patrol: { select: { id: true, day: true, place: true } },
      },
    }),
  ]);
  const effects = findingEffects(input, policy, all);
  const shown = where.inspectionId ? all.filter((f) => f.inspectionId === where.inspectionId) : all;
  return { findings: shown.map((f) => ({ ...f, effect: effects.get(f.id) ?? null })), policy };
}

export type FindingRow = Awaited<ReturnType<typeof findingsWithEffects>>["findings"][number];

/**
 * One log as the inspector checks it: the log, the candidate (numbers masked), the whole ledger, the
 * inspection, and whether it is under inspection in its week (./checks, by the campaign's stored policy).
 */
export async function logUnderReview(campaignId: string, logId: string, storedPolicy: unknown) {
  const prisma = db();
  const log = await prisma.contactLog.findFirst({
    where: { id: logId, campaignId },
    select: {
      ...LOG_SELECT,
      campaignId: true,
      phase: true,
      createdAt: true,
      caller: { select: { name: true, login: true } },
      candidate: {
        select: {
          id: true,
          name: true,
          examNo: true,
          region: true,
          phones: true,
          group: { select: { name: true } },
          contactLogs: { orderBy: { startedAt: "desc" }, select: LOG_FIELDS },
        },
      },
      inspections: {
        orderBy: { weekStart: "desc" },
        take: 1,
        select: { ...INSPECTION_SELECT, evidence: true, checkedAt: true, citedEvidenceId: true },
      },
    },
  });
  if (!log) return null;
  const { state } = await underInspection(prisma, log, storedPolicy);
  const { phones, ...candidate } = log.candidate;
  return {
    ...log,
    candidate: { ...candidate, maskedPhones: phones.map(maskPhone) },
    inspection: log.inspections[0] ?? null,
    state,
  };
}

/** The staff pool for the qualification review: callers first, pending first. */
export async function qualificationList(campaignId: string) {
  const profiles = await db().staffProfile.findMany({
    where: { campaignId, user: { roles: { has: "CALLER" } } },
    select: {
      id: true,
      userId: true,
      source: true,
      poolStatus: true,
      qualification: true,
      qualificationReason: true,
      reviewedAt: true,
      studentCadre: true,
      region: true,
      trainings: { select: { session: { select: { topic: true } } } },
      assessments: {
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { kind: true, heldOn: true, passed: true, score: true },
      },
      updatedAt: true,
      user: {
        select: {
          name: true,
          login: true,
          active: true,
          identity: true,
          _count: { select: { assignedCandidates: true } },
        },
      },
      reviewedBy: { select: { name: true } },
      group: { select: { name: true } },
    },
  });
  // the plan's priorities (lib/staff/pool reviewOrder): 2023's callers, student cadres, the others
  return reviewOrder(profiles, (p) => ({
    source: p.source,
    studentCadre: p.studentCadre,
    identity: p.user.identity,
    qualification: p.qualification,
    login: p.user.login,
  })).map((p) => ({ ...p, topicsAttended: new Set(p.trainings.map((a) => a.session.topic)).size }));
}

/** Callers a finding can be recorded against without a sampled log (误退, 懈怠…): the paid callers. */
export async function findingTargets(campaignId: string) {
  return db().staffProfile.findMany({
    where: { campaignId, groupId: { not: null } },
    select: { userId: true, user: { select: { name: true, login: true } }, group: { select: { name: true } } },
    orderBy: { user: { login: "asc" } },
  });
}

/**
 * The inspection rule on moves ("moved an admitted candidate away", README "Fair attribution"): each move
 * of the week that left the candidate's pay credit with an earlier caller, with who moved them and why.
 * Not a finding: a reason to look at whether the move was fair.
 */
export async function creditKeptMoves(campaignId: string, week: string) {
  const { from, to } = Week.range(week);
  const moves = await db().assignment.findMany({
    where: { creditKept: true, startedAt: { gte: from, lt: to }, candidate: { campaignId } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startedAt: true,
      reason: true,
      caller: { select: { name: true } },
      assignedBy: { select: { name: true } },
      candidate: { select: { name: true, examNo: true, creditCaller: { select: { name: true } } } },
    },
  });
  return moves.map((m) => ({
    id: m.id,
    at: m.startedAt,
    reason: m.reason ?? "",
    candidate: m.candidate.name,
    examNo: m.candidate.examNo,
    to: m.caller.name,
    creditWith: m.candidate.creditCaller?.name ?? "",
    by: m.assignedBy?.name ?? "",
  }));
}

/**
 * The campaign's on-site patrols, newest first, each with who recorded it and the findings raised on it
 * (caller and kind; the findings page holds the rest).
 */
export function patrolList(campaignId: string) {
  return db().patrol.findMany({
    where: { campaignId },
    orderBy: [{ day: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      day: true,
      place: true,
      present: true,
      observations: true,
      recordedBy: { select: { name: true } },
      findings: {
        orderBy: { createdAt: "asc" },
        select: { id: true, kind: true, caller: { select: { name: true } } },
      },
    },
  });
}

export type PatrolRow = Awaited<ReturnType<typeof patrolList>>[number];
