import "server-only";
// The writes of leave shared by the leader's and the caller's actions: moving a caller's candidates when a
// leave begins (the hand-back's one way) and ending a leave early (销假), inside the action's transaction.
import { ActionError } from "@/lib/action/errors";
import { handBackCandidates } from "@/lib/assignment/hand-back";
import type { Prisma } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { text } from "@/lib/i18n/text";
import { beijingDay, fromDateColumn, toDateColumn } from "@/lib/time";
import { endEarly } from "./leave-dates";

/** The assignment rows' reason is history, kept in the campaign's working language (as the hand-back writes it). */
const STORED_TEXT = translatorFor("zh-CN");

/** Every candidate of a caller whose leave has begun goes to the group's other callers, least loaded first. */
export async function moveForLeave(
  tx: Prisma.TransactionClient,
  m: { campaignId: string; groupId: string; callerId: string; actorId: string; now: Date },
): Promise<number> {
  return handBackCandidates(tx, { ...m, reason: STORED_TEXT("storedText.handBackForLeave"), cause: "LEAVE" });
}

/**
 * Ends an approved leave early on the Beijing day of `now` (lib/staff/leave-dates endEarly): it now ends
 * yesterday, or is withdrawn when it had not covered a day before today. Refuses a leave with nothing to end.
 */
export async function endLeaveEarly(
  tx: Prisma.TransactionClient,
  leave: { id: string; status: "REQUESTED" | "APPROVED" | "REJECTED" | "CANCELLED"; startsOn: Date; endsOn: Date },
  now: Date,
): Promise<{ status: "APPROVED" | "CANCELLED"; endsOn: string }> {
  const ended = endEarly(
    { status: leave.status, startsOn: fromDateColumn(leave.startsOn), endsOn: fromDateColumn(leave.endsOn) },
    beijingDay(now),
  );
  if (!ended) throw new ActionError("INVALID_INPUT", { leaveId: [text("roster.errors.nothingToEnd")] });
  const data = ended.status === "CANCELLED" ? { status: "CANCELLED" as const } : { endsOn: toDateColumn(ended.endsOn) };
  const { count } = await tx.leave.updateMany({
    where: { id: leave.id, status: "APPROVED", endsOn: leave.endsOn },
    data,
  });
  if (count === 0) throw new ActionError("STALE");
  return { status: ended.status, endsOn: ended.status === "CANCELLED" ? fromDateColumn(leave.endsOn) : ended.endsOn };
}
