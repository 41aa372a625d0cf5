// A notice as sentences in the reader's language: a title, the lines that say what changed (an amount or
// a percent first), and the words the person who made the change entered, quoted as written. Pure: the
// params come from the database as JSON, so every field is read defensively (a notice written by an
// older release still renders, with what it has).
import type { NoticeKind } from "@/generated/prisma/enums";
import { type Text, text } from "@/lib/i18n/text";
import type { NoticeParams } from "./notify";

export interface NoticeView {
  title: Text;
  /** what changed for the reader, one sentence each */
  lines: Text[];
  /** the reason or advice as its author entered it, with the label saying whose words they are */
  quote: { label: Text; words: string } | null;
}

/** How a datum entered by a person (a name, a reason) is put into a sentence: marked by the page as Chinese. */
type Mark = (datum: string) => string;

const asString = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);
const asNumber = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

function quoted(label: Text, words: unknown): NoticeView["quote"] {
  const entered = asString(words);
  return entered ? { label, words: entered } : null;
}

/** Candidates' names for a sentence: the first few, "等" the rest when there are more. */
function namesOf(params: { names?: unknown; count?: unknown }, mark: Mark): Text {
  const names = Array.isArray(params.names) ? params.names.filter((n): n is string => typeof n === "string") : [];
  const count = asNumber(params.count) ?? names.length;
  // the list's separator is the language's, hence a sentence per pair: "{first}、{rest}"
  const list = names
    .map(mark)
    .reduceRight<Text | string>(
      (rest, name) => (rest === "" ? name : text("inbox.moved.listPair", { first: name, rest })),
      "",
    );
  return count > names.length
    ? text("inbox.moved.namesAndMore", { names: list, count })
    : text("inbox.moved.names", { names: list });
}

export function describeNotice(kind: NoticeKind, raw: unknown, mark: Mark = (d) => d): NoticeView {
  const params = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  const candidate = mark(asString(params.candidateName) ?? "");
  switch (kind) {
    case "FINDING": {
      const p = params as Partial<NoticeParams["FINDING"]>;
      const violation = p.violation ? text(`inspection.kind.${p.violation}`) : text("inbox.finding.unknownKind");
      const lines: Text[] = [];
      const deduction = asNumber(p.deductionPercent);
      const payout = asNumber(p.payoutPercent);
      if (deduction !== null) lines.push(text("inbox.finding.deduction", { percent: deduction }));
      else if (payout !== null) lines.push(text("inbox.finding.payout", { percent: payout }));
      else lines.push(text("inbox.finding.noDeduction"));
      if (asString(p.candidateName)) lines.push(text("inbox.finding.candidate", { candidate }));
      const deadline = asString(p.correctionDeadline);
      if (deadline) lines.push(text("inbox.finding.deadline", { date: deadline }));
      return {
        title: text("inbox.finding.title", { violation }),
        lines,
        quote: quoted(text("inbox.finding.reasonLabel"), p.reason),
      };
    }
    case "WITHDRAWAL_SENT_BACK": {
      const p = params as Partial<NoticeParams["WITHDRAWAL_SENT_BACK"]>;
      const which = text(p.withdrawalKind === "DECLINE" ? "inbox.sentBack.DECLINE" : "inbox.sentBack.WITHDRAW");
      return {
        title: text("inbox.sentBack.title", { which, candidate }),
        lines: [text("inbox.sentBack.todo")],
        quote: quoted(text("inbox.sentBack.reasonLabel"), p.reason),
      };
    }
    case "ESCALATION_ADVICE": {
      const p = params as Partial<NoticeParams["ESCALATION_ADVICE"]>;
      return {
        title: text("inbox.advice.title", { candidate }),
        lines: [text("inbox.advice.todo")],
        quote: quoted(text("inbox.advice.label"), p.advice),
      };
    }
    case "ESCALATION_OUTCOME": {
      const p = params as Partial<NoticeParams["ESCALATION_OUTCOME"]>;
      const outcome = p.outcome === "ENROLLED" || p.outcome === "LOST" ? p.outcome : "HANDED_BACK";
      return {
        title: text(`inbox.outcome.${outcome}`, { candidate }),
        lines: outcome === "HANDED_BACK" ? [text("inbox.outcome.handedBackTodo")] : [],
        quote: quoted(text("inbox.outcome.label"), p.resolution),
      };
    }
    case "CANDIDATES_MOVED": {
      const p = params as Partial<NoticeParams["CANDIDATES_MOVED"]>;
      const direction = p.direction === "out" ? "out" : "in";
      const count = asNumber(p.count) ?? 0;
      const lines: Text[] = [text(`inbox.moved.cause.${p.cause ?? "MOVE"}`)];
      const kept = asNumber(p.creditKept) ?? 0;
      if (kept > 0) lines.push(text(`inbox.moved.creditKept.${direction}`, { count: kept }));
      return {
        title: text(`inbox.moved.${direction}`, { count, names: namesOf(p, mark) }),
        lines,
        quote: quoted(text("inbox.moved.reasonLabel"), p.reason),
      };
    }
    case "LEAVE_DECISION": {
      const p = params as Partial<NoticeParams["LEAVE_DECISION"]>;
      const dates = { from: asString(p.from) ?? "", to: asString(p.to) ?? "" };
      const reassigned = asNumber(p.reassigned) ?? 0;
      return {
        title: text(p.approved ? "inbox.leave.approved" : "inbox.leave.refused", dates),
        lines: p.approved && reassigned > 0 ? [text("inbox.leave.reassigned", { count: reassigned })] : [],
        quote: p.approved ? null : quoted(text("inbox.leave.reasonLabel"), p.reason),
      };
    }
  }
}
