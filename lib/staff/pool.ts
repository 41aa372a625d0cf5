// The staff pool (回访人员库) as the plan runs it: an applicant enters the pool when the inspection team's
// qualification review approves them, and only pool members (APPROVED) can be given candidates
// (lib/assignment assignableCallers). Pure: the review action asks it where a decision puts the person.
import type { PoolStatus, QualificationStatus, StaffSource } from "@/generated/prisma/enums";
import type { MessageKey } from "@/lib/i18n/text";

/** Where people come to the pool from, in the plan's order of priority (the review list's order). */
export const STAFF_SOURCES = [
  "EXCELLENT_2023",
  "PRIOR_2023",
  "RECOMMENDED",
  "COLLEGE_PICK",
  "LEADER_PICK",
  "STUDENT",
  "VOLUNTEER",
] as const satisfies readonly StaffSource[];

export type ReviewDecision = "APPROVED" | "REJECTED";

export type ReviewOutcome = { ok: true; poolStatus: PoolStatus } | { ok: false; refusal: MessageKey };

/**
 * Where a qualification review puts a person. An applicant (or one turned down before) goes where the
 * decision says; a member already in the pool can be turned down only once they hold no candidates (a
 * rejection must not strand anyone's students); a member removed after failing the assessment is past
 * the review (leave is not a pool status: lib/staff/leave).
 */
export function poolAfterReview(
  current: PoolStatus,
  decision: ReviewDecision,
  holdsCandidates: boolean,
): ReviewOutcome {
  switch (current) {
    case "APPLIED":
    case "REJECTED":
      return { ok: true, poolStatus: decision };
    case "APPROVED":
      if (decision === "REJECTED" && holdsCandidates)
        return { ok: false, refusal: "inspection.errors.holdsCandidates" };
      return { ok: true, poolStatus: decision };
    default:
      // REMOVED
      return { ok: false, refusal: "inspection.errors.pastReview" };
  }
}

/**
 * Where a person enters the pool from their source: 2023's excellent callers go in directly, without the
 * qualification review (the plan's 直接进入); everyone else applies and waits for the review.
 */
export function poolEntry(source: StaffSource): { poolStatus: PoolStatus; qualification: QualificationStatus } {
  return source === "EXCELLENT_2023"
    ? { poolStatus: "APPROVED", qualification: "APPROVED" }
    : { poolStatus: "APPLIED", qualification: "PENDING" };
}
