import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approvedInWeek,
  type CandidateEvent,
  STANDING_OUTCOMES,
  sectionAt,
  sectionsAtWeekEnd,
  type WeekSection,
} from "./standing";

// The week of Monday 15 July 2024: from 2024-07-14T16:00Z (Monday 00:00 Beijing) to 2024-07-21T16:00Z.
const week = "2024-07-15";
const END = new Date("2024-07-21T16:00:00Z");
const MONDAY = "2024-07-15T02:00:00Z";
const FRIDAY = "2024-07-19T02:00:00Z";

const contact = (at: string, outcome: string): CandidateEvent => ({
  candidateId: "c1",
  at: new Date(at),
  kind: "contact",
  outcome,
});
const list = (at: string, enrollment: string): CandidateEvent => ({
  candidateId: "c1",
  at: new Date(at),
  kind: "enrollmentList",
  enrollment,
});
const approved = (at: string): CandidateEvent => ({ candidateId: "c1", at: new Date(at), kind: "withdrawalApproved" });

describe("sectionAt: the list a candidate stands in at the week's end", () => {
  it.each<[string, CandidateEvent[], WeekSection | null]>([
    ["no event", [], null],
    ["投档 hesitant", [contact(MONDAY, "INTENT_HESITANT")], "hesitant"],
    ["录取后 hesitant", [contact(MONDAY, "COME_HESITANT")], "hesitant"],
    ["明确不来", [contact(MONDAY, "WILL_NOT_COME")], "willNotCome"],
    ["反悔", [contact(MONDAY, "REGRETTED")], "willNotCome"],
    ["未报到 (家里有事，下周一报到) is not 明确不来", [contact(MONDAY, "NOT_ENROLLED")], "notEnrolled"],
    ["已报到", [contact(MONDAY, "ENROLLED")], null],
    ["will come", [contact(MONDAY, "WILL_COME")], null],
    ["first choice", [contact(MONDAY, "INTENT_FIRST_CHOICE")], null],
    ["agreed to withdraw", [contact(MONDAY, "INTENT_HESITANT"), contact(FRIDAY, "WITHDRAWAL_AGREED")], null],
    ["关机", [contact(MONDAY, "UNREACHABLE_PHONE_OFF")], "unreachable"],
    [
      "停机, 错号, 拒接",
      ["SUSPENDED", "WRONG_NUMBER", "REFUSED"].map((o) => contact(MONDAY, `UNREACHABLE_${o}`)),
      "unreachable",
    ],
    ["不来 on Monday, 已报到 on Friday", [contact(MONDAY, "WILL_NOT_COME"), contact(FRIDAY, "ENROLLED")], null],
    [
      "不来 on Monday, hesitant on Friday",
      [contact(MONDAY, "WILL_NOT_COME"), contact(FRIDAY, "COME_HESITANT")],
      "hesitant",
    ],
    ["未报到, then 反悔", [contact(MONDAY, "NOT_ENROLLED"), contact(FRIDAY, "REGRETTED")], "willNotCome"],
    [
      "不来, then a consultation: still 不来",
      [contact(MONDAY, "WILL_NOT_COME"), contact(FRIDAY, "CONSULTED")],
      "willNotCome",
    ],
    [
      "不来, then 关机: unreachable",
      [contact(MONDAY, "WILL_NOT_COME"), contact(FRIDAY, "UNREACHABLE_PHONE_OFF")],
      "unreachable",
    ],
    [
      "关机, then reached with nothing new: back to what they said",
      [contact(MONDAY, "COME_HESITANT"), contact(MONDAY, "UNREACHABLE_PHONE_OFF"), contact(FRIDAY, "PAID")],
      "hesitant",
    ],
    ["关机, then reached and will come", [contact(MONDAY, "UNREACHABLE_REFUSED"), contact(FRIDAY, "WILL_COME")], null],
    ["未报到, then on the 报到 list", [contact(MONDAY, "NOT_ENROLLED"), list(FRIDAY, "ENROLLED")], null],
    ["on the 报到 list as not enrolled", [list(MONDAY, "NOT_ENROLLED")], "notEnrolled"],
    ["a list that says nothing new", [contact(MONDAY, "COME_HESITANT"), list(FRIDAY, "PENDING")], "hesitant"],
    ["withdrawn: in no list, whatever follows", [approved(MONDAY), contact(FRIDAY, "UNREACHABLE_PHONE_OFF")], null],
    ["hesitant, then withdrawn", [contact(MONDAY, "INTENT_HESITANT"), approved(FRIDAY)], null],
  ])("%s", (_what, events, section) => {
    expect(sectionAt(events, END)).toBe(section);
  });

  it("reads the events in time order, whatever order they come in", () => {
    expect(sectionAt([contact(FRIDAY, "ENROLLED"), contact(MONDAY, "WILL_NOT_COME")], END)).toBeNull();
  });

  it("keeps simultaneous events in the order given", () => {
    const at = FRIDAY;
    expect(sectionAt([contact(at, "WILL_NOT_COME"), contact(at, "COME_HESITANT")], END)).toBe("hesitant");
    expect(sectionAt([contact(at, "COME_HESITANT"), contact(at, "WILL_NOT_COME")], END)).toBe("willNotCome");
  });
});

describe("the week boundary, Beijing time", () => {
  // Sunday 23:59:59.999 Beijing is in the week; Monday 00:00 Beijing (16:00Z on Sunday) is the next week's
  it.each<[string, string, WeekSection | null]>([
    ["enrolled on Sunday 23:59 Beijing: counted", "2024-07-21T15:59:59.999Z", null],
    ["enrolled at Monday 00:00 Beijing: next week's", "2024-07-21T16:00:00.000Z", "willNotCome"],
    ["enrolled on Sunday 20:00 UTC (Monday in Beijing): next week's", "2024-07-21T20:00:00Z", "willNotCome"],
    ["enrolled a month later: not this week's", "2024-08-20T02:00:00Z", "willNotCome"],
  ])("%s", (_what, enrolledAt, section) => {
    const events = [contact(MONDAY, "WILL_NOT_COME"), contact(enrolledAt, "ENROLLED")];
    expect(sectionsAtWeekEnd(week, events).get("c1") ?? null).toBe(section);
  });

  it("counts a contact of Monday 00:00 Beijing in its week", () => {
    expect(sectionsAtWeekEnd(week, [contact("2024-07-14T16:00:00Z", "NOT_ENROLLED")]).get("c1")).toBe("notEnrolled");
  });

  it("sorts each candidate into one list, and leaves out those in none", () => {
    const events: CandidateEvent[] = [
      { candidateId: "a", at: new Date(MONDAY), kind: "contact", outcome: "WILL_NOT_COME" },
      { candidateId: "b", at: new Date(MONDAY), kind: "contact", outcome: "NOT_ENROLLED" },
      { candidateId: "a", at: new Date(FRIDAY), kind: "contact", outcome: "ENROLLED" },
      { candidateId: "c", at: new Date(FRIDAY), kind: "contact", outcome: "UNREACHABLE_SUSPENDED" },
    ];
    expect([...sectionsAtWeekEnd(week, events)]).toEqual([
      ["b", "notEnrolled"],
      ["c", "unreachable"],
    ]);
  });
});

describe("approvedInWeek: a withdrawal counts in the week the data team approved it", () => {
  it.each<[string, Date | null, boolean]>([
    ["not approved", null, false],
    ["approved on Monday 00:00 Beijing", new Date("2024-07-14T16:00:00Z"), true],
    ["approved on Sunday 23:59 Beijing", new Date("2024-07-21T15:59:59.999Z"), true],
    ["approved the Monday after (Beijing)", new Date("2024-07-21T16:00:00Z"), false],
    ["approved the Sunday before (Beijing)", new Date("2024-07-14T15:59:59.999Z"), false],
  ])("%s: %s", (_what, at, counted) => {
    expect(approvedInWeek(week, at)).toBe(counted);
  });
});

describe("what the figures read of a candidate's contacts", () => {
  const OUTCOMES = [
    ...STANDING_OUTCOMES,
    "CONSULTED",
    "PAID",
    "GUIDED",
    "UNREACHABLE_PHONE_OFF",
    "UNREACHABLE_REFUSED",
  ];
  const event = fc.oneof(
    fc.record({
      kind: fc.constant("contact" as const),
      minute: fc.integer({ min: 0, max: 20_000 }),
      outcome: fc.constantFrom(...OUTCOMES),
    }),
    fc.record({
      kind: fc.constant("enrollmentList" as const),
      minute: fc.integer({ min: 0, max: 20_000 }),
      enrollment: fc.constantFrom("ENROLLED", "NOT_ENROLLED", "PENDING"),
    }),
    fc.record({ kind: fc.constant("withdrawalApproved" as const), minute: fc.integer({ min: 0, max: 20_000 }) }),
  );
  const START = Date.parse("2024-07-08T00:00:00Z");

  it("decides the same from the latest standing result and the latest other contact before the end as from every contact", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (drawn) => {
        // in time order, as the query returns them; ties keep the drawn order
        const events: CandidateEvent[] = drawn
          .map(({ minute, ...rest }) => ({ candidateId: "c1", at: new Date(START + minute * 60_000), ...rest }))
          .sort((a, b) => a.at.getTime() - b.at.getTime());
        // the query reads up to the week's end only
        const contacts = events.filter(
          (e): e is Extract<CandidateEvent, { kind: "contact" }> =>
            e.kind === "contact" && e.at.getTime() < END.getTime(),
        );
        const latest = (standing: boolean) =>
          contacts.filter((e) => STANDING_OUTCOMES.includes(e.outcome) === standing).slice(-1);
        const kept = new Set<CandidateEvent>([...latest(true), ...latest(false)]);
        const read = events.filter((e) => e.kind !== "contact" || kept.has(e));
        expect(sectionAt(read, END)).toBe(sectionAt(events, END));
      }),
      { numRuns: 500 },
    );
  });
});
