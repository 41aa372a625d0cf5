// The automatic draft of a group's weekly summary (每周学生动态), built from the week's figures. Pure.
// It pre-fills the leader's editor, so it is written in the leader's screen language; what the leader
// submits is stored as written. Without a translator it is written in Chinese, the college's language.
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/messages";
import { type MessageKey, renderText, type Text, type TranslateFn, text } from "@/lib/i18n/text";
import { formatPermille, ratePermilleOf } from "@/lib/subsidy/money";
import { Week } from "@/lib/time";

export interface WeekPerson {
  name: string;
  examNo: string;
  caller: string;
}

export interface WeekLaggard {
  name: string;
  assigned: number;
  contacts: number;
  minutes: number;
}

/**
 * What the draft is built from; stored with the summary (WeeklyReport.figures) for reading later. Every
 * figure is as it stood at the end of the week (lib/weekly/figures.ts); the lists of candidates hold each
 * candidate once, in the list they stood in then (lib/weekly/standing.ts).
 */
export interface WeekFigures {
  weekStart: string;
  contacts: number;
  minutes: number;
  admitted: number;
  enrolled: number;
  enrolledThisWeek: number;
  /** withdrawals (退档) the data team approved during the week */
  newWithdrawals: WeekPerson[];
  hesitant: WeekPerson[];
  /** 明确不来 and 反悔 */
  willNotCome: WeekPerson[];
  /** 未报到: the 报到 day passed without them (a reason was logged, they may still come) */
  notEnrolled: WeekPerson[];
  /** their latest contact did not reach them */
  unreachable: WeekPerson[];
  escalationsOpened: number;
  escalationsClosed: number;
  standard: { contacts: number; minutes: number };
  laggards: WeekLaggard[];
}

/** Names listed per section before "等 N 人". */
export const LIST_LIMIT = 15;

function monthDay(day: string): Text {
  const [, month, date] = day.split("-");
  return text("weeklyReport.draft.monthDay", { month: Number(month), day: Number(date) });
}

/** "7月15日—7月21日" for the week. */
export function weekLabelText(week: string): Text {
  return text("weeklyReport.draft.week", { from: monthDay(week), to: monthDay(Week.lastDay(week)) });
}

/** The week's label in `t`'s language (Chinese by default). */
export function weekLabel(week: string, t: TranslateFn = translatorFor(DEFAULT_LOCALE)): string {
  return renderText(t, weekLabelText(week));
}

// Figures go in as strings: ICU would group the digits of a number of four or more.
function people(list: readonly WeekPerson[]): Text[] {
  if (list.length === 0) return [text("weeklyReport.draft.none")];
  const shown = list
    .slice(0, LIST_LIMIT)
    .map((p) => text("weeklyReport.draft.person", { name: p.name, examNo: p.examNo, caller: p.caller }));
  if (list.length > LIST_LIMIT) shown.push(text("weeklyReport.draft.more", { count: String(list.length) }));
  return shown;
}

const BLANK = null;

/** A section listing people: a blank line, its heading with the count, then the names. */
function peopleSection(heading: MessageKey, list: readonly WeekPerson[]): (Text | null)[] {
  return [
    BLANK,
    text("weeklyReport.draft.section", { heading: text(heading), count: String(list.length) }),
    ...people(list),
  ];
}

function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

/** The draft's lines as sentences (null for a blank line). */
export function draftLines(groupName: string, week: string, f: WeekFigures): (Text | null)[] {
  const rate = formatPermille(ratePermilleOf(f.enrolled, f.admitted));
  return [
    text("weeklyReport.draft.title", { group: groupName, week: weekLabelText(week) }),
    BLANK,
    text("weeklyReport.draft.overview"),
    text("weeklyReport.draft.overviewFigures", {
      contacts: String(f.contacts),
      minutes: String(Math.round(f.minutes)),
      enrolledThisWeek: String(f.enrolledThisWeek),
      admitted: String(f.admitted),
      enrolled: String(f.enrolled),
      rate,
    }),
    ...peopleSection("weeklyReport.draft.newWithdrawals", f.newWithdrawals),
    ...peopleSection("weeklyReport.draft.hesitant", f.hesitant),
    ...peopleSection("weeklyReport.draft.willNotCome", f.willNotCome),
    ...peopleSection("weeklyReport.draft.notEnrolled", f.notEnrolled),
    ...peopleSection("weeklyReport.draft.unreachable", f.unreachable),
    BLANK,
    text("weeklyReport.draft.escalations"),
    text("weeklyReport.draft.escalationFigures", {
      opened: String(f.escalationsOpened),
      closed: String(f.escalationsClosed),
    }),
    BLANK,
    text("weeklyReport.draft.laggards", {
      contacts: String(f.standard.contacts),
      minutes: String(f.standard.minutes),
    }),
    ...(f.laggards.length === 0
      ? [text("weeklyReport.draft.allMet")]
      : f.laggards.map((l) =>
          text("weeklyReport.draft.laggard", {
            name: l.name,
            assigned: String(l.assigned),
            contacts: oneDecimal(l.contacts / l.assigned),
            minutes: oneDecimal(l.minutes / l.assigned),
          }),
        )),
    BLANK,
    text("weeklyReport.draft.nextWeek"),
    text("weeklyReport.draft.fillIn"),
  ];
}

/** The draft as the editor's text, in `t`'s language (Chinese by default). */
export function buildDraft(
  groupName: string,
  week: string,
  f: WeekFigures,
  t: TranslateFn = translatorFor(DEFAULT_LOCALE),
): string {
  return draftLines(groupName, week, f)
    .map((line) => (line ? renderText(t, line) : ""))
    .join("\n");
}
