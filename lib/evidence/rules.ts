// Screenshots kept with a contact log (五(二)2: "电话、微信、QQ等联系信息保存好，以便督察组抽查"): how many a
// contact may keep, until when its caller may add them, which contacts lack one, and who may see them.
// Pure: no Prisma, no Next, no clock.
import type { Role } from "@/generated/prisma/enums";
import { beijingDay, HOUR_MS } from "@/lib/time";
import type { WorkflowPolicy } from "@/lib/workflow/policy";

/** The channels whose chat a screenshot proves: a contact on them without one is marked. */
export const CHAT_CHANNELS = ["WECHAT", "QQ"] as const;

/** A WeChat or QQ contact kept without any screenshot: shown on the record, and a rule may flag it. */
export function lacksChatScreenshot(log: { channel: string; evidenceCount: number }): boolean {
  return (CHAT_CHANNELS as readonly string[]).includes(log.channel) && log.evidenceCount === 0;
}

export type AttachRefusal = "NOT_AUTHOR" | "TOO_LATE" | "OVER_LIMIT";

/**
 * Why the person may not add `adding` screenshots to a log, or null. Only the log's own caller adds
 * them, on the day of the contact's record (Beijing time) or within the edit window, whichever ends
 * later, and never beyond the policy's number per contact.
 */
export function attachRefusal(
  log: { callerId: string; createdAt: Date; evidenceCount: number },
  adding: number,
  userId: string,
  now: Date,
  policy: Pick<WorkflowPolicy, "editWindowHours" | "evidencePerContact">,
): AttachRefusal | null {
  if (log.callerId !== userId) return "NOT_AUTHOR";
  const sameDay = beijingDay(log.createdAt) === beijingDay(now);
  const inEditWindow = now.getTime() - log.createdAt.getTime() <= policy.editWindowHours * HOUR_MS;
  if (!sameDay && !inEditWindow) return "TOO_LATE";
  if (log.evidenceCount + adding > policy.evidencePerContact) return "OVER_LIMIT";
  return null;
}

/** How many more screenshots a log may take (0 when it is full). */
export function screenshotsLeft(evidenceCount: number, policy: Pick<WorkflowPolicy, "evidencePerContact">): number {
  return Math.max(0, policy.evidencePerContact - evidenceCount);
}

/** The candidate a screenshot is about, as far as who may see it is concerned. */
export interface EvidenceCandidate {
  assignedCallerId: string | null;
  groupLeaderId: string | null;
  /** strike members holding a CLAIMED case on the candidate */
  claimedBy: readonly string[];
}

/**
 * Who sees a contact's screenshots: every inspector; the candidate's current caller and their group's
 * leader; a strike member while they hold a claimed case on the candidate. Nobody else, whoever took them
 * (a caller who handed the candidate over no longer sees them). app/api/contact-evidence asks the same
 * question of the database (lib/evidence/queries.ts), and a test holds the two together.
 */
export function mayViewEvidence(viewer: { id: string; roles: readonly Role[] }, candidate: EvidenceCandidate): boolean {
  if (viewer.roles.includes("INSPECTOR")) return true;
  if (viewer.roles.includes("CALLER") && candidate.assignedCallerId === viewer.id) return true;
  if (viewer.roles.includes("GROUP_LEADER") && candidate.groupLeaderId === viewer.id) return true;
  if (viewer.roles.includes("STRIKE") && candidate.claimedBy.includes(viewer.id)) return true;
  return false;
}
