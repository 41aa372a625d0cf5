// Where each candidate stands at the end of a week, for the weekly summary's lists. Pure: the events come
// in with their times, and only those before the week's end (Monday 00:00 Beijing time after it) count,
// so a past week's lists are not moved by anything that happened later.
import { Week } from "@/lib/time";
import { UNREACHABLE_OUTCOMES } from "@/lib/workflow";

/** Something that placed a candidate, at the instant it happened. */
export type CandidateEvent =
  /** a logged contact and its result (ContactLog.startedAt, outcome) */
  | { candidateId: string; at: Date; kind: "contact"; outcome: string }
  /** the 报到 list recorded the candidate's enrollment (the batch's apply, while it was not undone) */
  | { candidateId: string; at: Date; kind: "enrollmentList"; enrollment: string }
  /** the data team approved the candidate's withdrawal (退档): their file is gone */
  | { candidateId: string; at: Date; kind: "withdrawalApproved" };

/** The draft's lists a candidate can stand in; null: in none (enrolled, withdrawn, coming, no news). */
export type WeekSection = "hesitant" | "willNotCome" | "notEnrolled" | "unreachable";

type Status = WeekSection | "enrolled" | "withdrawn" | "settled" | null;

/** Results that say where the candidate stands; any other result that reached them leaves it as it was. */
const STATUS_OF_OUTCOME: Readonly<Record<string, Status>> = {
  INTENT_HESITANT: "hesitant",
  COME_HESITANT: "hesitant",
  WILL_NOT_COME: "willNotCome",
  // 反悔: said they would come, now will not
  REGRETTED: "willNotCome",
  NOT_ENROLLED: "notEnrolled",
  ENROLLED: "enrolled",
  INTENT_FIRST_CHOICE: "settled",
  INTENT_NOT_FIRST_CHOICE: "settled",
  WITHDRAWAL_AGREED: "settled",
  WILL_COME: "settled",
};

/** The results that say where a candidate stands (the others only tell whether the contact reached them). */
export const STANDING_OUTCOMES: readonly string[] = Object.keys(STATUS_OF_OUTCOME);

const UNREACHABLE = new Set<string>(UNREACHABLE_OUTCOMES);

/**
 * The list one candidate stands in at `end`, from their events (any order; those at or after `end` are
 * left out). The latest result that says where they stand decides: 不来 on Monday and 已报到 on Friday is
 * enrolled; 未报到 stays 未报到 (not 不来). When the latest contact did not reach them (关机, 停机, 错号,
 * 拒接), they are unreachable whatever they said before, until a contact reaches them again. Enrolled and
 * withdrawn candidates stand in no list. So of a candidate's contacts only two matter: the latest with a
 * result of STANDING_OUTCOMES and the latest of the others (lib/weekly/figures.ts reads just those).
 */
export function sectionAt(events: readonly CandidateEvent[], end: Date): WeekSection | null {
  const before = events
    .map((event, order) => ({ event, order }))
    .filter(({ event }) => event.at.getTime() < end.getTime())
    // simultaneous events keep the order they came in
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.order - b.order);
  let status: Status = null;
  let unreachable = false;
  for (const { event } of before) {
    if (status === "withdrawn") break;
    switch (event.kind) {
      case "withdrawalApproved":
        status = "withdrawn";
        break;
      case "enrollmentList":
        if (event.enrollment === "ENROLLED") status = "enrolled";
        else if (event.enrollment === "NOT_ENROLLED") status = "notEnrolled";
        break;
      case "contact":
        if (UNREACHABLE.has(event.outcome)) {
          unreachable = true;
        } else {
          unreachable = false;
          status = STATUS_OF_OUTCOME[event.outcome] ?? status;
        }
        break;
    }
  }
  if (status === "withdrawn" || status === "enrolled") return null;
  if (unreachable) return "unreachable";
  return status === "settled" ? null : status;
}

/** Each candidate's list at the end of `week` (Monday 00:00 to Monday 00:00 Beijing time), by id. */
export function sectionsAtWeekEnd(week: string, events: readonly CandidateEvent[]): Map<string, WeekSection> {
  const { to } = Week.range(week);
  const byCandidate = new Map<string, CandidateEvent[]>();
  for (const event of events) {
    const list = byCandidate.get(event.candidateId);
    if (list) list.push(event);
    else byCandidate.set(event.candidateId, [event]);
  }
  const sections = new Map<string, WeekSection>();
  for (const [candidateId, list] of byCandidate) {
    const section = sectionAt(list, to);
    if (section) sections.set(candidateId, section);
  }
  return sections;
}

/** A withdrawal counts in the week the data team approved it, not the week it was asked for. */
export function approvedInWeek(week: string, approvedAt: Date | null): boolean {
  if (!approvedAt) return false;
  const { from, to } = Week.range(week);
  return approvedAt.getTime() >= from.getTime() && approvedAt.getTime() < to.getTime();
}
