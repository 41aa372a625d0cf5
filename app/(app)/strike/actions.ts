"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { notifyMany } from "@/lib/inbox/notify";
import { readersOf } from "@/lib/inbox/readers";
import { STRIKE_OUTCOMES, storedResolution } from "@/lib/strike/resolution";
import { UNREACHABLE_OUTCOMES } from "@/lib/workflow/phases";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/**
 * A strike-team member takes a forwarded candidate. The claim is one conditional UPDATE (status still
 * FORWARDED): of two members claiming at once, the second waits for the first's row lock, then finds the
 * row CLAIMED and matches nothing, so exactly one wins and the other is told who has it.
 */
export const claimEscalation = action(
  {
    name: "escalation.claim",
    permission: "strike.claim",
    schema: z.object({ escalationId: z.string().min(1).max(64) }).strict(),
  },
  async ({ escalationId }, { tx, user, audit }) => {
    // a past campaign's case is read-only: its id matches nothing here
    const inUse = await inCampaignInUse(tx);
    const { count } = await tx.escalation.updateMany({
      where: { id: escalationId, toTeam: "STRIKE", status: "FORWARDED", ...inUse },
      data: { status: "CLAIMED", assigneeId: user.id, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.escalation.findFirst({
        where: { id: escalationId, toTeam: "STRIKE", ...inUse },
        select: { status: true, assigneeId: true, assignee: { select: { name: true } } },
      });
      if (!current) throw new ActionError("NOT_FOUND");
      if (current.status === "CLAIMED" && current.assigneeId === user.id) {
        throw new ActionError("CONFLICT", { escalationId: [text("strike.errors.alreadyYours")] });
      }
      if (current.status === "CLAIMED") {
        throw new ActionError("CONFLICT", {
          escalationId: [
            text("strike.errors.claimedByOther", {
              name: current.assignee?.name ?? text("strike.errors.anotherMember"),
            }),
          ],
        });
      }
      throw new ActionError("STALE", { escalationId: [text("strike.errors.notWaiting")] });
    }
    const claimed = await tx.escalation.findUniqueOrThrow({
      where: { id: escalationId },
      select: { candidateId: true },
    });
    audit({
      entityType: "Escalation",
      entityId: escalationId,
      before: { status: "FORWARDED" },
      after: { status: "CLAIMED", assigneeId: user.id },
    });
    revalidatePath("/strike");
    return { candidateId: claimed.candidateId };
  },
);

/**
 * Gives a claimed case back to the queue (the member cannot go on with it: off duty, a relative of the
 * family). Only the member who holds it can; the next member claims it as any forwarded case.
 */
export const releaseEscalation = action(
  {
    name: "escalation.release",
    permission: "strike.claim",
    schema: z.object({ escalationId: z.string().min(1).max(64) }).strict(),
  },
  async ({ escalationId }, { tx, user, audit }) => {
    const inUse = await inCampaignInUse(tx);
    const { count } = await tx.escalation.updateMany({
      where: { id: escalationId, toTeam: "STRIKE", status: "CLAIMED", assigneeId: user.id, ...inUse },
      data: { status: "FORWARDED", assigneeId: null, version: { increment: 1 } },
    });
    if (count === 0) {
      const exists = await tx.escalation.count({ where: { id: escalationId, toTeam: "STRIKE", ...inUse } });
      if (exists === 0) throw new ActionError("NOT_FOUND");
      throw new ActionError("STALE", { escalationId: [text("strike.errors.notYours")] });
    }
    audit({
      entityType: "Escalation",
      entityId: escalationId,
      before: { status: "CLAIMED", assigneeId: user.id },
      after: { status: "FORWARDED", assigneeId: null },
    });
    revalidatePath("/strike");
    return { released: true };
  },
);

/**
 * Closes a claimed case: reached and handed back to the caller (after a logged contact that reached
 * the candidate), enrolled (once the enrollment is recorded), or definitively lost with the reason.
 * Only the member who claimed it can close it.
 */
export const resolveEscalation = action(
  {
    name: "escalation.resolve",
    permission: "strike.claim",
    schema: z
      .object({
        escalationId: z.string().min(1).max(64),
        outcome: z.enum(STRIKE_OUTCOMES, { error: messageKey("strike.errors.outcomeRequired") }),
        note: optional(z.string().trim().max(500, messageKey("strike.errors.noteTooLong"))),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const escalation = await tx.escalation.findFirst({
      where: {
        id: input.escalationId,
        toTeam: "STRIKE",
        status: "CLAIMED",
        assigneeId: user.id,
        ...(await inCampaignInUse(tx)),
      },
      select: {
        id: true,
        version: true,
        updatedAt: true,
        campaignId: true,
        fromUserId: true,
        candidate: { select: { id: true, enrollment: true, name: true, assignedCallerId: true } },
      },
    });
    if (!escalation) throw new ActionError("NOT_FOUND");
    if (input.outcome === "LOST" && !input.note) {
      throw new ActionError("INVALID_INPUT", { note: [text("strike.errors.lostReasonRequired")] });
    }
    if (input.outcome === "HANDED_BACK") {
      if (!input.note) throw new ActionError("INVALID_INPUT", { note: [text("strike.errors.handBackNoteRequired")] });
      // claimed at updatedAt: logging a contact does not touch a claimed escalation
      const reached = await tx.contactLog.count({
        where: {
          candidateId: escalation.candidate.id,
          callerId: user.id,
          createdAt: { gte: escalation.updatedAt },
          outcome: { notIn: [...UNREACHABLE_OUTCOMES] },
        },
      });
      if (reached === 0) {
        throw new ActionError("INVALID_INPUT", { outcome: [text("strike.errors.reachFirst")] });
      }
    }
    if (input.outcome === "ENROLLED" && escalation.candidate.enrollment !== "ENROLLED") {
      throw new ActionError("INVALID_INPUT", { outcome: [text("strike.errors.enrollFirst")] });
    }
    const resolution = storedResolution(input.outcome, input.note);
    const { count } = await tx.escalation.updateMany({
      where: { id: escalation.id, status: "CLAIMED", assigneeId: user.id, version: escalation.version },
      data: { status: "RESOLVED", outcome: input.outcome, resolution, resolvedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError("STALE");
    // the caller who raised the case and the one who holds the candidate now learn how it ended
    await notifyMany(
      tx,
      readersOf([escalation.fromUserId, escalation.candidate.assignedCallerId], user.id).map((userId) => ({
        userId,
        campaignId: escalation.campaignId,
        kind: "ESCALATION_OUTCOME" as const,
        params: {
          candidateName: escalation.candidate.name,
          outcome: input.outcome,
          resolution: input.note ?? null,
        },
        href: `/calls/${escalation.candidate.id}`,
      })),
    );
    audit({
      entityType: "Escalation",
      entityId: escalation.id,
      before: { status: "CLAIMED" },
      after: { status: "RESOLVED", outcome: input.outcome, resolution },
    });
    revalidatePath("/strike");
    return { outcome: input.outcome };
  },
);
