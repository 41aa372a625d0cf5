// Leave (请假) as dates, not as a pool status: a member is on leave on each Beijing day from startsOn to
// endsOn of an APPROVED leave, and back the day after, with nothing to run when a leave ends.
import type { Prisma, Reader } from "@/lib/db/client";
import { beijingDay, toDateColumn } from "@/lib/time";

/** The approved leaves that cover the Beijing day of `at` (a Prisma filter on Leave). */
export function leaveCovering(at: Date): Prisma.LeaveWhereInput {
  const day = toDateColumn(beijingDay(at));
  return { status: "APPROVED", startsOn: { lte: day }, endsOn: { gte: day } };
}

/** Whether one of these leaves keeps its holder away on the Beijing day of `at`. */
export function isOnLeave(leaves: readonly { status: string; startsOn: Date; endsOn: Date }[], at: Date): boolean {
  const day = toDateColumn(beijingDay(at)).getTime();
  return leaves.some((l) => l.status === "APPROVED" && l.startsOn.getTime() <= day && day <= l.endsOn.getTime());
}

/**
 * The last Beijing day of the campaign (its latest phase window's close), or the day of `at` when it has
 * none yet: the end of a leave taken "until further notice".
 */
export async function campaignLastDay(reader: Reader, campaignId: string, at: Date): Promise<string> {
  const last = await reader.phaseWindow.findFirst({
    where: { campaignId },
    orderBy: { closesAt: "desc" },
    select: { closesAt: true },
  });
  const today = beijingDay(at);
  const end = last ? beijingDay(last.closesAt) : today;
  // biome-ignore lint/complexity/useMathMinMax: days are "YYYY-MM-DD" strings, compared as text, not numbers
  return end > today ? end : today;
}
