// The week's figures a group's weekly summary is drafted from. Every read is bounded by one group (its
// candidates, its week of contacts) or reads the dashboard tallies. Takes its reader, so the demo seed
// (outside Next) and the leader's action (inside its transaction) use it alike.
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { subsidyPolicySchema } from "@/lib/subsidy";
import { UNREACHABLE_OUTCOMES } from "@/lib/workflow";
import type { WeekFigures, WeekLaggard, WeekPerson } from "./draft";
import { weekKey, weekRange } from "./week";

type Reader = PrismaClient | Prisma.TransactionClient;

const HESITANT = new Set(["INTENT_HESITANT", "COME_HESITANT"]);
const WILL_NOT_COME = new Set(["WILL_NOT_COME", "NOT_ENROLLED", "REGRETTED"]);
const UNREACHABLE = new Set<string>(UNREACHABLE_OUTCOMES);

const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

/** The week's figures of one group, as the draft and the stored summary use them. */
export async function weekFigures(
  reader: Reader,
  campaignId: string,
  groupId: string,
  weekStart: Date,
): Promise<WeekFigures> {
  const { from, to } = weekRange(weekStart);
  const lastDay = new Date(weekStart.getTime() + 6 * 86_400_000);
  const [days, totals, logs, withdrawals, opened, closed, campaign, members] = await Promise.all([
    reader.groupDayTally.aggregate({
      where: { campaignId, groupId, day: { gte: weekStart, lte: lastDay } },
      _sum: { phone: true, sms: true, wechat: true, qq: true, other: true, seconds: true, enrolledDelta: true },
    }),
    reader.candidateTally.aggregate({
      where: { campaignId, groupId },
      _sum: { admitted: true, enrolled: true },
    }),
    reader.$queryRaw<{ candidateId: string; outcome: string; name: string; examNo: string; caller: string | null }[]>`
      SELECT l."candidateId", l.outcome, c.name, c."examNo", u.name AS caller
      FROM "Candidate" c
      JOIN "ContactLog" l ON l."candidateId" = c.id
      LEFT JOIN "User" u ON u.id = c."assignedCallerId"
      WHERE c."groupId" = ${groupId} AND c."campaignId" = ${campaignId}
        AND l."startedAt" >= ${from} AND l."startedAt" < ${to}
      ORDER BY l."startedAt", l.id`,
    reader.withdrawalRequest.findMany({
      where: { campaignId, createdAt: { gte: from, lt: to }, candidate: { groupId } },
      orderBy: { createdAt: "asc" },
      select: {
        candidate: { select: { name: true, examNo: true } },
        caller: { select: { name: true } },
      },
    }),
    reader.escalation.count({ where: { campaignId, createdAt: { gte: from, lt: to }, candidate: { groupId } } }),
    reader.escalation.count({ where: { campaignId, resolvedAt: { gte: from, lt: to }, candidate: { groupId } } }),
    reader.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { subsidyPolicy: true } }),
    reader.$queryRaw<{ name: string; assigned: bigint; contacts: number | null; seconds: bigint | null }[]>`
      SELECT u.name, coalesce(sum(t.assigned), 0) AS assigned, w.contacts, w.seconds
      FROM "StaffProfile" s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "CandidateTally" t ON t."campaignId" = s."campaignId" AND t."callerId" = s."userId"
      LEFT JOIN "CallerTally" w ON w."campaignId" = s."campaignId" AND w."callerId" = s."userId"
      WHERE s."campaignId" = ${campaignId} AND s."groupId" = ${groupId}
      GROUP BY u.name, u.login, w.contacts, w.seconds
      ORDER BY u.login`,
  ]);

  // one entry per candidate and kind; "unreachable" = tried this week and never reached this week
  const byKind = { hesitant: new Map<string, WeekPerson>(), willNotCome: new Map<string, WeekPerson>() };
  const unreachable = new Map<string, WeekPerson>();
  const reached = new Set<string>();
  for (const log of logs) {
    const person = { name: log.name, examNo: log.examNo, caller: log.caller ?? "—" };
    if (HESITANT.has(log.outcome)) byKind.hesitant.set(log.candidateId, person);
    if (WILL_NOT_COME.has(log.outcome)) byKind.willNotCome.set(log.candidateId, person);
    if (UNREACHABLE.has(log.outcome)) unreachable.set(log.candidateId, person);
    else reached.add(log.candidateId);
  }
  for (const id of reached) unreachable.delete(id);

  const policy = subsidyPolicySchema.parse(campaign.subsidyPolicy).workload;
  const laggards: WeekLaggard[] = members
    .map((m) => ({ name: m.name, assigned: n(m.assigned), contacts: n(m.contacts), minutes: n(m.seconds) / 60 }))
    .filter(
      (m) =>
        m.assigned > 0 &&
        (m.contacts < policy.contactsPerAssigned * m.assigned || m.minutes < policy.minutesPerAssigned * m.assigned),
    );

  const s = days._sum;
  return {
    weekStart: weekKey(weekStart),
    contacts: (s.phone ?? 0) + (s.sms ?? 0) + (s.wechat ?? 0) + (s.qq ?? 0) + (s.other ?? 0),
    minutes: n(s.seconds) / 60,
    admitted: totals._sum.admitted ?? 0,
    enrolled: totals._sum.enrolled ?? 0,
    enrolledThisWeek: s.enrolledDelta ?? 0,
    newWithdrawals: withdrawals.map((w) => ({
      name: w.candidate.name,
      examNo: w.candidate.examNo,
      caller: w.caller.name,
    })),
    hesitant: [...byKind.hesitant.values()],
    willNotCome: [...byKind.willNotCome.values()],
    unreachable: [...unreachable.values()],
    escalationsOpened: opened,
    escalationsClosed: closed,
    standard: { contacts: policy.contactsPerAssigned, minutes: policy.minutesPerAssigned },
    laggards,
  };
}
