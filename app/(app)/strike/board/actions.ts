"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { boardTakeReason } from "@/lib/strike/board";

/**
 * 接手 from the 零失联 board: a strike-team member takes a candidate out of contact in one click. The
 * candidate's current case is claimed for them whoever holds it (the leader's OPEN one, a SENT_BACK one, one
 * forwarded to the strike team); without one, a case is opened already CLAIMED by them. The candidate's row is
 * locked first, as the contact form and the leaders' forward lock it: of two members taking at once, the
 * second waits, then finds the first's claim and is told who has the candidate.
 */
export const takeFromBoard = action(
  {
    name: "escalation.take",
    permission: "strike.claim",
    schema: z.strictObject({ candidateId: z.string().min(1).max(64) }),
  },
  async ({ candidateId }, { tx, user, audit, unchanged }) => {
    await tx.$executeRaw`SELECT 1 FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;
    // a past campaign's candidate is read-only: its id matches nothing (lib/campaign/current.ts)
    const candidate = await tx.candidate.findFirst({
      where: { id: candidateId, ...(await inCampaignInUse(tx)) },
      select: {
        id: true,
        campaignId: true,
        withdrawal: true,
        decline: true,
        enrollment: true,
        enrollmentRecord: true,
        contactLogs: { orderBy: { startedAt: "desc" }, take: 1, select: { outcome: true } },
        escalations: {
          where: { status: { in: ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"] } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: {
            id: true,
            status: true,
            toTeam: true,
            version: true,
            assigneeId: true,
            assignee: { select: { name: true } },
          },
        },
      },
    });
    if (!candidate) throw new ActionError("NOT_FOUND");
    const current = candidate.escalations[0];
    if (current?.status === "CLAIMED") {
      // a second click of the same member: the case is theirs already, nothing changes
      if (current.assigneeId === user.id) {
        unchanged();
        return { candidateId: candidate.id, escalationId: current.id, created: false };
      }
      throw new ActionError("CONFLICT", {
        candidateId: [
          text("strikeTake.errors.claimedByOther", {
            name: current.assignee?.name ?? text("strikeTake.errors.anotherMember"),
          }),
        ],
      });
    }
    const settled =
      candidate.withdrawal === "APPROVED" ||
      candidate.decline === "APPROVED" ||
      candidate.enrollment === "ENROLLED" ||
      candidate.enrollmentRecord !== null;
    if (settled) throw new ActionError("INVALID_INPUT", { candidateId: [text("strikeTake.errors.notInPlay")] });

    if (current) {
      const { count } = await tx.escalation.updateMany({
        where: { id: current.id, status: current.status, version: current.version },
        data: { toTeam: "STRIKE", status: "CLAIMED", assigneeId: user.id, version: { increment: 1 } },
      });
      if (count === 0) throw new ActionError("STALE");
      audit({
        entityType: "Escalation",
        entityId: current.id,
        before: { status: current.status, toTeam: current.toTeam },
        after: { status: "CLAIMED", toTeam: "STRIKE", assigneeId: user.id },
      });
      revalidatePath("/strike");
      return { candidateId: candidate.id, escalationId: current.id, created: false };
    }
    const reason = boardTakeReason({
      lastOutcome: candidate.contactLogs[0]?.outcome ?? null,
      enrollment: candidate.enrollment,
    });
    const created = await tx.escalation.create({
      data: {
        campaignId: candidate.campaignId,
        candidateId: candidate.id,
        reason,
        fromUserId: user.id,
        toTeam: "STRIKE",
        status: "CLAIMED",
        assigneeId: user.id,
      },
      select: { id: true },
    });
    audit({
      entityType: "Escalation",
      entityId: created.id,
      after: { candidateId: candidate.id, reason, status: "CLAIMED", toTeam: "STRIKE", assigneeId: user.id },
    });
    revalidatePath("/strike");
    return { candidateId: candidate.id, escalationId: created.id, created: true };
  },
);
