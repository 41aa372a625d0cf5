"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { inCampaignInUse } from "@/lib/campaign/current";
import { adviceField } from "@/lib/groups/advice";
import { notEnrolledCaseWhere, notEnrolledSince } from "@/lib/groups/not-enrolled";
import { text } from "@/lib/i18n/text";
import { notifyMany } from "@/lib/inbox/notify";
import { readersOf } from "@/lib/inbox/readers";
import { workflowPolicyOf } from "@/lib/workflow";

const candidateId = z.string().min(1).max(64);

/**
 * The leader's decision on a derived 未报到 case (lib/groups/not-enrolled.ts): on to the strike team, or back
 * to the caller with advice, as with any escalation. The case's Escalation row is created here, in the
 * transaction that locks the candidate and checks again that the case still stands, so that two leaders'
 * tabs or two app instances route it once; the second is told the page is stale.
 */
export const routeNotEnrolled = action(
  {
    name: "escalation.route",
    permission: "escalation.route",
    schema: z.discriminatedUnion("decision", [
      z.object({ candidateId, decision: z.literal("forward") }).strict(),
      z
        .object({
          candidateId,
          decision: z.literal("sendBack"),
          advice: adviceField,
        })
        .strict(),
    ]),
  },
  async (input, { tx, user, now, audit }) => {
    await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${input.candidateId} FOR UPDATE`;
    const candidate = await tx.candidate.findFirst({
      where: { id: input.candidateId, group: { leaderId: user.id }, ...(await inCampaignInUse(tx)) },
      select: {
        id: true,
        name: true,
        campaignId: true,
        assignedCallerId: true,
        campaign: { select: { workflowPolicy: true, phaseWindows: true } },
      },
    });
    if (!candidate) throw new ActionError("NOT_FOUND");
    const closedAt = notEnrolledSince(
      candidate.campaign.phaseWindows,
      workflowPolicyOf(candidate.campaign.workflowPolicy),
      now,
    );
    const stands =
      closedAt !== null &&
      (await tx.candidate.count({ where: { id: candidate.id, ...notEnrolledCaseWhere(closedAt) } })) > 0;
    if (!stands) {
      throw new ActionError("STALE", { candidateId: [text("notEnrolledQueue.errors.alreadyRouted")] });
    }
    const forward = input.decision === "forward";
    const escalation = await tx.escalation.create({
      data: {
        campaignId: candidate.campaignId,
        candidateId: candidate.id,
        reason: "NOT_ENROLLED",
        fromUserId: user.id,
        ...(forward
          ? { status: "FORWARDED", toTeam: "STRIKE" }
          : { status: "SENT_BACK", toTeam: "GROUP_LEADER", advice: input.advice }),
      },
      select: { id: true },
    });
    if (!forward) {
      await notifyMany(
        tx,
        readersOf([candidate.assignedCallerId], user.id).map((userId) => ({
          userId,
          campaignId: candidate.campaignId,
          kind: "ESCALATION_ADVICE" as const,
          params: { candidateName: candidate.name, advice: input.advice },
          href: `/calls/${candidate.id}`,
        })),
      );
    }
    audit({
      entityType: "Escalation",
      entityId: escalation.id,
      after: forward
        ? { candidateId: candidate.id, reason: "NOT_ENROLLED", status: "FORWARDED", toTeam: "STRIKE" }
        : { candidateId: candidate.id, reason: "NOT_ENROLLED", status: "SENT_BACK", advice: input.advice },
    });
    revalidatePath("/groups");
    return { escalationId: escalation.id, status: forward ? "FORWARDED" : "SENT_BACK" };
  },
);
