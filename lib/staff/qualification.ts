// 资格审查 of the staff pool by the inspection team, defined once (lib/action/definition.ts): the inspection
// page serves it (app/(app)/inspection/actions.ts) and the demo seed submits to it.
import { z } from "zod";
import { defineAction } from "@/lib/action/definition";
import { ActionError, messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { poolAfterReview } from "./pool";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * 资格审查: approves or rejects one member of the staff pool. A rejection needs its reason. Only an
 * approved caller can be given candidates (lib/assignment assignableCallers); candidates a
 * rejected caller already holds stay until their leader moves them.
 */
export const REVIEW_QUALIFICATION = defineAction({
  name: "staff.qualify",
  permission: "staff.qualify",
  schema: z
    .object({
      profileId: z.string().min(1).max(64),
      decision: z.enum(["APPROVED", "REJECTED"], { error: messageKey("inspection.errors.decisionRequired") }),
      reason: optional(z.string().trim().max(200, messageKey("inspection.errors.reasonTooLong"))),
    })
    .strict(),
  run: async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    if (input.decision === "REJECTED" && !input.reason) {
      throw new ActionError("INVALID_INPUT", { reason: [text("inspection.errors.reasonRequired")] });
    }
    const profile = await tx.staffProfile.findFirst({
      where: { id: input.profileId, campaignId },
      select: { id: true, userId: true, qualification: true, qualificationReason: true, poolStatus: true },
    });
    if (!profile) throw new ActionError("NOT_FOUND");
    const holdsCandidates = (await tx.candidate.count({ where: { campaignId, assignedCallerId: profile.userId } })) > 0;
    const outcome = poolAfterReview(profile.poolStatus, input.decision, holdsCandidates);
    if (!outcome.ok) throw new ActionError("INVALID_INPUT", { decision: [text(outcome.refusal)] });
    await tx.staffProfile.update({
      where: { id: profile.id },
      data: {
        qualification: input.decision,
        qualificationReason: input.reason ?? null,
        poolStatus: outcome.poolStatus,
        reviewedById: user.id,
        reviewedAt: now,
      },
    });
    audit({
      entityType: "StaffProfile",
      entityId: profile.id,
      before: {
        qualification: profile.qualification,
        reason: profile.qualificationReason,
        poolStatus: profile.poolStatus,
      },
      after: {
        qualification: input.decision,
        reason: input.reason ?? null,
        poolStatus: outcome.poolStatus,
        userId: profile.userId,
      },
    });
    return { qualification: input.decision };
  },
});
