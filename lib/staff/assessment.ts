// Assessments (考核): case sharing, role play or an exam, recorded by an admin or an inspector. Failing one
// removes the person from the pool (lib/staff/pool poolAfterAssessment) and hands whatever candidates they
// hold to the others of their group, as leave does (lib/assignment/hand-back). The recording action and
// the demo seed both write through here.
import type { AssessmentKind, PoolStatus } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action/errors";
import { handBackCandidates } from "@/lib/assignment/hand-back";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { toDateColumn } from "@/lib/time";
import { poolAfterAssessment } from "./pool";

export { ASSESSMENT_KINDS, scoreRequired } from "./assessment-kinds";

export interface AssessmentRecord {
  campaignId: string;
  profileId: string;
  kind: AssessmentKind;
  /** the Beijing calendar day, "2024-06-20" */
  heldOn: string;
  score: number | null;
  passed: boolean;
  note: string | null;
  recordedById: string;
  /** the reason the moved candidates' assignment rows carry */
  handBackReason: string;
  now: Date;
}

export interface AssessmentResult {
  assessmentId: string;
  poolBefore: PoolStatus;
  poolAfter: PoolStatus;
  reassigned: number;
}

/** Records one assessment and its consequence for the pool, in the caller's transaction. */
export async function recordAssessment(tx: Prisma.TransactionClient, r: AssessmentRecord): Promise<AssessmentResult> {
  const profile = await tx.staffProfile.findFirst({
    where: { id: r.profileId, campaignId: r.campaignId },
    select: { id: true, userId: true, groupId: true, poolStatus: true },
  });
  if (!profile) throw new ActionError("NOT_FOUND");
  const assessment = await tx.assessment.create({
    data: {
      campaignId: r.campaignId,
      staffProfileId: profile.id,
      kind: r.kind,
      heldOn: toDateColumn(r.heldOn),
      score: r.score,
      passed: r.passed,
      note: r.note,
      recordedById: r.recordedById,
    },
    select: { id: true },
  });
  const outcome = poolAfterAssessment(profile.poolStatus, r.passed);
  let reassigned = 0;
  if (outcome.poolStatus !== profile.poolStatus) {
    // out of the pool first, so the hand-back cannot pick this person to receive their own candidates
    await tx.staffProfile.update({ where: { id: profile.id }, data: { poolStatus: outcome.poolStatus } });
  }
  if (outcome.handBack) {
    if (profile.groupId) {
      reassigned = await handBackCandidates(tx, {
        campaignId: r.campaignId,
        groupId: profile.groupId,
        callerId: profile.userId,
        actorId: r.recordedById,
        reason: r.handBackReason,
        cause: "ASSESSMENT",
        now: r.now,
      });
    } else if (
      (await tx.candidate.count({ where: { campaignId: r.campaignId, assignedCallerId: profile.userId } })) > 0
    ) {
      // holding candidates without a group: nobody to give them to
      throw new ActionError("INVALID_INPUT", { callerId: [text("groupErrors.noOtherCaller")] });
    }
  }
  return { assessmentId: assessment.id, poolBefore: profile.poolStatus, poolAfter: outcome.poolStatus, reassigned };
}
