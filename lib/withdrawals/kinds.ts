// The two ways a candidate leaves with signed paperwork, as pure rules: 退档 (WITHDRAW, before admission:
// the file goes back) and 放弃录取 (DECLINE, after admission: the place is given up). Both use one request
// model, one materials form and one review; what differs by kind is here: the checklist, the phases in
// which the caller collects the materials, what must be there before review, and which of the
// candidate's fields mirrors the request's status.
import type { WithdrawalKind, WithdrawalStatus } from "@/generated/prisma/enums";
import { type Phase, type PhaseWindowLike, phaseOpenAt } from "@/lib/workflow/phases";
import { WITHDRAWAL_CHECKLIST } from "@/lib/workflow/rules";

export type { WithdrawalKind };

export const WITHDRAWAL_KINDS = ["WITHDRAW", "DECLINE"] as const satisfies readonly WithdrawalKind[];

/** The signed-form materials a 放弃录取 needs before the data team reviews it. */
export const DECLINE_CHECKLIST = ["DECLINE_FORM_SIGNED", "GUARDIAN_SIGNED", "ID_COPY", "ADMISSION_NOTICE"] as const;

export const CHECKLISTS: Record<WithdrawalKind, readonly string[]> = {
  WITHDRAW: WITHDRAWAL_CHECKLIST,
  DECLINE: DECLINE_CHECKLIST,
};

/** Every item either kind may tick: the form posts codes from this list, each then checked against its kind. */
export const ALL_CHECKLIST_ITEMS = [...new Set([...WITHDRAWAL_CHECKLIST, ...DECLINE_CHECKLIST])] as [
  string,
  ...string[],
];

/**
 * When the caller collects the materials: a 退档 while the files are being submitted (投档); a 放弃录取
 * once admitted, until 报到 closes (录取后 and 报到).
 */
export const MATERIALS_PHASES: Record<WithdrawalKind, readonly Phase[]> = { WITHDRAW: [2], DECLINE: [3, 4] };

/** The candidate's field that mirrors a request's status, for list filters. */
export const MIRROR_FIELD = { WITHDRAW: "withdrawal", DECLINE: "decline" } as const satisfies Record<
  WithdrawalKind,
  "withdrawal" | "decline"
>;

/** A 放弃录取's reason, as the candidate or the parent gave it. */
export const DECLINE_REASON_MAX = 300;

export function materialsOpen(kind: WithdrawalKind, windows: readonly PhaseWindowLike[], now: Date): boolean {
  const phase = phaseOpenAt(windows, now);
  return phase !== null && MATERIALS_PHASES[kind].includes(phase);
}

/** The ticked items that are not on the kind's checklist (a crafted post); empty when all belong. */
export function foreignItems(kind: WithdrawalKind, checked: readonly string[]): string[] {
  return checked.filter((item) => !CHECKLISTS[kind].includes(item));
}

/**
 * Materials can go to review when every item of the kind's checklist is ticked and at least one photo of
 * the signed form is attached; a 放弃录取 also needs its reason.
 */
export function materialsReady(
  kind: WithdrawalKind,
  material: { checklist: readonly string[]; photoCount: number; reason: string | null },
): boolean {
  const complete = CHECKLISTS[kind].every((item) => material.checklist.includes(item)) && material.photoCount > 0;
  return kind === "DECLINE" ? complete && !!material.reason?.trim() : complete;
}

/** A request the caller may still change: agreed and collecting, or sent back by the data team. */
export function materialsEditable(status: WithdrawalStatus): boolean {
  return status === "AGREED" || status === "SENT_BACK";
}

export type DeclineRefusal = "NOT_ADMITTED" | "WITHDRAWN" | "ENROLLED" | "ALREADY_DECLINED" | "IN_PROGRESS" | "CLOSED";

/**
 * Why a 放弃录取 cannot be filed for this candidate now, or null when it can. Only an admitted candidate
 * can give up the place (one not admitted goes through 退档), only once, and not one whose enrollment is
 * recorded as fact (leaving after 报到 is not giving up the admission).
 */
export function declineRefusal(
  candidate: {
    admitted: boolean;
    withdrawal: WithdrawalStatus;
    decline: WithdrawalStatus;
    enrollmentRecord: string | null;
  },
  windows: readonly PhaseWindowLike[],
  now: Date,
): DeclineRefusal | null {
  if (candidate.withdrawal === "APPROVED") return "WITHDRAWN";
  if (!candidate.admitted) return "NOT_ADMITTED";
  if (candidate.decline === "APPROVED") return "ALREADY_DECLINED";
  if (candidate.decline !== "NONE") return "IN_PROGRESS";
  if (candidate.enrollmentRecord !== null) return "ENROLLED";
  if (!materialsOpen("DECLINE", windows, now)) return "CLOSED";
  return null;
}
