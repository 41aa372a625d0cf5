// The one way to put a message in someone's inbox. Called inside the transaction of the action that made
// the change, so the notice exists exactly when the change does (a refused or rolled-back action tells
// nobody anything). A notice stores values, not sentences: the inbox renders them in the reader's
// language (catalogue "inbox"), and an amount is given in fen so the page formats it like every other.
import type { NoticeKind, ViolationKind } from "@/generated/prisma/enums";
import type { Prisma } from "@/lib/db/client";

/** What each kind of notice carries. Reasons are stored as the person who gave them wrote them. */
export interface NoticeParams {
  /** an inspector's finding against the reader */
  FINDING: {
    /** the candidate of the log judged false; null for a finding made directly (懈怠 seen in the workload) */
    candidateName: string | null;
    violation: ViolationKind;
    /** the percent taken off the reader's subsidy (fraud, dereliction: the inspector's figure), else null */
    deductionPercent: number | null;
    /** 误退: the policy pays this percent of all the reader's subsidies; null for other kinds */
    payoutPercent: number | null;
    reason: string;
    /** the Beijing day ("YYYY-MM-DD") by which to correct it, if the inspector set one */
    correctionDeadline: string | null;
  };
  /** the data team sent a 退档 / 放弃录取 back */
  WITHDRAWAL_SENT_BACK: { candidateName: string; withdrawalKind: "WITHDRAW" | "DECLINE"; reason: string };
  /** the leader sent a case the reader escalated back, with advice */
  ESCALATION_ADVICE: { candidateName: string; advice: string };
  /** the strike team closed a case the reader escalated */
  ESCALATION_OUTCOME: {
    candidateName: string;
    outcome: "HANDED_BACK" | "ENROLLED" | "LOST";
    /** the strike member's note as entered (null when they wrote none) */
    resolution: string | null;
  };
  /** candidates moved to the reader (direction "in") or away from them ("out") */
  CANDIDATES_MOVED: {
    direction: "in" | "out";
    count: number;
    /** the first few names, for the sentence */
    names: string[];
    cause: "MOVE" | "LEAVE" | "ASSESSMENT" | "FINDING" | "RELEASE";
    reason: string | null;
    /** how many of them still count for the earlier caller's pay (a move after admission) */
    creditKept: number;
  };
  /** the reader's leave request was decided */
  LEAVE_DECISION: {
    approved: boolean;
    /** the leave's first and last Beijing day, "YYYY-MM-DD" */
    from: string;
    to: string;
    /** the leader's reason for a refusal, as entered */
    reason: string | null;
    /** how many of the reader's candidates went to the group's other callers on approval */
    reassigned: number;
  };
}

export interface NoticeInput<K extends NoticeKind> {
  userId: string;
  campaignId: string;
  kind: K;
  params: NoticeParams[K];
  /** where the reader acts on it, a path inside the app */
  href?: string;
}

export async function notify<K extends NoticeKind>(
  tx: Prisma.TransactionClient,
  notice: NoticeInput<K>,
): Promise<void> {
  await notifyMany(tx, [notice]);
}

/** Several notices in one statement (a move tells both callers; a bulk action tells many). */
export async function notifyMany(
  tx: Prisma.TransactionClient,
  notices: readonly NoticeInput<NoticeKind>[],
): Promise<void> {
  if (notices.length === 0) return;
  await tx.notice.createMany({
    data: notices.map((n) => ({
      userId: n.userId,
      campaignId: n.campaignId,
      kind: n.kind,
      params: n.params as unknown as Prisma.InputJsonValue,
      href: n.href ?? null,
    })),
  });
}
