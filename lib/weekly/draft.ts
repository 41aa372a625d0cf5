// The automatic draft of a group's weekly summary (每周学生动态), built from the week's figures. Pure.
// The summary goes to the callback lead as the college's own record, so it is always in Chinese,
// whatever the screen language (like the exports).
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

/** What the draft is built from; stored with the summary (WeeklyReport.figures) for reading later. */
export interface WeekFigures {
  weekStart: string;
  contacts: number;
  minutes: number;
  admitted: number;
  enrolled: number;
  enrolledThisWeek: number;
  newWithdrawals: WeekPerson[];
  hesitant: WeekPerson[];
  willNotCome: WeekPerson[];
  unreachable: WeekPerson[];
  escalationsOpened: number;
  escalationsClosed: number;
  standard: { contacts: number; minutes: number };
  laggards: WeekLaggard[];
}

/** Names listed per section before "等 N 人". */
export const LIST_LIMIT = 15;

function monthDay(day: string): string {
  const [, month, date] = day.split("-").map(Number);
  return `${month}月${date}日`;
}

/** "7月15日—7月21日" for the week. */
export function weekLabel(week: string): string {
  return `${monthDay(week)}—${monthDay(Week.lastDay(week))}`;
}

function people(list: readonly WeekPerson[]): string[] {
  if (list.length === 0) return ["（无）"];
  const shown = list.slice(0, LIST_LIMIT).map((p) => `- ${p.name}（${p.examNo}），回访人员 ${p.caller}`);
  if (list.length > LIST_LIMIT) shown.push(`- 等 ${list.length} 人`);
  return shown;
}

/** A section listing people: a blank line, its heading with the count, then the names. */
function peopleSection(heading: string, list: readonly WeekPerson[]): string[] {
  return ["", `${heading}（${list.length} 人）`, ...people(list)];
}

function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1);
}

export function buildDraft(groupName: string, week: string, f: WeekFigures): string {
  const rate = formatPermille(ratePermilleOf(f.enrolled, f.admitted));
  const lines = [
    `${groupName} 每周学生动态（${weekLabel(week)}）`,
    "",
    "一、总体情况",
    `本周联系 ${f.contacts} 次，共 ${Math.round(f.minutes)} 分钟；本周新增报到 ${f.enrolledThisWeek} 人。` +
      `目前录取 ${f.admitted} 人，报到 ${f.enrolled} 人，报到率 ${rate}。`,
    ...peopleSection("二、新增退档", f.newWithdrawals),
    ...peopleSection("三、犹豫考生", f.hesitant),
    ...peopleSection("四、明确不来", f.willNotCome),
    ...peopleSection("五、无法联系", f.unreachable),
    "",
    "六、上报处理",
    `本周新上报组长 ${f.escalationsOpened} 人，办结 ${f.escalationsClosed} 人。`,
    "",
    `七、工作量未达标（标准：每生 ${f.standard.contacts} 次、${f.standard.minutes} 分钟）`,
    ...(f.laggards.length === 0
      ? ["（全组均已达标）"]
      : f.laggards.map(
          (l) =>
            `- ${l.name}：负责 ${l.assigned} 人，每生 ${oneDecimal(l.contacts / l.assigned)} 次、` +
            `${oneDecimal(l.minutes / l.assigned)} 分钟`,
        )),
    "",
    "八、下周安排",
    "（请组长填写）",
  ];
  return lines.join("\n");
}
