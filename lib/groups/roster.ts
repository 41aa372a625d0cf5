// A campaign's groups and their members, the rules without a database: one region, one group; who may be
// picked into a group and who may be released from it; when a change is a filed roster change (审批备案).
// Pure: no Prisma, no clock.
import { prefectureOf, regionKey } from "@/lib/assignment/regions";

/** A region as a group stores it: the 市州's short name when the table knows it (泸州市 → 泸州), else as typed, trimmed. */
export function groupRegion(region: string): string {
  return prefectureOf(region) ?? region.replace(/[\s\u3000]/g, "");
}

/** The group (other than `exceptId`) that already serves this region, if any: a region maps to exactly one group. */
export function regionTakenBy<G extends { id: string; region: string }>(
  groups: readonly G[],
  region: string,
  exceptId?: string,
): G | null {
  const key = regionKey(region);
  return groups.find((g) => g.id !== exceptId && regionKey(g.region) === key) ?? null;
}

export interface PoolMember {
  poolStatus: "APPLIED" | "APPROVED" | "REJECTED" | "REMOVED";
  qualification: "PENDING" | "APPROVED" | "REJECTED";
  groupId: string | null;
  /** whether the account holds the caller's role: a group's members are callers */
  isCaller: boolean;
}

export type PickRefusal = "notApproved" | "notCaller" | "inThisGroup" | "inAnotherGroup";

/**
 * Why this person cannot join `groupId`, or null: only a caller of the approved pool who passed the
 * qualification review and is in no group yet may be picked.
 */
export function pickRefusal(member: PoolMember, groupId: string): PickRefusal | null {
  if (member.poolStatus !== "APPROVED" || member.qualification !== "APPROVED") return "notApproved";
  if (!member.isCaller) return "notCaller";
  if (member.groupId === groupId) return "inThisGroup";
  if (member.groupId !== null) return "inAnotherGroup";
  return null;
}

export type ReleaseRefusal = "notInGroup" | "isLeader" | "holdsCandidates";

/**
 * Why this member cannot leave the group, or null: the leader stays (another leader is named on the
 * groups page first), and whoever still holds candidates hands them over first (the hand-back).
 */
export function releaseRefusal(
  member: { groupId: string | null; userId: string },
  group: { id: string; leaderId: string | null },
  candidatesHeld: number,
): ReleaseRefusal | null {
  if (member.groupId !== group.id) return "notInGroup";
  if (member.userId === group.leaderId) return "isLeader";
  if (candidatesHeld > 0) return "holdsCandidates";
  return null;
}

/** Once an admin has approved and filed the roster, every join and leave is recorded as a roster change. */
export function recordsChanges(group: { rosterApprovedAt: Date | null }): boolean {
  return group.rosterApprovedAt !== null;
}

/** A group with candidates keeps its history: it cannot be deleted. */
export function mayDelete(candidates: number): boolean {
  return candidates === 0;
}
