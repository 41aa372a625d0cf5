import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isWorklistFilter,
  proposedReason,
  stillToWin,
  WORKLIST_FILTERS,
  type WorklistCandidate,
  type WorklistMoment,
  worklistCounts,
  worklistsOf,
} from "./filters";

const NOW = new Date("2024-08-20T04:00:00Z");
const HOUR = 3_600_000;
const AFTER_ADMISSION: WorklistMoment = { now: NOW, admissionsOut: true, enrollmentClosed: false };
const BEFORE_ADMISSION: WorklistMoment = { now: NOW, admissionsOut: false, enrollmentClosed: false };
const ENROLLMENT_CLOSED: WorklistMoment = { now: NOW, admissionsOut: true, enrollmentClosed: true };

/** An admitted candidate who was reached, will come, paid and chose a dorm: on no list. */
function candidate(patch: Partial<WorklistCandidate> = {}): WorklistCandidate {
  return {
    intent: "FIRST_CHOICE",
    withdrawal: "NONE",
    decline: "NONE",
    admitted: true,
    comeIntent: "WILL_COME",
    paid: true,
    dormChosen: true,
    masterInterest: false,
    enrollment: "PENDING",
    enrollmentRecord: null,
    lastContactAt: new Date(NOW.getTime() - 2 * HOUR),
    nextFollowUpAt: null,
    lastOutcome: "WILL_COME",
    ...patch,
  };
}

describe("worklistsOf", () => {
  it.each<[string, Partial<WorklistCandidate>, WorklistMoment, string[]]>([
    ["a candidate with nothing left to do", {}, AFTER_ADMISSION, []],
    ["last result 关机", { lastOutcome: "UNREACHABLE_PHONE_OFF" }, AFTER_ADMISSION, ["UNREACHABLE"]],
    ["last result 停机", { lastOutcome: "UNREACHABLE_SUSPENDED" }, AFTER_ADMISSION, ["UNREACHABLE"]],
    ["last result 错号", { lastOutcome: "UNREACHABLE_WRONG_NUMBER" }, AFTER_ADMISSION, ["UNREACHABLE"]],
    ["last result 拒接", { lastOutcome: "UNREACHABLE_REFUSED" }, AFTER_ADMISSION, ["UNREACHABLE"]],
    [
      "reached after an unreachable attempt (only the last result counts)",
      { lastOutcome: "CONSULTED" },
      AFTER_ADMISSION,
      [],
    ],
    ["hesitant to come, after admission", { comeIntent: "HESITANT" }, AFTER_ADMISSION, ["HESITANT"]],
    [
      "hesitant in 投档 (not admitted yet)",
      { admitted: false, intent: "HESITANT", comeIntent: null, paid: false, dormChosen: false },
      BEFORE_ADMISSION,
      ["HESITANT"],
    ],
    [
      "an admitted candidate's old 投档 hesitation no longer counts",
      { intent: "HESITANT", comeIntent: "WILL_COME" },
      AFTER_ADMISSION,
      [],
    ],
    ["明确不来", { comeIntent: "WILL_NOT_COME" }, AFTER_ADMISSION, ["WILL_NOT_COME"]],
    ["not paid", { paid: false }, AFTER_ADMISSION, ["NOT_PAID"]],
    ["no dorm chosen", { dormChosen: false }, AFTER_ADMISSION, ["NO_DORM"]],
    ["logged 未报到", { enrollment: "NOT_ENROLLED" }, AFTER_ADMISSION, ["NOT_ENROLLED"]],
    ["not enrolled when the 报到 window has closed", {}, ENROLLMENT_CLOSED, ["NOT_ENROLLED"]],
    ["专硕 interest", { masterInterest: true }, AFTER_ADMISSION, ["MASTERS"]],
    [
      "专硕 interest stays after enrolling",
      { masterInterest: true, enrollment: "ENROLLED" },
      AFTER_ADMISSION,
      ["MASTERS"],
    ],
    [
      "never contacted",
      { lastContactAt: null, lastOutcome: null, comeIntent: null },
      AFTER_ADMISSION,
      ["NEVER_CONTACTED"],
    ],
    ["follow-up overdue", { nextFollowUpAt: new Date(NOW.getTime() - HOUR) }, AFTER_ADMISSION, ["FOLLOW_UP_OVERDUE"]],
    ["follow-up later today is not overdue", { nextFollowUpAt: new Date(NOW.getTime() + HOUR) }, AFTER_ADMISSION, []],
    [
      "on several lists at once",
      { comeIntent: "WILL_NOT_COME", paid: false, dormChosen: false, lastOutcome: "UNREACHABLE_REFUSED" },
      AFTER_ADMISSION,
      ["UNREACHABLE", "WILL_NOT_COME", "NOT_PAID", "NO_DORM"],
    ],
    // the after-admission lists take admitted candidates only
    [
      "not admitted in 投档: not on the after-admission lists",
      { admitted: false, comeIntent: null, paid: false, dormChosen: false, masterInterest: true },
      BEFORE_ADMISSION,
      [],
    ],
    [
      "not admitted once admissions are out: on no list at all",
      { admitted: false, intent: "HESITANT", lastContactAt: null, lastOutcome: null },
      AFTER_ADMISSION,
      [],
    ],
    // nobody left to win
    ["enrolled by the caller's claim", { enrollment: "ENROLLED", paid: false }, AFTER_ADMISSION, []],
    ["enrolled by the 报到 list", { enrollmentRecord: "LIST", paid: false }, ENROLLMENT_CLOSED, []],
    ["withdrawn (退档 approved)", { withdrawal: "APPROVED", masterInterest: true, paid: false }, AFTER_ADMISSION, []],
    [
      "gave up the place (放弃录取 approved)",
      { decline: "APPROVED", masterInterest: true, paid: false },
      AFTER_ADMISSION,
      [],
    ],
    [
      "a 放弃录取 still under review stays on the lists",
      { decline: "SUBMITTED", paid: false },
      AFTER_ADMISSION,
      ["NOT_PAID"],
    ],
  ])("%s", (_, patch, at, expected) => {
    expect(worklistsOf(candidate(patch), at)).toEqual(expected);
  });
});

describe("worklistCounts", () => {
  it("counts each candidate once on every list they are on", () => {
    const rows = [
      candidate({ paid: false }),
      candidate({ paid: false, dormChosen: false }),
      candidate({ masterInterest: true }),
      candidate({ enrollment: "ENROLLED", paid: false }),
    ];
    expect(worklistCounts(rows, AFTER_ADMISSION)).toEqual({
      UNREACHABLE: 0,
      HESITANT: 0,
      WILL_NOT_COME: 0,
      NOT_PAID: 2,
      NO_DORM: 1,
      NOT_ENROLLED: 0,
      MASTERS: 1,
      NEVER_CONTACTED: 0,
      FOLLOW_UP_OVERDUE: 0,
    });
  });

  it("property: every list but 专硕 holds only candidates still to be won, and counts match the lists", () => {
    const rowArb = fc.record({
      admitted: fc.boolean(),
      withdrawal: fc.constantFrom("NONE", "AGREED", "APPROVED" as const),
      decline: fc.constantFrom("NONE", "SUBMITTED", "APPROVED" as const),
      enrollment: fc.constantFrom("PENDING", "ENROLLED", "NOT_ENROLLED" as const),
      comeIntent: fc.constantFrom(null, "WILL_COME", "HESITANT", "WILL_NOT_COME" as const),
      paid: fc.boolean(),
      masterInterest: fc.boolean(),
      lastOutcome: fc.constantFrom(null, "UNREACHABLE_PHONE_OFF", "CONSULTED"),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.boolean(), fc.boolean(), (patches, out, closed) => {
        const at = { now: NOW, admissionsOut: out, enrollmentClosed: closed };
        const rows = patches.map((p) => candidate(p));
        const counts = worklistCounts(rows, at);
        for (const filter of WORKLIST_FILTERS) {
          const on = rows.filter((r) => worklistsOf(r, at).includes(filter));
          if (counts[filter] !== on.length) return false;
          if (filter !== "MASTERS" && on.some((r) => !stillToWin(r, at))) return false;
        }
        return true;
      }),
    );
  });
});

describe("isWorklistFilter / proposedReason", () => {
  it("knows the lists and proposes the reason that fits one", () => {
    expect(isWorklistFilter("NOT_PAID")).toBe(true);
    expect(isWorklistFilter("not_paid")).toBe(false);
    expect(isWorklistFilter(undefined)).toBe(false);
    expect(proposedReason("WILL_NOT_COME")).toBe("WILL_NOT_COME");
    expect(proposedReason("NOT_ENROLLED")).toBe("NOT_ENROLLED");
    expect(proposedReason("UNREACHABLE")).toBe("DIFFICULT");
    expect(proposedReason(null)).toBe("DIFFICULT");
  });
});
