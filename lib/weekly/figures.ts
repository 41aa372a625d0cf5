// The week's figures a group's weekly summary is drafted from, each as it stood at the end of the week
// (Monday 00:00 Beijing time after it), so a past week's draft is not moved by a later contact, a later
// approval or a later list. Every read is bounded by one group (its candidates, their contacts up to the
// week's end) or reads the day tallies. Takes its reader, so the demo seed (outside Next) and the leader's
// action (inside its transaction) use it alike.
import type { Reader } from "@/lib/db/client";
import { subsidyPolicySchema } from "@/lib/subsidy";
import { toDateColumn, Week } from "@/lib/time";
import type { WeekFigures, WeekLaggard, WeekPerson } from "./draft";
import {
  approvedInWeek,
  type CandidateEvent,
  STANDING_OUTCOMES,
  sectionsAtWeekEnd,
  type WeekSection,
} from "./standing";

const n = (value: bigint | number | null | undefined) => Number(value ?? 0);

/** The week's figures of one group, as the draft and the stored summary use them. */
export async function weekFigures(
  reader: Reader,
  campaignId: string,
  groupId: string,
  week: string,
): Promise<WeekFigures> {
  const { from, to } = Week.range(week);
  const firstDay = toDateColumn(week);
  const lastDay = toDateColumn(Week.lastDay(week));
  // One statement for the figures, one for the names of the candidates listed: the draft is rebuilt on
  // every visit to the weekly page, and eight round trips cost more than the figures themselves
  // (bench:dashboard, "weekly page"). Lists come back as JSON arrays, instants as epoch milliseconds.
  // Nothing that happened at or after the week's end (`to`) is read; who the group's candidates and
  // members are is read as it is now.
  const [row] = await reader.$queryRaw<
    {
      subsidyPolicy: unknown;
      contacts: bigint;
      seconds: bigint;
      enrolledThisWeek: bigint;
      admitted: bigint;
      enrolled: bigint;
      opened: bigint;
      closed: bigint;
      contactLogs: [candidateId: string, at: number, outcome: string][];
      enrollmentLists: [candidateId: string, at: number, enrollment: string][];
      approvals: { candidateId: string; at: number; caller: string }[];
      members: { name: string; assigned: number; contacts: number; seconds: number | null }[];
    }[]
  >`
    SELECT k."subsidyPolicy",
           coalesce(d.contacts, 0) AS contacts, coalesce(d.seconds, 0) AS seconds,
           coalesce(d.enrolled, 0) AS "enrolledThisWeek",
           coalesce(t.admitted, 0) AS admitted, coalesce(t.enrolled, 0) AS enrolled,
           (SELECT count(*) FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
            WHERE e."campaignId" = k.id AND c."groupId" = ${groupId}
              AND e."createdAt" >= ${from} AND e."createdAt" < ${to}) AS opened,
           (SELECT count(*) FROM "Escalation" e JOIN "Candidate" c ON c.id = e."candidateId"
            WHERE e."campaignId" = k.id AND c."groupId" = ${groupId}
              AND e."resolvedAt" >= ${from} AND e."resolvedAt" < ${to}) AS closed,
           -- of each candidate's contacts up to the week's end, only what sectionAt reads: the latest result
           -- that says where they stand, and the latest of the others (was the last contact a reach?)
           coalesce((
             SELECT json_agg(json_build_array(e."candidateId", (extract(epoch FROM e."startedAt") * 1000)::bigint,
                                              e.outcome) ORDER BY e."startedAt", e."createdAt", e.id)
             FROM (
               SELECT DISTINCT ON (l."candidateId", l.standing)
                      l."candidateId", l."startedAt", l."createdAt", l.id, l.outcome
               FROM (
                 SELECT l.*, l.outcome = ANY(${STANDING_OUTCOMES}) AS standing
                 FROM "Candidate" c
                 JOIN "ContactLog" l ON l."candidateId" = c.id
                 WHERE c."groupId" = ${groupId} AND c."campaignId" = k.id AND l."startedAt" < ${to}
               ) l
               ORDER BY l."candidateId", l.standing, l."startedAt" DESC, l."createdAt" DESC, l.id DESC
             ) e), '[]'::json) AS "contactLogs",
           -- what each enrollment list recorded, while the list was applied and not yet undone at the week's end
           coalesce((
             SELECT json_agg(json_build_array(ch."candidateId", (extract(epoch FROM b."appliedAt") * 1000)::bigint,
                                              ch.after->>'enrollment') ORDER BY b."appliedAt")
             FROM "ImportBatch" b
             JOIN "ImportChange" ch ON ch."batchId" = b.id
             JOIN "Candidate" c ON c.id = ch."candidateId"
             WHERE b."campaignId" = k.id AND b.kind = 'BAODAO' AND b.status IN ('APPLIED', 'UNDONE')
               AND b."appliedAt" < ${to} AND (b."undoneAt" IS NULL OR b."undoneAt" >= ${to})
               AND ch.after ? 'enrollment' AND c."groupId" = ${groupId}), '[]'::json) AS "enrollmentLists",
           -- withdrawals the data team had approved by the week's end; an approval is final
           coalesce((
             SELECT json_agg(json_build_object('candidateId', w."candidateId",
                                               'at', (extract(epoch FROM w."reviewedAt") * 1000)::bigint,
                                               'caller', u.name) ORDER BY w."reviewedAt")
             FROM "WithdrawalRequest" w
             JOIN "Candidate" c ON c.id = w."candidateId"
             JOIN "User" u ON u.id = w."callerId"
             WHERE w."campaignId" = k.id AND c."groupId" = ${groupId} AND w.status = 'APPROVED'
               AND w."reviewedAt" < ${to}), '[]'::json) AS approvals,
           -- the workload standard as it stood at the week's end: contacts up to then, per candidate
           -- held then
           coalesce((
             SELECT json_agg(json_build_object('name', m.name, 'assigned', m.assigned,
                                               'contacts', m.contacts, 'seconds', m.seconds) ORDER BY m.login)
             FROM (
               SELECT u.name, u.login,
                      (SELECT count(*) FROM "Assignment" a JOIN "Candidate" c ON c.id = a."candidateId"
                       WHERE a."callerId" = s."userId" AND c."campaignId" = k.id AND a."startedAt" < ${to}
                         AND (a."endedAt" IS NULL OR a."endedAt" >= ${to})) AS assigned,
                      -- the caller's tally less what they logged since: few rows for a recent week
                      coalesce(cw.contacts, 0) - later.contacts AS contacts,
                      coalesce(cw.seconds, 0) - later.seconds AS seconds
               FROM "StaffProfile" s
               JOIN "User" u ON u.id = s."userId"
               LEFT JOIN "CallerTally" cw ON cw."campaignId" = s."campaignId" AND cw."callerId" = s."userId"
               CROSS JOIN LATERAL (
                 SELECT count(*) AS contacts, coalesce(sum(l."durationSeconds"), 0) AS seconds
                 FROM "ContactLog" l
                 WHERE l."callerId" = s."userId" AND l."campaignId" = k.id AND l."startedAt" >= ${to}
               ) later
               WHERE s."campaignId" = k.id AND s."groupId" = ${groupId}
             ) m), '[]'::json) AS members
    FROM "Campaign" k
    LEFT JOIN LATERAL (
      SELECT sum(g.phone + g.sms + g.wechat + g.qq + g.other) AS contacts, sum(g.seconds) AS seconds,
             sum(g."enrolledDelta") AS enrolled
      FROM "GroupDayTally" g
      WHERE g."campaignId" = k.id AND g."groupId" = ${groupId} AND g.day >= ${firstDay}::date AND g.day <= ${lastDay}::date
    ) d ON true
    -- admitted and enrolled at the week's end: the running sum of each day's change up to its Sunday
    LEFT JOIN LATERAL (
      SELECT sum(g."admittedDelta") AS admitted, sum(g."enrolledDelta") AS enrolled
      FROM "GroupDayTally" g
      WHERE g."campaignId" = k.id AND g."groupId" = ${groupId} AND g.day <= ${lastDay}::date
    ) t ON true
    WHERE k.id = ${campaignId}`;
  if (!row) throw new Error(`campaign ${campaignId} not found`);
  const { approvals, members } = row;

  const events: CandidateEvent[] = [
    ...row.contactLogs.map(([candidateId, at, outcome]) => ({
      candidateId,
      at: new Date(n(at)),
      kind: "contact" as const,
      outcome,
    })),
    ...row.enrollmentLists.map(([candidateId, at, enrollment]) => ({
      candidateId,
      at: new Date(n(at)),
      kind: "enrollmentList" as const,
      enrollment,
    })),
    ...approvals.map((a) => ({
      candidateId: a.candidateId,
      at: new Date(n(a.at)),
      kind: "withdrawalApproved" as const,
    })),
  ];
  const sections = sectionsAtWeekEnd(week, events);
  const approvedThisWeek = approvals.filter((a) => approvedInWeek(week, new Date(n(a.at))));
  const people = await listedPeople(reader, groupId, to, [
    ...sections.keys(),
    ...approvedThisWeek.map((a) => a.candidateId),
  ]);
  const lists: Record<WeekSection, WeekPerson[]> = { hesitant: [], willNotCome: [], notEnrolled: [], unreachable: [] };
  for (const [id, person] of people) {
    const section = sections.get(id);
    if (section) lists[section].push(person);
  }
  const newWithdrawals = approvedThisWeek.flatMap((a) => {
    const person = people.get(a.candidateId);
    return person ? [{ ...person, caller: a.caller }] : [];
  });

  const policy = subsidyPolicySchema.parse(row.subsidyPolicy).workload;
  const laggards: WeekLaggard[] = members
    .map((m) => ({ name: m.name, assigned: n(m.assigned), contacts: n(m.contacts), minutes: n(m.seconds) / 60 }))
    .filter(
      (m) =>
        m.assigned > 0 &&
        (m.contacts < policy.contactsPerAssigned * m.assigned || m.minutes < policy.minutesPerAssigned * m.assigned),
    );

  return {
    weekStart: week,
    contacts: n(row.contacts),
    minutes: n(row.seconds) / 60,
    admitted: n(row.admitted),
    enrolled: n(row.enrolled),
    enrolledThisWeek: n(row.enrolledThisWeek),
    newWithdrawals,
    ...lists,
    escalationsOpened: n(row.opened),
    escalationsClosed: n(row.closed),
    standard: { contacts: policy.contactsPerAssigned, minutes: policy.minutesPerAssigned },
    laggards,
  };
}

/**
 * The listed candidates by id, in exam-number order, each with the caller who held them at `end` (else,
 * with no assignment then, the one who holds them now). A second statement, as it reads a handful of
 * candidates where the first would have read the whole group's.
 */
async function listedPeople(
  reader: Reader,
  groupId: string,
  end: Date,
  ids: string[],
): Promise<Map<string, WeekPerson>> {
  if (ids.length === 0) return new Map();
  const rows = await reader.$queryRaw<{ id: string; name: string; examNo: string; caller: string | null }[]>`
    SELECT c.id, c.name, c."examNo", coalesce(held.name, now_held.name) AS caller
    FROM "Candidate" c
    LEFT JOIN "User" now_held ON now_held.id = c."assignedCallerId"
    LEFT JOIN LATERAL (
      SELECT u.name FROM "Assignment" a JOIN "User" u ON u.id = a."callerId"
      WHERE a."candidateId" = c.id AND a."startedAt" < ${end} AND (a."endedAt" IS NULL OR a."endedAt" >= ${end})
      ORDER BY a."startedAt" DESC LIMIT 1
    ) held ON true
    WHERE c.id = ANY(${[...new Set(ids)]}) AND c."groupId" = ${groupId}
    ORDER BY c."examNo"`;
  return new Map(rows.map((r) => [r.id, { name: r.name, examNo: r.examNo, caller: r.caller ?? "—" }]));
}
