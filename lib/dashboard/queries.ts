import "server-only";
// Reads for the dashboards. Every figure comes from the tallies the database keeps in step with each
// write (CandidateTally, CallerTally, GroupDayTally: see prisma/schema.prisma and README "Dashboards"),
// or from small indexed lookups bounded by one group; none of them scans the candidate list or the
// contact logs of the campaign at request time.
import type { Viewer } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import type { Reader } from "@/lib/db/client";
import { groupScope } from "@/lib/groups/scope";
import { loadCallerPayoutInput } from "@/lib/payouts";
import { type KeptPayouts, keptPayouts } from "@/lib/payouts/kept";
import { type CallerInput, computePayouts, type NextTierHint, nextTierHint } from "@/lib/subsidy";
import { ratePermilleOf } from "@/lib/subsidy/money";
import { fromDateColumn, toDateColumn, Week } from "@/lib/time";
import { weeklyStatus } from "@/lib/weekly/deadline";
import type { CallerRow } from "./callers";
import { type CardDeduction, cardDeductions } from "./deductions";
import { assessProgress, type Progress } from "./progress";

const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

const GROUP_SELECT = {
  id: true,
  name: true,
  region: true,
  leaderId: true,
  leader: { select: { name: true } },
} as const satisfies Prisma.GroupSelect;

/**
 * The group a viewer may open: any group of the campaign for the callback lead and admins, only the
 * group they lead for a group leader. Null otherwise: the page answers 404, naming nothing.
 */
export async function groupForViewer(viewer: Viewer, campaignId: string, groupId: string, reader: Reader = db()) {
  return reader.group.findFirst({ where: { id: groupId, campaignId, ...groupScope(viewer) }, select: GROUP_SELECT });
}

/** The group a leader leads in the campaign, or null. */
export async function groupLedBy(campaignId: string, leaderId: string, reader: Reader = db()) {
  return reader.group.findFirst({ where: { campaignId, leaderId }, select: GROUP_SELECT });
}

export interface Funnel {
  submitted: number;
  firstChoice: number;
  admitted: number;
  paid: number;
  /** admitted and 已报到 by the callers' claims */
  enrolled: number;
  /** admitted and enrolled on the record (报到 list or data team): what pay counts */
  confirmed: number;
}

export interface DayContacts {
  day: string;
  PHONE: number;
  SMS: number;
  WECHAT: number;
  QQ: number;
  OTHER: number;
}

export interface DayRate {
  day: string;
  admitted: number;
  enrolled: number;
  ratePermille: number;
}

/** Contacts per day by channel and the rate over time, from the group's day tallies. */
export async function groupDays(campaignId: string, groupId: string, reader: Reader = db()) {
  const days = await reader.groupDayTally.findMany({
    where: { campaignId, groupId },
    orderBy: { day: "asc" },
  });
  const contacts: DayContacts[] = [];
  const rate: DayRate[] = [];
  let admitted = 0;
  let enrolled = 0;
  for (const d of days) {
    const day = fromDateColumn(d.day);
    if (d.phone + d.sms + d.wechat + d.qq + d.other !== 0) {
      contacts.push({ day, PHONE: d.phone, SMS: d.sms, WECHAT: d.wechat, QQ: d.qq, OTHER: d.other });
    }
    admitted += d.admittedDelta;
    enrolled += d.enrolledDelta;
    const permille = ratePermilleOf(enrolled, admitted);
    // from the first enrollment on: before 报到 opens the rate is 0 by definition, not news
    if ((d.admittedDelta !== 0 || d.enrolledDelta !== 0) && permille !== null && enrolled > 0) {
      rate.push({ day, admitted, enrolled, ratePermille: permille });
    }
  }
  return { contacts, rate };
}

/** Funnel of one group (投档 → first choice → 录取 → 缴费 → 报到), from the candidate tallies. */
export async function groupFunnel(campaignId: string, groupId: string, reader: Reader = db()): Promise<Funnel> {
  const sum = await reader.candidateTally.aggregate({
    where: { campaignId, groupId },
    _sum: { assigned: true, firstChoice: true, admitted: true, paid: true, enrolled: true, confirmed: true },
  });
  return {
    submitted: sum._sum.assigned ?? 0,
    firstChoice: sum._sum.firstChoice ?? 0,
    admitted: sum._sum.admitted ?? 0,
    paid: sum._sum.paid ?? 0,
    enrolled: sum._sum.enrolled ?? 0,
    confirmed: sum._sum.confirmed ?? 0,
  };
}

/**
 * The per-caller table of one group: every member (the leader too, who is also a caller), with the
 * figures of the candidates in their charge, their logged work, what needs them now, and their
 * projected subsidy with its explanation.
 */
export async function groupCallers(
  campaignId: string,
  group: { id: string; leaderId: string | null },
  now: Date,
  /** what the group page has already read for its other parts */
  prepared?: { payouts: KeptPayouts; names: Record<string, string> },
): Promise<CallerRow[]> {
  const reader = db();
  const members = await reader.staffProfile.findMany({
    where: { campaignId, groupId: group.id },
    select: { userId: true, user: { select: { name: true, login: true } } },
    orderBy: { user: { login: "asc" } },
  });
  const ids = members.map((m) => m.userId);
  if (ids.length === 0) return [];
  const [charge, work, overdue, escalations, payouts, names] = await Promise.all([
    reader.$queryRaw<
      {
        callerId: string;
        assigned: bigint;
        reached: bigint;
        admitted: bigint;
        enrolled: bigint;
        confirmed: bigint;
        neverContacted: bigint;
      }[]
    >`
      SELECT t."callerId", sum(t.assigned) AS assigned, sum(t.reached) AS reached, sum(t.admitted) AS admitted,
             sum(t.enrolled) AS enrolled, sum(t.confirmed) AS confirmed, sum(t."neverContacted") AS "neverContacted"
      FROM "CandidateTally" t
      WHERE t."campaignId" = ${campaignId} AND t."callerId" = ANY(${ids})
      GROUP BY t."callerId"`,
    reader.callerTally.findMany({ where: { campaignId, callerId: { in: ids } } }),
    reader.$queryRaw<{ callerId: string; count: bigint }[]>`
      SELECT c."assignedCallerId" AS "callerId", count(*) AS count
      FROM "Candidate" c
      WHERE c."assignedCallerId" = ANY(${ids}) AND c."nextFollowUpAt" < ${now} AND c."campaignId" = ${campaignId}
      GROUP BY c."assignedCallerId"`,
    reader.$queryRaw<{ callerId: string; count: bigint }[]>`
      SELECT c."assignedCallerId" AS "callerId", count(*) AS count
      FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
      WHERE e."campaignId" = ${campaignId} AND e."toTeam" = 'GROUP_LEADER' AND e.status = 'OPEN'
        AND c."groupId" = ${group.id}
      GROUP BY c."assignedCallerId"`,
    prepared?.payouts ?? keptPayouts(campaignId, [group.id]),
    prepared?.names ?? idNames(campaignId, group.id, reader),
  ]);
  const chargeBy = new Map(charge.map((r) => [r.callerId, r]));
  const workBy = new Map(work.map((r) => [r.callerId, r]));
  const overdueBy = new Map(overdue.map((r) => [r.callerId, n(r.count)]));
  const escalationsBy = new Map(escalations.map((r) => [r.callerId, n(r.count)]));
  return members.map((m) => {
    const c = chargeBy.get(m.userId);
    const w = workBy.get(m.userId);
    const payout = payouts.callers.get(m.userId);
    const admitted = n(c?.admitted);
    const enrolled = n(c?.enrolled);
    return {
      callerId: m.userId,
      name: m.user.name,
      isLeader: m.userId === group.leaderId,
      assigned: n(c?.assigned),
      reached: n(c?.reached),
      admitted,
      enrolled,
      ratePermille: ratePermilleOf(enrolled, admitted),
      confirmed: n(c?.confirmed),
      contacts: n(w?.contacts),
      seconds: n(w?.seconds),
      neverContacted: n(c?.neverContacted),
      overdue: overdueBy.get(m.userId) ?? 0,
      openEscalations: escalationsBy.get(m.userId) ?? 0,
      subsidyFen: payout ? payout.subsidyFen + payout.overtimeFen : 0,
      meetsWorkload: payout?.meetsMinimumWorkload ?? false,
      steps: payout?.steps ?? [],
      names,
    };
  });
}

/** The names of a group and its members by id, to name them in the subsidy explanation steps. */
async function idNames(campaignId: string, groupId: string, reader: Reader): Promise<Record<string, string>> {
  const [people, groups] = await Promise.all([
    reader.staffProfile.findMany({
      where: { campaignId, groupId },
      select: { userId: true, user: { select: { name: true } } },
    }),
    reader.group.findMany({ where: { id: groupId }, select: { id: true, name: true } }),
  ]);
  return Object.fromEntries([
    ...people.map((p) => [p.userId, p.user.name] as const),
    ...groups.map((g) => [g.id, g.name] as const),
  ]);
}

/**
 * Everything the group page shows, with the group's part of the campaign's kept payout projection read
 * once (lib/payouts/kept.ts: the bottom-3 ranking and the leader bonus depend on every caller of the
 * campaign, so the projection is the campaign's).
 */
export async function groupDashboardData(
  campaignId: string,
  group: { id: string; leaderId: string | null },
  now: Date,
) {
  const reader = db();
  // the funnel and the charts do not wait for the money (which may be recomputed first)
  const payoutsAndNames = Promise.all([keptPayouts(campaignId, [group.id]), idNames(campaignId, group.id, reader)]);
  const [callers, funnel, days, [payouts, names]] = await Promise.all([
    payoutsAndNames.then(([payouts, names]) => groupCallers(campaignId, group, now, { payouts, names })),
    groupFunnel(campaignId, group.id, reader),
    groupDays(campaignId, group.id, reader),
    payoutsAndNames,
  ]);
  const bonus = payouts.groups.get(group.id);
  return {
    callers,
    funnel,
    days,
    bonus: bonus ? { ...bonus, names } : null,
    workload: payouts.policy.workload,
  };
}

export interface GroupOverview {
  id: string;
  name: string;
  leaderName: string | null;
  assigned: number;
  admitted: number;
  /** claimed by the callers */
  enrolled: number;
  /** on the record (报到 list or data team) */
  confirmed: number;
  contacts: number;
  seconds: number;
  /** the summary of the week that ended last (due Monday noon) */
  weekly: { status: "open" | "submitted" | "late" | "overdue"; submittedAt: Date | null };
}

/** Every group of the campaign side by side, with the summary status of the week before `now`'s. */
export async function campaignGroups(campaignId: string, now: Date, reader: Reader = db()) {
  const lastWeek = Week.shift(Week.of(now), -1);
  const rows = await reader.$queryRaw<
    {
      id: string;
      name: string;
      leaderName: string | null;
      assigned: bigint | null;
      admitted: bigint | null;
      enrolled: bigint | null;
      confirmed: bigint | null;
      contacts: bigint | null;
      seconds: bigint | null;
      reportStatus: string | null;
      submittedAt: Date | null;
    }[]
  >`
    WITH charge AS (
      SELECT t."groupId", sum(t.assigned) AS assigned, sum(t.admitted) AS admitted, sum(t.enrolled) AS enrolled,
             sum(t.confirmed) AS confirmed
      FROM "CandidateTally" t WHERE t."campaignId" = ${campaignId}
      GROUP BY t."groupId"
    ), work AS (
      SELECT s."groupId", sum(w.contacts) AS contacts, sum(w.seconds) AS seconds
      FROM "StaffProfile" s JOIN "CallerTally" w ON w."campaignId" = s."campaignId" AND w."callerId" = s."userId"
      WHERE s."campaignId" = ${campaignId} AND s."groupId" IS NOT NULL
      GROUP BY s."groupId"
    )
    SELECT g.id, g.name, u.name AS "leaderName", charge.assigned, charge.admitted, charge.enrolled,
           charge.confirmed, work.contacts, work.seconds, r.status AS "reportStatus", r."submittedAt"
    FROM "Group" g
    LEFT JOIN "User" u ON u.id = g."leaderId"
    LEFT JOIN charge ON charge."groupId" = g.id
    LEFT JOIN work ON work."groupId" = g.id
    LEFT JOIN "WeeklyReport" r ON r."groupId" = g.id AND r."weekStart" = ${toDateColumn(lastWeek)}::date
    WHERE g."campaignId" = ${campaignId}
    ORDER BY g."createdAt", g.name`;
  const groups: GroupOverview[] = rows.map((r) => {
    const submittedAt = r.reportStatus === "SUBMITTED" ? r.submittedAt : null;
    return {
      id: r.id,
      name: r.name,
      leaderName: r.leaderName,
      assigned: n(r.assigned),
      admitted: n(r.admitted),
      enrolled: n(r.enrolled),
      confirmed: n(r.confirmed),
      contacts: n(r.contacts),
      seconds: n(r.seconds),
      weekly: { status: weeklyStatus(lastWeek, submittedAt, now), submittedAt },
    };
  });
  return { lastWeek, groups };
}

/** Campaign-level figures: plan, admitted, enrolled, rate, and the money the projection commits. */
export async function campaignFigures(campaign: { id: string; planSize: number }) {
  const [sum, payouts] = await Promise.all([
    db().candidateTally.aggregate({
      where: { campaignId: campaign.id },
      _sum: { assigned: true, admitted: true, enrolled: true, confirmed: true },
    }),
    keptPayouts(campaign.id, []),
  ]);
  const admitted = sum._sum.admitted ?? 0;
  const enrolled = sum._sum.enrolled ?? 0;
  const confirmed = sum._sum.confirmed ?? 0;
  return {
    planSize: campaign.planSize,
    submitted: sum._sum.assigned ?? 0,
    admitted,
    enrolled,
    ratePermille: ratePermilleOf(enrolled, admitted),
    confirmed,
    confirmedRatePermille: ratePermilleOf(confirmed, admitted),
    committedFen: payouts.totalFen,
  };
}

/** One way of counting a caller's 报到 (their claims, or the record), and the subsidy it would pay. */
export interface EnrollmentProjection {
  enrolled: number;
  ratePermille: number | null;
  perStudentFen: number;
  subsidyFen: number;
}

export interface MyProgress {
  progress: Progress;
  assigned: number;
  admitted: number;
  /** claimed: the caller's own 已报到 results */
  enrolled: number;
  contacts: number;
  minutes: number;
  perStudentFen: number;
  subsidyFen: number;
  /** what the caller's claims would pay, for reference */
  claimed: EnrollmentProjection;
  /** what the record (报到 list, data team) pays: the payout run counts only this */
  confirmed: EnrollmentProjection;
  deductions: CardDeduction[];
  hint: NextTierHint;
  standard: { contacts: number; minutes: number };
}

/**
 * A caller's own progress (not compared with anyone): null when they are not a caller of any group.
 * Only the caller's own figures are read: their phone subsidy and the next tier do not depend on other
 * callers (the bottom-3 ranking touches overtime and award eligibility, which this card does not show).
 * The rate, the advice and the next tier follow the caller's claims (what they can act on today); the
 * money is shown both ways, claimed and confirmed, so a projection never drops to zero before the
 * first 报到 list arrives while the confirmed one says what will be paid.
 */
export async function myProgress(
  campaign: { id: string },
  callerId: string,
  reader: Reader = db(),
): Promise<MyProgress | null> {
  const loaded = await loadCallerPayoutInput(reader, campaign.id, callerId);
  if (!loaded) return null;
  const { input, policy } = loaded;
  // the payout input counts the record as `enrolled` (what is paid) and the caller's own results beside it
  const counts = { claimed: input.claimedEnrolled ?? input.enrolled, confirmed: input.enrolled };
  const claimedInput: CallerInput = { ...input, enrolled: counts.claimed };
  const confirmedInput: CallerInput = { ...input, enrolled: counts.confirmed };
  // the caller's group is listed so the input validates; its leader bonus is not read here
  const project = (caller: CallerInput) =>
    computePayouts({ callers: [caller], groups: [{ groupId: caller.groupId, leaderId: callerId }] }, policy).callers[0];
  const claimedPayout = project(claimedInput);
  const confirmedPayout = project(confirmedInput);
  if (!claimedPayout || !confirmedPayout) return null;
  const projection = (enrolled: number, payout: typeof claimedPayout): EnrollmentProjection => ({
    enrolled,
    ratePermille: payout.ratePermille,
    perStudentFen: payout.perStudentFen,
    subsidyFen: payout.subsidyFen,
  });
  const findings = await reader.finding.findMany({
    where: { campaignId: campaign.id, callerId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, deductionPercent: true },
  });
  const { contactsPerAssigned, minutesPerAssigned } = policy.workload;
  return {
    progress: assessProgress({
      assigned: input.assigned,
      admitted: input.admitted,
      enrolled: counts.claimed,
      contacts: input.contacts,
      minutes: input.minutes,
      basicPermille: policy.basicTaskPermille,
      targetPermille: policy.targetTaskPermille,
      contactsPerAssigned,
      minutesPerAssigned,
    }),
    assigned: input.assigned,
    admitted: input.admitted,
    enrolled: counts.claimed,
    contacts: input.contacts,
    minutes: input.minutes,
    perStudentFen: claimedPayout.perStudentFen,
    subsidyFen: claimedPayout.subsidyFen,
    claimed: projection(counts.claimed, claimedPayout),
    confirmed: projection(counts.confirmed, confirmedPayout),
    deductions: cardDeductions(findings, policy.mistakenWithdrawal.payoutPercent),
    hint: nextTierHint(claimedInput, policy),
    standard: { contacts: contactsPerAssigned, minutes: minutesPerAssigned },
  };
}
