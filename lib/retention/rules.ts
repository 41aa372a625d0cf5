// When a campaign's candidate data is due for anonymisation, and the pure pieces of the anonymisation
// (docs/reliability.md #21, PIPL art. 19 and 47). No clock: the caller passes `now`.
import { createHash } from "node:crypto";
import { DAY_MS } from "@/lib/time";
import { workflowPolicyOf } from "@/lib/workflow/policy";

export const ANONYMOUS_NAME = "已匿名考生";
export const ANONYMOUS_TEXT = "[已匿名]";
export const EXAM_NO_PREFIX = "ANON-";
/** What a weekly summary's text becomes: the draft lists candidates by name and exam number. */
export const REDACTED_WEEKLY_BODY = "（本周动态原文含考生个人信息，已在保留期满后删除；当周数字见统计。）";

export interface RetentionCampaign {
  retentionDays: number;
  phaseWindows: readonly { closesAt: Date }[];
  /** the stored workflow policy: its clean-up days follow the last close (the plan's defaults when absent) */
  workflowPolicy?: unknown;
}

/**
 * The moment the campaign's personal data falls due: its last phase window's close, plus the clean-up
 * period in which the strike team and leaders still log contacts (workflow policy `cleanupDays`), plus the
 * retention period. A campaign without phase windows has no end, so it is never due (null). The database
 * states the same rule (`retention_due_at`, migration retention_after_cleanup) and checks it before it
 * blanks audit rows.
 */
export function retentionDueAt(campaign: RetentionCampaign): Date | null {
  if (campaign.phaseWindows.length === 0) return null;
  const lastClose = Math.max(...campaign.phaseWindows.map((w) => w.closesAt.getTime()));
  const cleanupDays = workflowPolicyOf(campaign.workflowPolicy).cleanupDays;
  return new Date(lastClose + (cleanupDays + campaign.retentionDays) * DAY_MS);
}

export function isRetentionDue(campaign: RetentionCampaign, now: Date): boolean {
  const dueAt = retentionDueAt(campaign);
  return dueAt !== null && dueAt.getTime() <= now.getTime();
}

/**
 * The exam number an anonymised candidate keeps: stable (the same input gives the same token, so a second
 * run changes nothing), unique per campaign as (campaignId, examNo) requires, and not reversible to the
 * 考生号. The SQL in anonymise.ts computes the same value.
 */
export function anonymousExamNo(campaignId: string, examNo: string): string {
  return (
    EXAM_NO_PREFIX +
    createHash("sha256")
      .update(campaignId + examNo, "utf8")
      .digest("hex")
      .slice(0, 12)
  );
}

export function isAnonymousExamNo(examNo: string): boolean {
  return examNo.startsWith(EXAM_NO_PREFIX);
}

/**
 * Replaces every occurrence of the given identifiers (names, exam numbers, phone numbers) in a text kept
 * for other reasons, longest first so that a name inside a longer one goes whole. One-character names
 * are left alone: replacing 李 everywhere would destroy the text and protect nobody.
 */
export function scrubText(text: string, identifiers: readonly string[]): string {
  const targets = [...new Set(identifiers.filter((id) => id.length >= 2))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const target of targets) {
    if (out.includes(target)) out = out.split(target).join(ANONYMOUS_TEXT);
  }
  return out;
}

/**
 * Phone numbers in free text, as the app's phone normalisers accept them (lib/import/normalize.ts,
 * lib/verify/rules.ts): a mainland mobile (11 digits from 13–19, optionally after +86/0086/86 and
 * written 3-4-4), a landline with its area code (010 and 02x with 8 digits, every other area code with 7
 * or 8, the code optionally in brackets), or a bare local number of 7 or 8 digits. Never part of a
 * longer run of digits, so a 14-digit exam number is not cut into pieces.
 */
const PHONE_NUMBER = new RegExp(
  [
    String.raw`(?:(?:\+|00)?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}`,
    String.raw`[(（]?0(?:10|2\d)[)）]?[\s-]?\d{8}`,
    String.raw`[(（]?0[3-9]\d{2}[)）]?[\s-]?\d{7,8}`,
    String.raw`\d{7,8}`,
  ]
    .map((pattern) => String.raw`(?<![\d+])${pattern}(?!\d)`)
    .join("|"),
  "g",
);

/**
 * Replaces every phone number in a text, whoever's it is. For texts about members of the public (an
 * incident raised by a family, the number a suspected impersonator called from), whose numbers are no
 * candidate's and so escape scrubText. Full-width digits (a Chinese input method's) are read as digits,
 * as lib/verify reads them. The replacement holds no digit, so a second pass changes nothing.
 */
export function scrubPhoneNumbers(text: string): string {
  // one UTF-16 unit per character either way, so a match in the half-width copy has the same offsets
  const halfWidth = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let out = "";
  let from = 0;
  for (const match of halfWidth.matchAll(PHONE_NUMBER)) {
    out += text.slice(from, match.index) + ANONYMOUS_TEXT;
    from = match.index + match[0].length;
  }
  return out + text.slice(from);
}

/** The per-person lists of a stored weekly figures object (lib/weekly/draft.ts WeekFigures). */
export const WEEKLY_PERSON_LISTS = ["newWithdrawals", "hesitant", "willNotCome", "notEnrolled", "unreachable"] as const;

/**
 * A stored WeeklyReport.figures without the candidates: each per-person list becomes empty and its length
 * moves to `anonymisedCounts`, so the week's numbers stay readable. The laggards list names staff and is
 * kept. Already redacted figures, and anything that is not an object, come back unchanged.
 */
export function redactWeekFigures(figures: unknown): unknown {
  if (figures === null || typeof figures !== "object" || Array.isArray(figures)) return figures;
  const source = figures as Record<string, unknown>;
  if ("anonymisedCounts" in source) return figures;
  const counts: Record<string, number> = {};
  const out: Record<string, unknown> = { ...source };
  for (const key of WEEKLY_PERSON_LISTS) {
    const list = source[key];
    if (Array.isArray(list)) {
      counts[key] = list.length;
      out[key] = [];
    }
  }
  out.anonymisedCounts = counts;
  return out;
}
