"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { notifyMany } from "@/lib/inbox/notify";
import { MIRROR_FIELD } from "@/lib/withdrawals/kinds";

/**
 * The data team's review of submitted 退档 or 放弃录取 materials: approve or send back with the reason,
 * which reaches the caller's inbox. An approved 退档 withdraws the file (the candidate is no longer
 * admitted); an approved 放弃录取 leaves the candidate admitted, so they stay in the caller's admitted
 * count (README "Fair attribution"). Only SUBMITTED requests of the current version can be decided, so
 * two reviewers cannot both decide the same request.
 */
export const reviewWithdrawal = action(
  {
    name: "withdrawal.review",
    permission: "withdrawal.review",
    schema: z.discriminatedUnion("decision", [
      z
        .object({
          requestId: z.string().min(1).max(64),
          version: z.coerce.number().int().min(0),
          decision: z.literal("approve"),
        })
        .strict(),
      z
        .object({
          requestId: z.string().min(1).max(64),
          version: z.coerce.number().int().min(0),
          decision: z.literal("sendBack"),
          reason: z
            .string()
            .trim()
            .min(1, messageKey("review.errors.reasonRequired"))
            .max(500, messageKey("review.errors.reasonTooLong")),
        })
        .strict(),
    ]),
  },
  async (input, { tx, user, now, audit }) => {
    // a past campaign's request is read-only: its id matches nothing (lib/campaign/current.ts)
    const request = await tx.withdrawalRequest.findFirst({
      where: { id: input.requestId, ...(await inCampaignInUse(tx)) },
      include: { candidate: { select: { name: true, assignedCallerId: true } } },
    });
    if (!request) throw new ActionError("NOT_FOUND");
    // decided by another reviewer (or changed by the caller) since this reviewer's page was drawn: the
    // page is stale, whichever of the two reached the row first
    if (request.version !== input.version) throw new ActionError("STALE");
    if (request.status !== "SUBMITTED") {
      throw new ActionError("INVALID_INPUT", { requestId: [text("declineReview.notPending")] });
    }
    const approve = input.decision === "approve";
    const status = approve ? "APPROVED" : "SENT_BACK";
    const { count } = await tx.withdrawalRequest.updateMany({
      where: { id: request.id, status: "SUBMITTED", version: input.version },
      data: {
        status,
        reviewerId: user.id,
        reviewedAt: now,
        reviewReason: approve ? null : input.reason,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ActionError("STALE");
    const withdrawn = approve && request.kind === "WITHDRAW";
    await tx.candidate.update({
      where: { id: request.candidateId },
      // a withdrawn file leaves the admission: the candidate is no longer counted as admitted
      data: {
        [MIRROR_FIELD[request.kind]]: status,
        ...(withdrawn ? { admitted: false } : {}),
        version: { increment: 1 },
      },
    });
    if (!approve) {
      // whoever filed it, and whoever holds the candidate now if they moved since: either may fix it
      const readers = new Set([request.callerId, request.candidate.assignedCallerId ?? request.callerId]);
      await notifyMany(
        tx,
        [...readers].map((userId) => ({
          userId,
          campaignId: request.campaignId,
          kind: "WITHDRAWAL_SENT_BACK" as const,
          params: { candidateName: request.candidate.name, withdrawalKind: request.kind, reason: input.reason },
          href: `/calls/${request.candidateId}`,
        })),
      );
    }
    audit({
      entityType: "WithdrawalRequest",
      entityId: request.id,
      before: { kind: request.kind, status: request.status },
      after: { status, reason: approve ? null : input.reason },
    });
    revalidatePath("/admin/withdrawals");
    return { status };
  },
);
