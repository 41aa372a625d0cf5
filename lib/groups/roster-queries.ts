import "server-only";
// What the groups page, a group's roster sections and a caller's leave page read.
import { callerLoads } from "@/lib/assignment/callers";
import { SICHUAN_PREFECTURES } from "@/lib/assignment/regions";
import { db } from "@/lib/db";
import { toDateColumn } from "@/lib/time";
import { groupRegion } from "./roster";

/** The campaign's groups for the admin's page, in the order they were set up. */
export async function groupsForAdmin(campaignId: string) {
  return db().group.findMany({
    where: { campaignId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      region: true,
      rosterApprovedAt: true,
      leader: { select: { name: true, login: true } },
      _count: { select: { members: true, candidates: true } },
    },
  });
}

/** The regions a group may serve: Sichuan's 21 市州, and any other region the campaign's lists name. */
export async function regionChoices(campaignId: string): Promise<string[]> {
  const listed = await db().candidate.findMany({
    where: { campaignId },
    distinct: ["region"],
    select: { region: true },
    take: 200,
  });
  const known = SICHUAN_PREFECTURES.map((p) => p.short);
  const others = [...new Set(listed.map((c) => groupRegion(c.region)).filter((r) => r && !known.includes(r)))];
  return [...known, ...others.sort()];
}

/** Accounts an admin may name as leader, for the form's suggestions: this campaign's pool and today's leaders. */
export async function leaderSuggestions(campaignId: string) {
  return db().user.findMany({
    where: {
      active: true,
      OR: [{ roles: { has: "GROUP_LEADER" } }, { staffProfiles: { some: { campaignId, poolStatus: "APPROVED" } } }],
    },
    orderBy: { login: "asc" },
    take: 300,
    select: { login: true, name: true },
  });
}

const PERSON = {
  id: true,
  userId: true,
  source: true,
  region: true,
  studentCadre: true,
  qualification: true,
  poolStatus: true,
  user: { select: { name: true, login: true, identity: true } },
  _count: { select: { trainings: true } },
} as const;

/**
 * A group's roster as its page shows it: the filing, the members with their load and their leave (running,
 * approved ahead, or waiting), the changes since filing.
 */
export async function groupRoster(campaignId: string, groupId: string, today: string) {
  const day = toDateColumn(today);
  const [group, members, loads, changes] = await Promise.all([
    db().group.findUniqueOrThrow({
      where: { id: groupId },
      select: { leaderId: true, rosterApprovedAt: true, rosterApprovedBy: { select: { name: true } } },
    }),
    db().staffProfile.findMany({
      where: { campaignId, groupId },
      orderBy: { user: { login: "asc" } },
      select: {
        ...PERSON,
        leaves: {
          where: { OR: [{ status: "REQUESTED" }, { status: "APPROVED", endsOn: { gte: day } }] },
          orderBy: { startsOn: "asc" },
          select: { id: true, status: true, startsOn: true, endsOn: true, reason: true, createdAt: true },
        },
      },
    }),
    callerLoads(db(), campaignId),
    db().rosterChange.findMany({
      where: { groupId },
      orderBy: { at: "desc" },
      take: 100,
      select: {
        id: true,
        kind: true,
        reason: true,
        at: true,
        user: { select: { name: true } },
        by: { select: { name: true } },
      },
    }),
  ]);
  return {
    ...group,
    members: members.map((m) => ({ ...m, load: loads.of(m.userId) })),
    changes,
  };
}

/** Approved pool callers in no group, who may be picked: student cadres first, then by login. */
export async function availablePool(campaignId: string, limit: number) {
  const where = {
    campaignId,
    groupId: null,
    poolStatus: "APPROVED" as const,
    qualification: "APPROVED" as const,
    user: { active: true, roles: { has: "CALLER" as const } },
  };
  const [people, count] = await Promise.all([
    db().staffProfile.findMany({
      where,
      orderBy: [{ studentCadre: "desc" }, { user: { login: "asc" } }],
      take: limit,
      select: PERSON,
    }),
    db().staffProfile.count({ where }),
  ]);
  return { people, count };
}

/** A caller's own leave in the current campaign, newest first, and whether they are in a group. */
export async function ownLeave(campaignId: string, userId: string) {
  const profile = await db().staffProfile.findFirst({
    where: { campaignId, userId },
    orderBy: { createdAt: "desc" },
    select: {
      groupId: true,
      leaves: {
        orderBy: { startsOn: "desc" },
        take: 50,
        select: {
          id: true,
          status: true,
          startsOn: true,
          endsOn: true,
          reason: true,
          decisionNote: true,
          decidedBy: { select: { name: true } },
        },
      },
    },
  });
  return profile ?? { groupId: null, leaves: [] };
}
