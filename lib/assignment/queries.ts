import "server-only";
// What the assignments page reads: a group's callers with their load and whether they may be given
// candidates, and the group's candidates as the page filters them.
import { db } from "@/lib/db";
import { assignableCallers } from "./callers";

/** Every staff member of the group (by login), with how many candidates they hold and whether they may take more. */
export async function groupCallerLoads(campaignId: string, groupId: string) {
  const [staff, assignable, loads] = await Promise.all([
    db().staffProfile.findMany({
      where: { campaignId, groupId },
      orderBy: { user: { login: "asc" } },
      select: { userId: true, poolStatus: true, user: { select: { name: true, login: true } } },
    }),
    db().staffProfile.findMany({
      where: { ...assignableCallers(campaignId), groupId },
      select: { userId: true },
    }),
    db().candidate.groupBy({
      by: ["assignedCallerId"],
      where: { campaignId, groupId },
      _count: { _all: true },
    }),
  ]);
  const canTake = new Set(assignable.map((a) => a.userId));
  const loadOf = new Map(loads.map((l) => [l.assignedCallerId, l._count._all]));
  return {
    callers: staff.map((s) => ({
      userId: s.userId,
      name: s.user.name,
      poolStatus: s.poolStatus,
      assignable: canTake.has(s.userId),
      load: loadOf.get(s.userId) ?? 0,
    })),
    /** candidates of the group with no caller */
    unassigned: loadOf.get(null) ?? 0,
  };
}

export interface CandidateFilter {
  /** a caller's id, "none" for the unassigned, "" for all */
  caller: string;
  /** a name's part or an exam number's start, "" for all */
  search: string;
}

/** The group's first `limit` candidates by exam number that match the filter, and how many match. */
export async function groupCandidates(campaignId: string, groupId: string, filter: CandidateFilter, limit: number) {
  const where = {
    campaignId,
    groupId,
    ...(filter.caller === "none"
      ? { assignedCallerId: null }
      : filter.caller
        ? { assignedCallerId: filter.caller }
        : {}),
    ...(filter.search
      ? { OR: [{ name: { contains: filter.search } }, { examNo: { startsWith: filter.search } }] }
      : {}),
  };
  const [candidates, matching] = await Promise.all([
    db().candidate.findMany({
      where,
      orderBy: { examNo: "asc" },
      take: limit,
      select: { id: true, examNo: true, name: true, assignedCallerId: true, version: true },
    }),
    db().candidate.count({ where }),
  ]);
  return { candidates, matching };
}
