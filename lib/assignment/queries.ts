import "server-only";
// What the assignments page reads: a group's callers with their load and whether they may be given
// candidates, and the group's candidates as the page filters them.
import { db } from "@/lib/db";
import { leaveCovering } from "@/lib/staff/leave";
import { assignableCallers, callerLoads } from "./callers";

/** Every staff member of the group (by login), with how many of its candidates they hold and whether they may take more. */
export async function groupCallerLoads(campaignId: string, groupId: string, at: Date) {
  const [staff, assignable, loads] = await Promise.all([
    db().staffProfile.findMany({
      where: { campaignId, groupId },
      orderBy: { user: { login: "asc" } },
      select: {
        userId: true,
        poolStatus: true,
        user: { select: { name: true, login: true } },
        leaves: { where: leaveCovering(at), select: { startsOn: true, endsOn: true }, take: 1 },
      },
    }),
    db().staffProfile.findMany({
      where: { ...assignableCallers(campaignId, at), groupId },
      select: { userId: true },
    }),
    callerLoads(db(), campaignId, groupId),
  ]);
  const canTake = new Set(assignable.map((a) => a.userId));
  return {
    callers: staff.map((s) => ({
      userId: s.userId,
      name: s.user.name,
      poolStatus: s.poolStatus,
      /** the approved leave covering `at`, with its dates, or null */
      leave: s.leaves[0] ?? null,
      assignable: canTake.has(s.userId),
      load: loads.of(s.userId),
    })),
    /** candidates of the group with no caller */
    unassigned: loads.unassigned,
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
      select: {
        id: true,
        examNo: true,
        name: true,
        assignedCallerId: true,
        version: true,
        admitted: true,
        creditCallerId: true,
      },
    }),
    db().candidate.count({ where }),
  ]);
  return { candidates, matching };
}
