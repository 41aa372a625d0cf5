// The staff pool (回访人员库) as the plan runs it: an applicant enters the pool when the inspection team's
// qualification review approves them, and only pool members (APPROVED) can be given candidates
// (lib/assignment assignableCallers). Pure: the review action asks it where a decision puts the person.
import type { PoolStatus, QualificationStatus, StaffIdentity, StaffSource } from "@/generated/prisma/enums";
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

/**
 * The plan's priorities for the review list (四(一)): 2023's callers first (excellent, then the other
 * participants), then student cadres (学生干部), then everyone else. A cadre flag on a teacher's row is
 * read as a mistake of the list and does not count.
 */
export type ReviewTier = "PRIOR_2023" | "STUDENT_CADRE" | "OTHER";

export function reviewTier(p: {
  source: StaffSource;
  studentCadre: boolean;
  identity: StaffIdentity | null;
}): ReviewTier {
  if (p.source === "EXCELLENT_2023" || p.source === "PRIOR_2023") return "PRIOR_2023";
  if (p.studentCadre && p.identity !== "TEACHER") return "STUDENT_CADRE";
  return "OTHER";
}

const TIER_ORDER: Record<ReviewTier, number> = { PRIOR_2023: 0, STUDENT_CADRE: 1, OTHER: 2 };
// within a tier: who still waits for the review first, then those turned down (they may be reviewed
// again), then the approved
const QUALIFICATION_ORDER: Record<QualificationStatus, number> = { PENDING: 0, REJECTED: 1, APPROVED: 2 };

export interface ReviewRow {
  source: StaffSource;
  studentCadre: boolean;
  identity: StaffIdentity | null;
  qualification: QualificationStatus;
  login: string;
}

/**
 * The review list's order: by tier, then pending first, then excellent before the other 2023
 * participants, then by login (so the order is the same on every load). Returns a new array.
 */
export function reviewOrder<T>(rows: readonly T[], row: (item: T) => ReviewRow): T[] {
  const key = (item: T) => {
    const r = row(item);
    return {
      tier: TIER_ORDER[reviewTier(r)],
      status: QUALIFICATION_ORDER[r.qualification],
      excellent: r.source === "EXCELLENT_2023" ? 0 : 1,
      login: r.login,
    };
  };
  return rows
    .map((item) => ({ item, k: key(item) }))
    .sort(
      (a, b) =>
        a.k.tier - b.k.tier ||
        a.k.status - b.k.status ||
        a.k.excellent - b.k.excellent ||
        (a.k.login < b.k.login ? -1 : a.k.login > b.k.login ? 1 : 0),
    )
    .map((x) => x.item);
}

export interface AssessmentOutcome {
  poolStatus: PoolStatus;
  /** whether the candidates the person holds must go to the others of their group (lib/assignment/hand-back) */
  handBack: boolean;
}

/**
 * Where an assessment (考核) puts a person. Failing removes them from the pool (the plan: 考核不合格者
 * 退出回访人员库), applicant or member, and whatever candidates they hold go back to their group. Passing changes
 * nothing: it does not bring back a person removed by an earlier failure (removal is final for the
 * campaign: the review refuses a removed person, see poolAfterReview), nor does it admit an applicant,
 * which is the qualification review's decision.
 */
export function poolAfterAssessment(current: PoolStatus, passed: boolean): AssessmentOutcome {
  if (passed || current === "REMOVED") return { poolStatus: current, handBack: false };
  // an applicant holds nobody as a rule, but whatever anyone removed holds must not be stranded
  return { poolStatus: "REMOVED", handBack: true };
}
