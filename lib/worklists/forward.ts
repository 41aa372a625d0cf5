// Forwarding candidates to the strike team (转突击组), one or many at once, by a group leader from their
// worklist or by the callback lead and admins from any group's. The rules are the leader queue's
// (app/(app)/groups/actions.ts routeEscalation): an escalation waiting for the leader goes on to the strike
// team as FORWARDED; here a candidate without one gets a new escalation straight to the strike team, and a
// candidate the strike team already has is reported, never given a second case.
import type { EscalationReason, EscalationStatus } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action/errors";
import type { Viewer } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { groupScope } from "@/lib/groups/scope";
import { translatorFor } from "@/lib/i18n/messages";

/** Escalations that are the candidate's current case: a forward moves one of these, or opens a new one. */
const CURRENT: readonly EscalationStatus[] = ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"];

/** The leader's words are kept with the escalation's other texts, in the campaign's working language. */
const STORED_TEXT = translatorFor("zh-CN");

export interface ForwardInput {
  candidateIds: readonly string[];
  reason: EscalationReason;
  note: string;
}

export interface ForwardOutcome {
  /** forwarded now, each with its case: an existing escalation moved on, or a new one */
  forwarded: { candidateId: string; name: string; escalationId: string; created: boolean }[];
  /** already with the strike team (forwarded or claimed): left as it was */
  alreadyWithStrike: { candidateId: string; name: string; claimedBy: string | null }[];
}

/**
 * Forwards every candidate of `candidateIds` in the campaign, or none: a candidate outside the viewer's
 * groups (a leader's own group; any for the lead and admins) makes the whole call NOT_FOUND, so a crafted
 * id neither forwards anything nor tells whether it exists. The candidates' rows are locked in id order
 * first, as the contact form locks one: two forwards of the same candidate at once (two leaders, a
 * double-click) take turns, and the second finds the first's case and reports it instead of opening another.
 */
export async function forwardToStrike(
  tx: Prisma.TransactionClient,
  viewer: Viewer,
  campaignId: string,
  input: ForwardInput,
): Promise<ForwardOutcome> {
  const ids = [...new Set(input.candidateIds)].sort();
  await tx.$queryRaw`SELECT id FROM "Candidate" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
  const candidates = await tx.candidate.findMany({
    where: { id: { in: ids }, campaignId, groupId: { not: null }, group: groupScope(viewer) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      escalations: {
        where: { status: { in: [...CURRENT] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: {
          id: true,
          status: true,
          note: true,
          version: true,
          assignee: { select: { name: true } },
        },
      },
    },
  });
  if (candidates.length !== ids.length) throw new ActionError("NOT_FOUND");

  const outcome: ForwardOutcome = { forwarded: [], alreadyWithStrike: [] };
  for (const candidate of candidates) {
    const current = candidate.escalations[0];
    if (current && (current.status === "FORWARDED" || current.status === "CLAIMED")) {
      outcome.alreadyWithStrike.push({
        candidateId: candidate.id,
        name: candidate.name,
        claimedBy: current.status === "CLAIMED" ? (current.assignee?.name ?? null) : null,
      });
      continue;
    }
    if (current) {
      // waiting for the leader, or sent back to the caller: the same case goes on, with the caller's reason
      // (why it was raised) kept and the leader's note added to the caller's
      const note = current.note
        ? `${current.note}\n${STORED_TEXT("worklistStoredText.leaderNote", { note: input.note })}`
        : input.note;
      const { count } = await tx.escalation.updateMany({
        where: { id: current.id, status: current.status, version: current.version },
        data: { status: "FORWARDED", toTeam: "STRIKE", note, version: { increment: 1 } },
      });
      // the candidate's row lock keeps every other forward out; a route or claim of the leader queue
      // does not take it, so a change in between is a stale page
      if (count === 0) throw new ActionError("STALE");
      outcome.forwarded.push({
        candidateId: candidate.id,
        name: candidate.name,
        escalationId: current.id,
        created: false,
      });
      continue;
    }
    const created = await tx.escalation.create({
      data: {
        campaignId,
        candidateId: candidate.id,
        reason: input.reason,
        note: input.note,
        fromUserId: viewer.id,
        toTeam: "STRIKE",
        status: "FORWARDED",
      },
      select: { id: true },
    });
    outcome.forwarded.push({
      candidateId: candidate.id,
      name: candidate.name,
      escalationId: created.id,
      created: true,
    });
  }
  return outcome;
}
