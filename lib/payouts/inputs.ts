import { Prisma } from "@/generated/prisma/client";
import type { Reader } from "@/lib/db/client";
import { type ProspectPolicy, prospectPolicyOf, registrationPoints } from "@/lib/prospects";
import type { CallerInput, GroupInput, PayoutInput, SubsidyPolicy } from "@/lib/subsidy";
import { subsidyPolicySchema } from "@/lib/subsidy";
import { type CallerPenalties, type FindingForPayout, penaltiesFromFindings } from "./penalties";

/** One caller's figures as the database sums them (counts may come back as bigint). */
export interface CallerRow {
  callerId: string;
  groupId: string;
  overtimeFen: number;
  assigned: bigint | number;
  admitted: bigint | number;
  enrolled: bigint | number;
  claimedEnrolled: bigint | number;
  declined: bigint | number;
  creditMovedAway: bigint | number;
  creditHeldForOthers: bigint | number;
  contacts: bigint | number | null;
  seconds: bigint | number | null;
  /** 生源报备 the caller made in the campaign (phase 1) */
  registrations: bigint | number;
}

/** A caller's figures, the inspectors' penalties and their registrations' points, as lib/subsidy takes them. */
export function toCallerInput(
  row: CallerRow,
  penalties: ReadonlyMap<string, CallerPenalties>,
  prospectPolicy: ProspectPolicy,
): CallerInput {
  const own = penalties.get(row.callerId);
  return {
    callerId: row.callerId,
    groupId: row.groupId,
    assigned: Number(row.assigned),
    admitted: Number(row.admitted),
    enrolled: Number(row.enrolled),
    claimedEnrolled: Number(row.claimedEnrolled),
    declined: Number(row.declined),
    creditMovedAway: Number(row.creditMovedAway),
    creditHeldForOthers: Number(row.creditHeldForOthers),
    contacts: Number(row.contacts ?? 0),
    minutes: Number(row.seconds ?? 0) / 60,
    overtimeFen: row.overtimeFen,
    mistakenWithdrawal: own?.mistakenWithdrawal ?? false,
    fraudPercent: own?.fraudPercent ?? 0,
    slanderFindings: own?.slanderFindings ?? 0,
    registrationPoints: registrationPoints(Number(row.registrations), prospectPolicy),
  };
}

/**
 * Each caller's figures (CallerRow). The candidates count for the caller they are credited to
 * (Candidate.creditCallerId, README "Fair attribution"), not for whoever holds them now; enrollment
 * counts when it is recorded (Candidate.enrollmentRecord), the caller's own 已报到 results beside it.
 * Both come from the credit tally, contacts and minutes (the caller's own work) from the contact tally:
 * triggers keep them with every write (README "Dashboards"), so a campaign's input is one row per
 * caller, not a count over its candidates. Only `callerId`'s row when it is given.
 */
function callerRows(campaignId: string, callerId?: string): Prisma.Sql {
  const onlyRegistrar = callerId === undefined ? Prisma.empty : Prisma.sql`AND r."registrarId" = ${callerId}`;
  const onlyCaller = callerId === undefined ? Prisma.empty : Prisma.sql`AND s."userId" = ${callerId}`;
  return Prisma.sql`
    WITH registered AS (
      SELECT r."registrarId" AS "callerId", count(*) AS registrations
      FROM "SourceRegistration" r
      WHERE r."campaignId" = ${campaignId} ${onlyRegistrar}
      GROUP BY r."registrarId"
    )
    SELECT s."userId" AS "callerId", s."groupId", s."overtimeFen",
           coalesce(credit.assigned, 0) AS assigned,
           coalesce(credit.admitted, 0) AS admitted,
           coalesce(credit.enrolled, 0) AS enrolled,
           coalesce(credit."claimedEnrolled", 0) AS "claimedEnrolled",
           coalesce(credit.declined, 0) AS declined,
           coalesce(credit."creditMovedAway", 0) AS "creditMovedAway",
           coalesce(credit."creditHeldForOthers", 0) AS "creditHeldForOthers",
           coalesce(work.contacts, 0) AS contacts,
           coalesce(work.seconds, 0) AS seconds,
           coalesce(registered.registrations, 0) AS registrations
    FROM "StaffProfile" s
    LEFT JOIN "CreditTally" credit ON credit."campaignId" = s."campaignId" AND credit."callerId" = s."userId"
    LEFT JOIN registered ON registered."callerId" = s."userId"
    LEFT JOIN "CallerTally" work ON work."campaignId" = s."campaignId" AND work."callerId" = s."userId"
    WHERE s."campaignId" = ${campaignId} AND s."groupId" IS NOT NULL ${onlyCaller}
    ORDER BY s."userId"`;
}

/**
 * The figures lib/subsidy pays from, read from one campaign: every staff member placed in a group is a
 * caller (leaders included, as the plan pays them a caller subsidy too), every group with a leader
 * earns a leader bonus. Counts come from the dashboard tallies; only one row per caller comes back.
 *
 * - assigned / admitted / enrolled: the candidates credited to the caller, enrollment as recorded;
 * - contacts / minutes: every contact the caller logged in the campaign;
 * - penalties: the inspectors' findings against the caller (./penalties);
 * - registrationPoints: the caller's 生源报备, valued by the campaign's points policy (lib/prospects).
 */
export async function loadPayoutInput(
  reader: Reader,
  campaignId: string,
): Promise<{ input: PayoutInput; policy: SubsidyPolicy }> {
  const campaign = await reader.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { subsidyPolicy: true, prospectPolicy: true },
  });
  const policy = subsidyPolicySchema.parse(campaign.subsidyPolicy);
  const prospectPolicy = prospectPolicyOf(campaign.prospectPolicy);

  const rows = await reader.$queryRaw<CallerRow[]>(callerRows(campaignId));

  const findings = await reader.finding.findMany({
    where: { campaignId },
    select: { callerId: true, kind: true, deductionPercent: true },
  });
  const penalties = penaltiesFromFindings(findings);

  const callers: CallerInput[] = rows.map((row) => toCallerInput(row, penalties, prospectPolicy));

  const groups: GroupInput[] = (
    await reader.group.findMany({
      where: { campaignId, leaderId: { not: null } },
      select: { id: true, leaderId: true },
      orderBy: { id: "asc" },
    })
  ).map((group) => ({ groupId: group.id, leaderId: group.leaderId as string }));

  return { input: { callers, groups }, policy };
}

/**
 * One caller's input as loadPayoutInput reads it, with the campaign's policy, in one statement (a caller's
 * card is read on every visit to /calls: bench:dashboard, "caller card"); null when the caller is in no
 * group of the campaign.
 */
export async function loadCallerPayoutInput(
  reader: Reader,
  campaignId: string,
  callerId: string,
): Promise<{ input: CallerInput; policy: SubsidyPolicy } | null> {
  const [row] = await reader.$queryRaw<
    (CallerRow & { subsidyPolicy: unknown; prospectPolicy: unknown; findings: FindingForPayout[] })[]
  >`
    SELECT c.*, k."subsidyPolicy", k."prospectPolicy",
           coalesce((SELECT json_agg(json_build_object('callerId', f."callerId", 'kind', f.kind,
                                                       'deductionPercent', f."deductionPercent"))
                     FROM "Finding" f WHERE f."campaignId" = k.id AND f."callerId" = c."callerId"),
                    '[]'::json) AS findings
    FROM (${callerRows(campaignId, callerId)}) c
    JOIN "Campaign" k ON k.id = ${campaignId}`;
  if (!row) return null;
  return {
    input: toCallerInput(row, penaltiesFromFindings(row.findings), prospectPolicyOf(row.prospectPolicy)),
    policy: subsidyPolicySchema.parse(row.subsidyPolicy),
  };
}
