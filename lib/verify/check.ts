// 防诈骗核验, the public check's one body (README "Call verification"): the route app/api/verify calls it,
// the integration tests call it with their own clock and secret.
import { subHours, subMinutes } from "date-fns";
import { UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { CURRENT_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import { COLLEGE_ID } from "@/lib/college/college";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { beijingDay } from "@/lib/time";
import { reportImpersonation } from "./impersonation";
import {
  type CheckKind,
  displayOf,
  type Honorific,
  limitAllows,
  looksImpersonated,
  normaliseCode,
  normalisePhone,
  numberHash,
  teamName,
  VERIFY_LIMITS,
  verifyCode,
} from "./rules";

export type CheckAnswer =
  /** the setting is off (or the college or the campaign is not set): the page and the route are a 404 */
  | { status: "OFF" }
  /** not a phone number, or not six digits: nothing is recorded */
  | { status: "INVALID"; kind: CheckKind }
  /** the address's limit: wait a minute */
  | { status: "LIMITED" }
  | { status: "MATCH"; team: string; surname: string; honorific: Honorific }
  | { status: "NO_MATCH"; kind: CheckKind; admissionsPhone: string | null };

export interface CheckRequest {
  kind: unknown;
  value: unknown;
  /** lib/auth/client-address.ts; UNKNOWN_ADDRESS is never counted */
  address: string;
}

/** What the public page needs to know before anything is checked: whether it exists, and whose it is. */
export interface VerifySetting {
  team: string;
  admissionsPhone: string | null;
}

/** The public check's setting: null while it is off, or while the college or a campaign is not set. */
export async function verifySettingOf(reader: Prisma.TransactionClient | PrismaClient): Promise<VerifySetting | null> {
  const college = await reader.college.findUnique({
    where: { id: COLLEGE_ID },
    select: { name: true, verifyEnabled: true, admissionsPhone: true },
  });
  if (!college?.verifyEnabled) return null;
  const campaign = await reader.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { name: true } });
  if (!campaign) return null;
  return { team: teamName(college.name, campaign.name), admissionsPhone: college.admissionsPhone };
}

/**
 * The current members of the campaign's callback team: active accounts that are approved members of its
 * staff pool, lead one of its groups, or lead the callback team. Only they are ever confirmed.
 */
export async function currentMembers(
  reader: Prisma.TransactionClient | PrismaClient,
): Promise<{ id: string; name: string; phone: string | null; identity: "TEACHER" | "STUDENT" | null }[]> {
  const campaign = await reader.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true } });
  if (!campaign) return [];
  return reader.user.findMany({
    where: {
      active: true,
      OR: [
        { staffProfiles: { some: { campaignId: campaign.id, poolStatus: "APPROVED" } } },
        { ledGroups: { some: { campaignId: campaign.id } } },
        { roles: { has: "CALLBACK_LEAD" } },
      ],
    },
    select: { id: true, name: true, phone: true, identity: true },
    orderBy: { id: "asc" },
  });
}

/**
 * Checks a number or a code for a family, records the check, and answers with the least that proves it.
 * One short transaction holds an advisory lock on the address's counter while it counts and records (as
 * the sign-in limit does, lib/auth/sign-in.ts), so a burst gets no more answers than the limit; a number
 * nobody on the team has is then counted by the addresses that checked it, under a lock on its hash, and
 * raises one impersonation alert a Beijing day (a unique key, whatever runs at once).
 */
export async function checkCall(
  prisma: PrismaClient,
  request: CheckRequest,
  options: { secret: string; now?: Date },
): Promise<CheckAnswer> {
  const now = options.now ?? new Date();
  const kind: CheckKind | null = request.kind === "NUMBER" || request.kind === "CODE" ? request.kind : null;
  if (!kind) return { status: "INVALID", kind: "NUMBER" };
  const raw = typeof request.value === "string" ? request.value.slice(0, 40) : "";
  const value = kind === "CODE" ? normaliseCode(raw) : normalisePhone(raw);
  if (!value) return { status: "INVALID", kind };
  const address = request.address.slice(0, 64);
  const addressKnown = address !== UNKNOWN_ADDRESS;
  const day = beijingDay(now);
  const hash = kind === "NUMBER" ? numberHash(options.secret, value) : null;

  return prisma.$transaction(
    async (tx) => {
      const setting = await verifySettingOf(tx);
      if (!setting) return { status: "OFF" } as const;
      if (addressKnown) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`verify:${address}`}, 0))`;
      const counted = addressKnown
        ? await tx.callCheck.count({
            where: {
              ip: address,
              createdAt: { gt: subMinutes(now, VERIFY_LIMITS.windowMinutes) },
              NOT: { kind: "CODE", matched: true },
            },
          })
        : 0;

      const members = await currentMembers(tx);
      const member =
        kind === "CODE"
          ? members.find((m) => verifyCode(options.secret, m.id, day) === value)
          : members.find((m) => m.phone !== null && normalisePhone(m.phone) === value);
      const allowed = limitAllows({ kind, counted, addressKnown, codeMatched: member !== undefined });
      const matched = allowed && member !== undefined;
      await tx.callCheck.create({
        data: { kind, ip: address, numberHash: hash, matched, limited: !allowed, createdAt: now },
      });
      await tx.callCheck.deleteMany({ where: { createdAt: { lt: subHours(now, VERIFY_LIMITS.retentionDays * 24) } } });
      await tx.callCheckAlert.deleteMany({
        where: { createdAt: { lt: subHours(now, VERIFY_LIMITS.retentionDays * 24) } },
      });
      if (!allowed) return { status: "LIMITED" } as const;
      if (member) return { status: "MATCH", team: setting.team, ...displayOf(member) } as const;
      if (hash) await watchUnknownNumber(tx, { hash, number: value, day, now });
      return { status: "NO_MATCH", kind, admissionsPhone: setting.admissionsPhone } as const;
      // a burst from one address queues on its lock, as sign-in attempts do: wait for a connection as they do
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/**
 * Counts the different known addresses that checked this unknown number within the window; from the
 * third on, raises the day's one alert for it and reports it to the inspection team.
 */
async function watchUnknownNumber(
  tx: Prisma.TransactionClient,
  { hash, number, day, now }: { hash: string; number: string; day: string; now: Date },
) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`verify-number:${hash}`}, 0))`;
  const addresses = await tx.callCheck.findMany({
    where: {
      numberHash: hash,
      matched: false,
      limited: false,
      ip: { not: UNKNOWN_ADDRESS },
      createdAt: { gt: subHours(now, VERIFY_LIMITS.impersonationHours) },
    },
    distinct: ["ip"],
    select: { ip: true },
  });
  if (!looksImpersonated(addresses.length)) return;
  const created = await tx.callCheckAlert.createMany({
    data: [{ numberHash: hash, day, createdAt: now }],
    skipDuplicates: true,
  });
  if (created.count === 0) return;
  const alert = await tx.callCheckAlert.findUniqueOrThrow({ where: { numberHash_day: { numberHash: hash, day } } });
  const campaign = await tx.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true } });
  if (!campaign) return;
  const incidentId = await reportImpersonation(tx, {
    campaignId: campaign.id,
    number,
    addresses: addresses.length,
    at: now,
  });
  await tx.callCheckAlert.update({ where: { id: alert.id }, data: { incidentId } });
}
