// The suspicious-log rules: each a pure function of the logs and the policy's thresholds, returning the
// ids of the logs it flags. The inspector judges every flagged log; a flag is a reason to look, not a
// verdict. Times are judged in Beijing time.
import { lacksChatScreenshot } from "@/lib/evidence/rules";
import { beijingHour, HOUR_MS } from "@/lib/time";
import { isUnreachable } from "@/lib/workflow/rules";
import type { InspectionPolicy } from "./policy";

export interface RuleLog {
  id: string;
  callerId: string;
  candidateId: string;
  channel: string;
  startedAt: Date;
  durationSeconds: number;
  outcome: string;
  notes: string | null;
  /** screenshots kept with the log (lib/evidence) */
  evidenceCount: number;
}

export const RULE_CODES = [
  "ZERO_DURATION",
  "SAME_MINUTE",
  "OUTSIDE_HOURS",
  "COPIED_NOTES",
  "REACHED_AFTER_WRONG_NUMBER",
  "RATE_OUTLIER",
  "CHAT_WITHOUT_EVIDENCE",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

const MINUTE_MS = 60_000;

/** A phone call that reached the candidate (any result but an unreachable one) logged as lasting 0 s. */
export function isZeroDurationCall(log: RuleLog, policy: Pick<InspectionPolicy, "reachedCallMaxSeconds">): boolean {
  return log.channel === "PHONE" && !isUnreachable(log.outcome) && log.durationSeconds <= policy.reachedCallMaxSeconds;
}

/** A log started outside working hours (Beijing time): before dayStartHour, or at/after dayEndHour. */
export function isOutsideHours(log: RuleLog, policy: Pick<InspectionPolicy, "dayStartHour" | "dayEndHour">): boolean {
  const hour = beijingHour(log.startedAt);
  return hour < policy.dayStartHour || hour >= policy.dayEndHour;
}

function groupBy<K>(logs: readonly RuleLog[], key: (log: RuleLog) => K): Map<K, RuleLog[]> {
  const groups = new Map<K, RuleLog[]>();
  for (const log of logs) {
    const k = key(log);
    groups.set(k, [...(groups.get(k) ?? []), log]);
  }
  return groups;
}

/** `sameMinuteLogs` or more logs by one caller started within the same clock minute. */
export function sameMinuteBursts(logs: readonly RuleLog[], policy: Pick<InspectionPolicy, "sameMinuteLogs">) {
  const flagged = new Set<string>();
  const groups = groupBy(logs, (l) => `${l.callerId}|${Math.floor(l.startedAt.getTime() / MINUTE_MS)}`);
  for (const group of groups.values()) {
    if (group.length >= policy.sameMinuteLogs) for (const log of group) flagged.add(log.id);
  }
  return flagged;
}

/** Notes compared as written, ignoring spacing: "家长 已确认" and "家长已确认 " are the same note. */
export function normaliseNote(notes: string | null): string {
  return (notes ?? "").replace(/\s+/g, "");
}

/**
 * The same note, long enough to be more than a stock phrase (copiedNotesMinLength characters), written
 * on copiedNotesCandidates or more different candidates, by anyone.
 */
export function copiedNotes(
  logs: readonly RuleLog[],
  policy: Pick<InspectionPolicy, "copiedNotesMinLength" | "copiedNotesCandidates">,
) {
  const flagged = new Set<string>();
  const withNotes = logs.filter((l) => [...normaliseNote(l.notes)].length >= policy.copiedNotesMinLength);
  for (const group of groupBy(withNotes, (l) => normaliseNote(l.notes)).values()) {
    const candidates = new Set(group.map((l) => l.candidateId));
    if (candidates.size >= policy.copiedNotesCandidates) for (const log of group) flagged.add(log.id);
  }
  return flagged;
}

/**
 * A result that reached the candidate as the very next log after a wrong-number result on the same
 * candidate, within wrongNumberWindowHours: the number was wrong, yet somebody answered it.
 */
export function reachedAfterWrongNumber(
  logs: readonly RuleLog[],
  policy: Pick<InspectionPolicy, "wrongNumberWindowHours">,
) {
  const flagged = new Set<string>();
  for (const ledger of groupBy(logs, (l) => l.candidateId).values()) {
    const ordered = [...ledger].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : 1));
    for (let i = 1; i < ordered.length; i++) {
      const previous = ordered[i - 1] as RuleLog;
      const log = ordered[i] as RuleLog;
      const gap = log.startedAt.getTime() - previous.startedAt.getTime();
      if (
        previous.outcome === "UNREACHABLE_WRONG_NUMBER" &&
        !isUnreachable(log.outcome) &&
        gap <= policy.wrongNumberWindowHours * HOUR_MS
      ) {
        flagged.add(log.id);
      }
    }
  }
  return flagged;
}

export interface CallerRate {
  callerId: string;
  logs: number;
  /** distinct clock hours (Beijing) in which the caller logged anything */
  activeHours: number;
  perHour: number;
}

/** Contacts per working hour of each caller: logs / the distinct clock hours with a log. */
export function callerRates(logs: readonly RuleLog[]): CallerRate[] {
  return [...groupBy(logs, (l) => l.callerId).entries()]
    .map(([callerId, own]) => {
      const hours = new Set(own.map((l) => Math.floor(l.startedAt.getTime() / HOUR_MS))).size;
      return { callerId, logs: own.length, activeHours: hours, perHour: own.length / hours };
    })
    .sort((a, b) => (a.callerId < b.callerId ? -1 : 1));
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Callers far above everyone: contacts per working hour at least rateOutlierFactor times the median
 * of all callers', with at least rateOutlierMinLogs logs. Flags the logs of the outlier's busiest
 * hours (those at or above the threshold), which are the ones worth calling back.
 */
export function rateOutliers(
  logs: readonly RuleLog[],
  policy: Pick<InspectionPolicy, "rateOutlierFactor" | "rateOutlierMinLogs">,
) {
  const flagged = new Set<string>();
  const rates = callerRates(logs);
  const threshold = policy.rateOutlierFactor * median(rates.map((r) => r.perHour));
  for (const rate of rates) {
    if (rate.logs < policy.rateOutlierMinLogs || rate.perHour < threshold) continue;
    const own = logs.filter((l) => l.callerId === rate.callerId);
    for (const hour of groupBy(own, (l) => Math.floor(l.startedAt.getTime() / HOUR_MS)).values()) {
      if (hour.length >= threshold) for (const log of hour) flagged.add(log.id);
    }
  }
  return flagged;
}

/**
 * WeChat and QQ contacts kept without any screenshot (五(二)2: 联系信息保存好，以便督察组抽查), when the
 * policy asks for it: off by default, as a chat may have been read out rather than kept.
 */
export function chatsWithoutEvidence(
  logs: readonly RuleLog[],
  policy: Pick<InspectionPolicy, "flagChatWithoutEvidence">,
): Set<string> {
  if (!policy.flagChatWithoutEvidence) return new Set();
  return new Set(logs.filter(lacksChatScreenshot).map((l) => l.id));
}

/** Every rule over the logs: each flagged log with the codes of the rules that flagged it, in rule order. */
export function suspiciousLogs(logs: readonly RuleLog[], policy: InspectionPolicy): Map<string, RuleCode[]> {
  const hits: Record<RuleCode, Set<string>> = {
    ZERO_DURATION: new Set(logs.filter((l) => isZeroDurationCall(l, policy)).map((l) => l.id)),
    SAME_MINUTE: sameMinuteBursts(logs, policy),
    OUTSIDE_HOURS: new Set(logs.filter((l) => isOutsideHours(l, policy)).map((l) => l.id)),
    COPIED_NOTES: copiedNotes(logs, policy),
    REACHED_AFTER_WRONG_NUMBER: reachedAfterWrongNumber(logs, policy),
    RATE_OUTLIER: rateOutliers(logs, policy),
    CHAT_WITHOUT_EVIDENCE: chatsWithoutEvidence(logs, policy),
  };
  const flagged = new Map<string, RuleCode[]>();
  for (const log of logs) {
    const codes = RULE_CODES.filter((code) => hits[code].has(log.id));
    if (codes.length > 0) flagged.set(log.id, codes);
  }
  return flagged;
}
