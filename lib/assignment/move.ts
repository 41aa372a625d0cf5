// The one way a candidate changes hands, and the pay credit rule that goes with it (README "Fair
// attribution"): a candidate counts for the caller who held them when the first 录取 list admitted them.
// Until then the credit follows the holder. After it, a move for leave, a failed assessment or a finding
// carries the credit to the new caller; any other move needs a reason and leaves the credit where it
// was, and both callers' payout explanations say so. Every move is told to the callers it concerns
// (lib/inbox), in the same transaction.
import type { AssignmentCause } from "@/generated/prisma/enums";
import { ActionError } from "@/lib/action/errors";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { type NoticeInput, notifyMany } from "@/lib/inbox/notify";

/** The causes of a move after admission that take the pay credit along with the candidate. */
const CREDIT_CARRYING: ReadonlySet<AssignmentCause> = new Set(["LEAVE", "ASSESSMENT", "FINDING"]);

export type MoveCause = Exclude<AssignmentCause, "LIST">;

export interface CreditBefore {
  admitted: boolean;
  /** null when nobody held the candidate when they were admitted */
  creditCallerId: string | null;
}

/**
 * Whom the candidate counts for after moving to `to` for `cause`, and whether the credit stayed with
 * someone other than the new holder (`kept`).
 */
export function creditAfterMove(
  candidate: CreditBefore,
  to: string,
  cause: MoveCause,
): { creditCallerId: string; kept: boolean } {
  if (!candidate.admitted || candidate.creditCallerId === null || CREDIT_CARRYING.has(cause)) {
    return { creditCallerId: to, kept: false };
  }
  return { creditCallerId: candidate.creditCallerId, kept: candidate.creditCallerId !== to };
}

/** A move after admission that keeps the credit behind must say why; the others may. */
export function moveNeedsReason(candidate: Pick<CreditBefore, "admitted">, cause: MoveCause): boolean {
  return candidate.admitted && !CREDIT_CARRYING.has(cause);
}

export interface Move {
  candidateId: string;
  to: string;
  /** the version the page showed: a candidate changed since is refused (STALE) instead of overwritten */
  version?: number;
}

export interface Moves {
  campaignId: string;
  moves: readonly Move[];
  cause: MoveCause;
  /** why, as the person moving wrote it (or the stored reason of a hand-back); required by moveNeedsReason */
  reason: string | null;
  /** stored instead when no reason was given and none was needed ("组长调整") */
  fallbackReason?: string;
  actorId: string;
  now: Date;
}

interface Locked {
  id: string;
  name: string;
  version: number;
  admitted: boolean;
  assignedCallerId: string | null;
  creditCallerId: string | null;
}

/** The longest reason a move may give: a sentence, not a report. */
export const MOVE_REASON_MAX = 200;

/** How many names a notice lists before "等": enough to recognise, short enough for a phone. */
const NAMES_IN_NOTICE = 3;

/**
 * Moves candidates to their new callers: the candidates, their assignment history (with the cause and
 * whether the credit stayed behind) and the credit, then a notice to each caller who gained or lost
 * some. Locks the candidates first, so two moves of one candidate cannot both win. Throws ActionError
 * (rolling the transaction back): NOT_FOUND for a candidate outside the campaign, STALE for a version
 * that no longer matches, INVALID_INPUT for a move that needs a reason and has none.
 */
export async function moveCandidates(
  tx: Prisma.TransactionClient,
  m: Moves,
): Promise<{ moved: number; creditKept: number }> {
  if (m.moves.length === 0) return { moved: 0, creditKept: 0 };
  const ids = m.moves.map((move) => move.candidateId);
  const locked = await tx.$queryRaw<Locked[]>`
    SELECT id, name, version, admitted, "assignedCallerId", "creditCallerId" FROM "Candidate"
    WHERE id = ANY(${ids}) AND "campaignId" = ${m.campaignId}
    ORDER BY id FOR UPDATE`;
  const byId = new Map(locked.map((c) => [c.id, c]));
  const reason = m.reason?.trim() ? m.reason.trim() : null;

  const writes = m.moves.map((move) => {
    const candidate = byId.get(move.candidateId);
    if (!candidate) throw new ActionError("NOT_FOUND");
    if (move.version !== undefined && move.version !== candidate.version) throw new ActionError("STALE");
    if (reason === null && moveNeedsReason(candidate, m.cause)) {
      throw new ActionError("INVALID_INPUT", { reason: [text("groupErrors.moveReasonRequired")] });
    }
    return { candidate, to: move.to, ...creditAfterMove(candidate, move.to, m.cause) };
  });

  await tx.$executeRaw`
    UPDATE "Candidate" c SET "assignedCallerId" = v.caller, "creditCallerId" = v.credit,
                             version = c.version + 1, "updatedAt" = ${m.now}
    FROM unnest(${writes.map((w) => w.candidate.id)}::text[], ${writes.map((w) => w.to)}::text[],
                ${writes.map((w) => w.creditCallerId)}::text[]) AS v(id, caller, credit)
    WHERE c.id = v.id`;
  await tx.assignment.updateMany({ where: { candidateId: { in: ids }, endedAt: null }, data: { endedAt: m.now } });
  await tx.assignment.createMany({
    data: writes.map((w) => ({
      candidateId: w.candidate.id,
      callerId: w.to,
      assignedById: m.actorId,
      reason: reason ?? m.fallbackReason ?? null,
      cause: m.cause,
      creditKept: w.kept,
      startedAt: m.now,
    })),
  });

  await notifyMany(tx, movedNotices(m, reason, writes));
  return { moved: writes.length, creditKept: writes.filter((w) => w.kept).length };
}

/** One notice per caller who gained candidates and one per caller who lost some. */
function movedNotices(
  m: Moves,
  reason: string | null,
  writes: readonly { candidate: Locked; to: string; kept: boolean }[],
): NoticeInput<"CANDIDATES_MOVED">[] {
  const sides = new Map<string, { direction: "in" | "out"; names: string[]; creditKept: number }>();
  const add = (userId: string, direction: "in" | "out", name: string, kept: boolean) => {
    const key = `${direction}:${userId}`;
    const side = sides.get(key) ?? { direction, names: [], creditKept: 0 };
    side.names.push(name);
    if (kept) side.creditKept += 1;
    sides.set(key, side);
  };
  for (const w of writes) {
    if (w.candidate.assignedCallerId === w.to) continue;
    add(w.to, "in", w.candidate.name, w.kept);
    if (w.candidate.assignedCallerId) add(w.candidate.assignedCallerId, "out", w.candidate.name, w.kept);
  }
  return [...sides.entries()].map(([key, side]) => ({
    userId: key.slice(key.indexOf(":") + 1),
    campaignId: m.campaignId,
    kind: "CANDIDATES_MOVED",
    params: {
      direction: side.direction,
      count: side.names.length,
      names: side.names.slice(0, NAMES_IN_NOTICE),
      cause: m.cause,
      reason,
      creditKept: side.creditKept,
    },
    href: "/calls",
  }));
}
