import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BoardCandidate, boardTakeReason, daysSince, inPlay, lostContactBoard, outOfContact } from "./board";
import { DEFAULT_STRIKE_POLICY, strikePolicyOf } from "./policy";

const NOW = new Date("2024-08-20T12:00:00Z");
const DAY = 24 * 3_600_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let serial = 0;
function candidate(patch: Partial<BoardCandidate> = {}): BoardCandidate {
  serial += 1;
  return {
    id: `c${serial}`,
    groupId: "g1",
    withdrawal: "NONE",
    admitted: true,
    enrollment: "PENDING",
    lastReachedAt: null,
    lastReachedDayBefore: null,
    lost: false,
    ...patch,
  };
}

describe("inPlay", () => {
  it.each([
    ["an admitted candidate not yet enrolled, in 报到", {}, 4, true],
    ["an enrolled candidate", { enrollment: "ENROLLED" as const }, 4, false],
    ["a no-show (the strike team persuades them after 报到)", { enrollment: "NOT_ENROLLED" as const }, 4, true],
    ["a withdrawn candidate", { withdrawal: "APPROVED" as const, admitted: false }, 2, false],
    ["a candidate not admitted, once admissions are out", { admitted: false }, 3, false],
    ["a candidate not admitted yet, in 投档", { admitted: false }, 2, true],
  ])("%s -> %s", (_, patch, phase, expected) => {
    expect(inPlay(candidate(patch), phase)).toBe(expected);
  });
});

describe("outOfContact / daysSince", () => {
  it("counts from the last contact that reached the candidate", () => {
    expect(outOfContact(null, NOW, 3)).toBe(true);
    expect(outOfContact(ago(3), NOW, 3)).toBe(true);
    expect(outOfContact(new Date(ago(3).getTime() + 1), NOW, 3)).toBe(false);
    expect(daysSince(ago(4.5), NOW)).toBe(4);
    expect(daysSince(null, NOW)).toBeNull();
  });
});

describe("lostContactBoard", () => {
  it("groups the candidates out of contact, never-reached first, with yesterday's count and the lost apart", () => {
    const never = candidate({ groupId: "g1" });
    const old = candidate({ groupId: "g1", lastReachedAt: ago(10), lastReachedDayBefore: ago(10) });
    // reached this morning: off the board today, on it yesterday
    const fixed = candidate({ groupId: "g1", lastReachedAt: ago(0.2), lastReachedDayBefore: ago(5) });
    const recent = candidate({ groupId: "g2", lastReachedAt: ago(1), lastReachedDayBefore: ago(1) });
    const other = candidate({ groupId: "g2", lastReachedAt: ago(4), lastReachedDayBefore: ago(4) });
    const lost = candidate({ groupId: "g2", lost: true });
    const enrolled = candidate({ groupId: "g3", enrollment: "ENROLLED" });
    const board = lostContactBoard([other, old, fixed, never, recent, lost, enrolled], NOW, 3, 4);
    expect(board.total).toBe(3);
    expect(board.yesterday).toBe(4);
    expect(board.lost).toBe(1);
    expect(board.groups.map((g) => [g.groupId, g.candidates.map((c) => c.id), g.yesterday, g.lost.length])).toEqual([
      ["g1", [never.id, old.id], 3, 0],
      ["g2", [other.id], 1, 1],
    ]);
  });

  it("is empty when everybody was reached recently: the goal of 零失联", () => {
    const board = lostContactBoard([candidate({ lastReachedAt: ago(1), lastReachedDayBefore: ago(1) })], NOW, 3, 4);
    expect(board).toEqual({ total: 0, yesterday: 0, lost: 0, groups: [] });
  });

  it("property: the total is the number of in-play, open candidates out of contact, and groups add up", () => {
    const rowArb = fc.record({
      groupId: fc.constantFrom("g1", "g2", null),
      admitted: fc.boolean(),
      enrollment: fc.constantFrom("PENDING", "ENROLLED", "NOT_ENROLLED" as const),
      reachedDaysAgo: fc.option(fc.integer({ min: 0, max: 20 })),
      lost: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), fc.integer({ min: 1, max: 10 }), (rows, days) => {
        const cands = rows.map((r) =>
          candidate({
            groupId: r.groupId,
            admitted: r.admitted,
            enrollment: r.enrollment,
            lost: r.lost,
            lastReachedAt: r.reachedDaysAgo === null ? null : ago(r.reachedDaysAgo),
          }),
        );
        const board = lostContactBoard(cands, NOW, days, 4);
        const expected = cands.filter((c) => inPlay(c, 4) && !c.lost && outOfContact(c.lastReachedAt, NOW, days));
        return (
          board.total === expected.length && board.groups.reduce((n, g) => n + g.candidates.length, 0) === board.total
        );
      }),
    );
  });
});

describe("strikePolicyOf", () => {
  it("reads a valid stored value and falls back otherwise", () => {
    expect(strikePolicyOf(undefined)).toEqual(DEFAULT_STRIKE_POLICY);
    expect(strikePolicyOf({ lostContactDays: 5 })).toEqual({ lostContactDays: 5 });
    expect(strikePolicyOf({ lostContactDays: 0 })).toEqual(DEFAULT_STRIKE_POLICY);
  });
});

describe("boardTakeReason", () => {
  it.each([
    ["UNREACHABLE_PHONE_OFF", "PENDING", "PHONE_OFF"],
    ["UNREACHABLE_SUSPENDED", "PENDING", "SUSPENDED"],
    ["UNREACHABLE_WRONG_NUMBER", "NOT_ENROLLED", "WRONG_NUMBER"],
    ["UNREACHABLE_REFUSED", "PENDING", "REFUSED"],
    ["NOT_ENROLLED", "NOT_ENROLLED", "NOT_ENROLLED"],
    [null, "NOT_ENROLLED", "NOT_ENROLLED"],
    ["CONSULTED", "PENDING", "OTHER"],
    [null, "PENDING", "OTHER"],
  ] as const)("last result %s, enrollment %s -> %s", (lastOutcome, enrollment, expected) => {
    expect(boardTakeReason({ lastOutcome, enrollment })).toBe(expected);
  });
});
