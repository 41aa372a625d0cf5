// The week's figures a group's weekly summary is drafted from. Every read is bounded by one group (its
// candidates, its week of contacts) or reads the dashboard tallies. Takes its reader, so the demo seed
// (outside Next) and the leader's action (inside its transaction) use it alike.
import type { Reader } from "@/lib/db/client";
import { subsidyPolicySchema } from "@/lib/subsidy";
import { toDateColumn, Week } from "@/lib/time";
import { UNREACHABLE_OUTCOMES } from "@/lib/workflow";
import type { WeekFigures, WeekLaggard, WeekPerson } from "./draft";

const HESITANT = new Set(["INTENT_HESITANT", "COME_HESITANT"]);
const WILL_NOT_COME = new Set(["WILL_NOT_COME", "NOT_ENROLLED", "REGRETTED"]);
const UNREACHABLE = new Set<string>(UNREACHABLE_OUTCOMES);

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
  // One statement: the draft is rebuilt on every visit to the weekly page, and eight round trips cost
  // more than the figures themselves (bench:dashboard, "weekly page"). Lists come back as JSON arrays.
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
      logs: { candidateId: string; outcome: string; name: string; examNo: string; caller: string | null }[];
      withdrawals: { name: string; examNo: string; caller: string }[];
      members: { name: string; assigned: number; contacts: number | null; seconds: number | null }[];
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
           coalesce((
             SELECT json_agg(json_build_object('candidateId', l."candidateId", 'outcome', l.outcome,
                                               'name', c.name, 'examNo', c."examNo", 'caller', u.name)
                             ORDER BY l."startedAt", l.id)
             FROM "Candidate" c
             JOIN "ContactLog" l ON l."candidateId" = c.id
             LEFT JOIN "User" u ON u.id = c."assignedCallerId"
             WHERE c."groupId" = ${groupId} AND c."campaignId" = k.id
               AND l."startedAt" >= ${from} AND l."startedAt" < ${to}), '[]'::json) AS logs,
           coalesce((
             SELECT json_agg(json_build_object('name', c.name, 'examNo', c."examNo", 'caller', u.name)
                             ORDER BY w."createdAt")
             FROM "WithdrawalRequest" w
             JOIN "Candidate" c ON c.id = w."candidateId"
             JOIN "User" u ON u.id = w."callerId"
             WHERE w."campaignId" = k.id AND c."groupId" = ${groupId}
               AND w."createdAt" >= ${from} AND w."createdAt" < ${to}), '[]'::json) AS withdrawals,
           coalesce((
             SELECT json_agg(json_build_object('name', m.name, 'assigned', m.assigned,
                                               'contacts', m.contacts, 'seconds', m.seconds) ORDER BY m.login)
             FROM (
               SELECT u.name, u.login, coalesce(sum(ct.assigned), 0) AS assigned, cw.contacts, cw.seconds
               FROM "StaffProfile" s
               JOIN "User" u ON u.id = s."userId"
               LEFT JOIN "CandidateTally" ct ON ct."campaignId" = s."campaignId" AND ct."callerId" = s."userId"
               LEFT JOIN "CallerTally" cw ON cw."campaignId" = s."campaignId" AND cw."callerId" = s."userId"
               WHERE s."campaignId" = k.id AND s."groupId" = ${groupId}
               GROUP BY u.name, u.login, cw.contacts, cw.seconds
             ) m), '[]'::json) AS members
    FROM "Campaign" k
    LEFT JOIN LATERAL (
      SELECT sum(g.phone + g.sms + g.wechat + g.qq + g.other) AS contacts, sum(g.seconds) AS seconds,
             sum(g."enrolledDelta") AS enrolled
      FROM "GroupDayTally" g
      WHERE g."campaignId" = k.id AND g."groupId" = ${groupId} AND g.day >= ${firstDay}::date AND g.day <= ${lastDay}::date
    ) d ON true
    LEFT JOIN LATERAL (
      SELECT sum(ct.admitted) AS admitted, sum(ct.enrolled) AS enrolled
      FROM "CandidateTally" ct WHERE ct."campaignId" = k.id AND ct."groupId" = ${groupId}
    ) t ON true
    WHERE k.id = ${campaignId}`;
  if (!row) throw new Error(`campaign ${campaignId} not found`);
  const { logs, withdrawals, members } = row;

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
    newWithdrawals: withdrawals,
    hesitant: [...byKind.hesitant.values()],
    willNotCome: [...byKind.willNotCome.values()],
    unreachable: [...unreachable.values()],
    escalationsOpened: n(row.opened),
    escalationsClosed: n(row.closed),
    standard: { contacts: policy.contactsPerAssigned, minutes: policy.minutesPerAssigned },
    laggards,
  };
}
