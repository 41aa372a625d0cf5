import { Prisma } from "@/generated/prisma/client";
import type { Reader } from "@/lib/db/client";
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
  contacts: bigint | number | null;
  seconds: bigint | number | null;
}

/** A caller's figures and the inspectors' penalties, as lib/subsidy takes them. */
export function toCallerInput(row: CallerRow, penalties: ReadonlyMap<string, CallerPenalties>): CallerInput {
  const own = penalties.get(row.callerId);
  return {
    callerId: row.callerId,
    groupId: row.groupId,
    assigned: Number(row.assigned),
    admitted: Number(row.admitted),
    enrolled: Number(row.enrolled),
    contacts: Number(row.contacts ?? 0),
    minutes: Number(row.seconds ?? 0) / 60,
    overtimeFen: row.overtimeFen,
    mistakenWithdrawal: own?.mistakenWithdrawal ?? false,
    fraudPercent: own?.fraudPercent ?? 0,
  };
}

/**
 * Each caller's figures (CallerRow), from the dashboard tallies (kept by triggers on Candidate and
 * ContactLog, see prisma/schema.prisma): a few rows per caller instead of every candidate and every
 * contact log of the campaign. Only `callerId`'s row when it is given.
 */
function callerRows(campaignId: string, callerId?: string): Prisma.Sql {
  const onlyCharge = callerId === undefined ? Prisma.empty : Prisma.sql`AND t."callerId" = ${callerId}`;
  const onlyCaller = callerId === undefined ? Prisma.empty : Prisma.sql`AND s."userId" = ${callerId}`;
  return Prisma.sql`
    WITH charge AS (
      SELECT t."callerId",
             sum(t.assigned) AS assigned,
             sum(t.admitted) AS admitted,
             sum(t.enrolled) AS enrolled
      FROM "CandidateTally" t
      WHERE t."campaignId" = ${campaignId} AND t."callerId" <> '' ${onlyCharge}
      GROUP BY t."callerId"
    )
    SELECT s."userId" AS "callerId", s."groupId", s."overtimeFen",
           coalesce(charge.assigned, 0) AS assigned,
           coalesce(charge.admitted, 0) AS admitted,
           coalesce(charge.enrolled, 0) AS enrolled,
           coalesce(work.contacts, 0) AS contacts,
           coalesce(work.seconds, 0) AS seconds
    FROM "StaffProfile" s
    LEFT JOIN charge ON charge."callerId" = s."userId"
    LEFT JOIN "CallerTally" work ON work."campaignId" = s."campaignId" AND work."callerId" = s."userId"
    WHERE s."campaignId" = ${campaignId} AND s."groupId" IS NOT NULL ${onlyCaller}
    ORDER BY s."userId"`;
}

/**
 * The figures lib/subsidy pays from, read from one campaign: every staff member placed in a group is a
 * caller (leaders included, as the plan pays them a caller subsidy too), every group with a leader
 * earns a leader bonus. Counts come from the dashboard tallies; only one row per caller comes back.
 *
 * - assigned / admitted / enrolled: the candidates currently in the caller's charge;
 * - contacts / minutes: every contact the caller logged in the campaign;
 * - penalties: the inspectors' findings against the caller (./penalties).
 */
export async function loadPayoutInput(
  reader: Reader,
  campaignId: string,
): Promise<{ input: PayoutInput; policy: SubsidyPolicy }> {
  const campaign = await reader.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: { subsidyPolicy: true },
  });
  const policy = subsidyPolicySchema.parse(campaign.subsidyPolicy);

  const rows = await reader.$queryRaw<CallerRow[]>(callerRows(campaignId));

  const findings = await reader.finding.findMany({
    where: { campaignId },
    select: { callerId: true, kind: true, deductionPercent: true },
  });
  const penalties = penaltiesFromFindings(findings);

  const callers: CallerInput[] = rows.map((row) => toCallerInput(row, penalties));

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
  const [row] = await reader.$queryRaw<(CallerRow & { subsidyPolicy: unknown; findings: FindingForPayout[] })[]>`
    SELECT c.*, k."subsidyPolicy",
           coalesce((SELECT json_agg(json_build_object('callerId', f."callerId", 'kind', f.kind,
                                                       'deductionPercent', f."deductionPercent"))
                     FROM "Finding" f WHERE f."campaignId" = k.id AND f."callerId" = c."callerId"),
                    '[]'::json) AS findings
    FROM (${callerRows(campaignId, callerId)}) c
    JOIN "Campaign" k ON k.id = ${campaignId}`;
  if (!row) return null;
  return {
    input: toCallerInput(row, penaltiesFromFindings(row.findings)),
    policy: subsidyPolicySchema.parse(row.subsidyPolicy),
  };
}
