// 未报到 after the 报到 window: from the moment the window closes, every admitted candidate still not
// enrolled is in their group leader's escalation queue (policy escalateNotEnrolled, on by default). The
// queue derives them when it is read, and writes nothing: the Escalation row is created when the leader
// forwards or sends one back (app/(app)/groups/not-enrolled-actions.ts), in a transaction that locks the
// candidate and checks this same condition again, so two app instances, two tabs or two clicks route a
// candidate once. No background job is needed at the window's close.
import type { EscalationStatus } from "@/generated/prisma/enums";
import type { Prisma } from "@/lib/db/client";
import { enrollmentWindowClosed, type PhaseWindowLike, type WorkflowPolicy } from "@/lib/workflow";

/** A case in someone's hands: while one is, the candidate is in the queue through it, not derived. */
const IN_HAND: EscalationStatus[] = ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"];

export { DERIVED_PREFIX } from "./not-enrolled-id";

/**
 * The close of the 报到 window when the queue derives 未报到 cases at `now`: the window has closed and the
 * policy's switch is on. Null otherwise.
 */
export function notEnrolledSince(
  windows: readonly PhaseWindowLike[],
  policy: Pick<WorkflowPolicy, "escalateNotEnrolled">,
  now: Date,
): Date | null {
  if (!policy.escalateNotEnrolled || !enrollmentWindowClosed(windows, now)) return null;
  return windows.find((w) => w.phase === 4)?.closesAt ?? null;
}

/**
 * Candidates with a derived 未报到 case: admitted; neither claimed enrolled (已报到) nor on the record
 * (报到名单 or data-team confirmation); not withdrawn (退档) nor given up (放弃录取); no case in anyone's
 * hands; and no 未报到 case since the window closed (once routed, the row stands for it, whatever became
 * of it).
 */
export function notEnrolledCaseWhere(closedAt: Date): Prisma.CandidateWhereInput {
  return {
    admitted: true,
    enrollment: { not: "ENROLLED" },
    enrollmentRecord: null,
    withdrawal: { not: "APPROVED" },
    decline: { not: "APPROVED" },
    escalations: {
      none: { OR: [{ status: { in: IN_HAND } }, { reason: "NOT_ENROLLED", createdAt: { gte: closedAt } }] },
    },
  };
}
