// The data team's hand on the record of enrollment: confirm one candidate's 报到, or take back a
// confirmation made by hand, always with a reason, inside an action's transaction (one audit row).
import { ActionError } from "@/lib/action/errors";
import type { ActionContext } from "@/lib/action/run";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";

export type ConfirmDecision = "confirm" | "withdraw";

export interface ConfirmInput {
  candidateId: string;
  /** the candidate's version when the page was drawn: a list applied or a colleague's decision since wins */
  version: number;
  decision: ConfirmDecision;
  reason: string;
}

/**
 * confirm: an admitted candidate not on the record goes on it (DATA_TEAM); a pending claim becomes
 * 已报到, as the list does; a caller's 未报到 stays theirs (the disagreement stays in the mismatch list).
 * withdraw: a confirmation made by hand comes off the record. What the 报到 list recorded is corrected by
 * the next list, not by hand: the list is the college's record.
 */
export async function decideEnrollment({ tx, audit }: ActionContext, input: ConfirmInput) {
  const candidate = await tx.candidate.findFirst({
    where: { id: input.candidateId, ...(await inCampaignInUse(tx)) },
    select: { id: true, version: true, admitted: true, enrollment: true, enrollmentRecord: true },
  });
  if (!candidate) throw new ActionError("NOT_FOUND");
  if (candidate.version !== input.version) throw new ActionError("STALE");
  if (!candidate.admitted) refuse(text("recordedEnrollment.errors.notAdmitted"));
  const confirm = input.decision === "confirm";
  if (confirm && candidate.enrollmentRecord !== null) refuse(text("recordedEnrollment.errors.alreadyRecorded"));
  if (!confirm && candidate.enrollmentRecord === null) refuse(text("recordedEnrollment.errors.notRecorded"));
  if (!confirm && candidate.enrollmentRecord === "LIST") refuse(text("recordedEnrollment.errors.listRecord"));
  const after = {
    enrollmentRecord: confirm ? ("DATA_TEAM" as const) : null,
    enrollment: confirm && candidate.enrollment === "PENDING" ? ("ENROLLED" as const) : candidate.enrollment,
  };
  const { count } = await tx.candidate.updateMany({
    where: { id: candidate.id, version: input.version },
    data: { ...after, version: { increment: 1 } },
  });
  if (count === 0) throw new ActionError("STALE");
  audit({
    entityType: "Candidate",
    entityId: candidate.id,
    before: { enrollmentRecord: candidate.enrollmentRecord, enrollment: candidate.enrollment },
    after: { ...after, decision: input.decision, reason: input.reason },
  });
  return { enrollmentRecord: after.enrollmentRecord, version: input.version + 1 };
}

function refuse(reason: ReturnType<typeof text>): never {
  throw new ActionError("INVALID_INPUT", { candidateId: [reason] });
}
