"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { workableCandidates } from "@/lib/calls/scope";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { DECLINE_REASON_MAX, declineRefusal } from "@/lib/withdrawals/kinds";

/**
 * 放弃录取: the caller records that an admitted candidate gives up the place, with the reason the
 * candidate or a parent gave. The materials (checklist, photos of the signed form) follow through the
 * same form as a 退档's (saveWithdrawalMaterials), then the data team's review. Refused for a candidate
 * not admitted (that is a 退档), after an approved one, while one is in progress, once the enrollment is
 * recorded, and outside the 录取后 and 报到 phases.
 */
export const fileDecline = action(
  {
    name: "withdrawal.fileDecline",
    permission: "withdrawal.collect",
    schema: z.strictObject({
      candidateId: z.string().min(1).max(64),
      reason: z
        .string({ error: messageKey("decline.errors.reasonRequired") })
        .trim()
        .min(1, messageKey("decline.errors.reasonRequired"))
        .max(DECLINE_REASON_MAX, messageKey("decline.errors.reasonTooLong")),
    }),
  },
  async (input, { tx, user, now, audit }) => {
    // two filings of one candidate posted at once see each other through the row lock
    await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${input.candidateId} FOR UPDATE`;
    const candidate = await tx.candidate.findFirst({
      // a past campaign's candidate is read-only: the id matches nothing (lib/campaign/current.ts)
      where: { id: input.candidateId, ...workableCandidates(user), ...(await inCampaignInUse(tx)) },
      select: {
        id: true,
        campaignId: true,
        admitted: true,
        withdrawal: true,
        decline: true,
        enrollmentRecord: true,
        campaign: { select: { phaseWindows: true } },
      },
    });
    if (!candidate) throw new ActionError("NOT_FOUND");
    const refusal = declineRefusal(candidate, candidate.campaign.phaseWindows, now);
    if (refusal === "CLOSED") throw new ActionError("CLOSED");
    if (refusal) throw new ActionError("INVALID_INPUT", { candidateId: [text(`decline.errors.${refusal}`)] });

    const request = await tx.withdrawalRequest.create({
      data: {
        campaignId: candidate.campaignId,
        candidateId: candidate.id,
        callerId: user.id,
        kind: "DECLINE",
        status: "AGREED",
        reason: input.reason,
      },
      select: { id: true },
    });
    await tx.candidate.update({
      where: { id: candidate.id },
      data: { decline: "AGREED", version: { increment: 1 } },
    });
    // the reason stays on the request, where the data team reads it
    audit({ entityType: "WithdrawalRequest", entityId: request.id, after: { kind: "DECLINE", status: "AGREED" } });
    revalidatePath(`/calls/${candidate.id}`);
    return { requestId: request.id };
  },
);
