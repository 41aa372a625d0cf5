"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";

/**
 * The group leader's decision on an escalation from their group: forward it to the strike team, or
 * send it back to the caller with advice. Only an OPEN escalation of the leader's own group can be
 * routed; the version check refuses a decision made on a stale page.
 */
export const routeEscalation = action(
  {
    name: "escalation.route",
    permission: "escalation.route",
    schema: z.discriminatedUnion("decision", [
      z
        .object({
          escalationId: z.string().min(1).max(64),
          version: z.coerce.number().int().min(0),
          decision: z.literal("forward"),
        })
        .strict(),
      z
        .object({
          escalationId: z.string().min(1).max(64),
          version: z.coerce.number().int().min(0),
          decision: z.literal("sendBack"),
          advice: z.string().trim().min(1, "请写下给回访人员的建议。").max(500, "建议最多 500 字。"),
        })
        .strict(),
    ]),
  },
  async (input, { tx, user, now, audit }) => {
    const escalation = await tx.escalation.findFirst({
      where: { id: input.escalationId, candidate: { group: { leaderId: user.id } } },
    });
    if (!escalation) throw new ActionError("NOT_FOUND");
    const forward = input.decision === "forward";
    const { count } = await tx.escalation.updateMany({
      where: { id: escalation.id, status: "OPEN", version: input.version },
      data: forward
        ? { status: "FORWARDED", toTeam: "STRIKE", version: { increment: 1 } }
        : { status: "SENT_BACK", advice: input.advice, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("STALE");
    audit({
      entityType: "Escalation",
      entityId: escalation.id,
      before: { status: escalation.status },
      after: forward ? { status: "FORWARDED", toTeam: "STRIKE" } : { status: "SENT_BACK", advice: input.advice },
    });
    revalidatePath("/groups");
    return { status: forward ? "FORWARDED" : "SENT_BACK", at: now };
  },
);
