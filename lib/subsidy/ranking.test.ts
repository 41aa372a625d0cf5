import { describe, expect, it } from "vitest";
import { findBottomRanking } from "./ranking";
import type { CallerInput } from "./types";

function caller(callerId: string, enrolled: number, admitted: number): CallerInput {
  return { callerId, groupId: "g1", assigned: admitted, admitted, enrolled, contacts: 0, minutes: 0 };
}

const places = (callers: CallerInput[], count: number) => Object.fromEntries(findBottomRanking(callers, count).bottom);

describe("倒数N名: the bottom of the ranking by exact rate", () => {
  it("places each of the N lowest from the bottom, 1 the lowest", () => {
    const callers = [caller("a", 99, 100), caller("b", 90, 100), caller("c", 95, 100), caller("d", 80, 100)];
    expect(places(callers, 2)).toEqual({ d: 1, b: 2 });
    expect(places(callers, 3)).toEqual({ d: 1, b: 2, c: 3 });
  });

  it("gives tied callers one place and takes in everyone tied with the N-th", () => {
    // two at 80 % share place 1; the next one is third, not second, and the tie at the cut comes along
    const callers = [
      caller("a", 8, 10),
      caller("b", 80, 100),
      caller("c", 9, 10),
      caller("d", 90, 100),
      caller("e", 99, 100),
    ];
    expect(places(callers, 3)).toEqual({ a: 1, b: 1, c: 3, d: 3 });
    expect(places(callers, 1)).toEqual({ a: 1, b: 1 });
  });

  it("tells apart rates that floor to the same permille", () => {
    // 956/1000 and 957/1001 both show 95.6 %; the first is lower
    const callers = [caller("high", 957, 1001), caller("low", 956, 1000), caller("top", 99, 100)];
    expect(places(callers, 1)).toEqual({ low: 1 });
    expect(places(callers, 2)).toEqual({ low: 1, high: 2 });
  });

  it("ranks only callers with admitted candidates and counts them", () => {
    const callers = [caller("none", 0, 0), caller("a", 5, 10), caller("b", 10, 10)];
    const ranking = findBottomRanking(callers, 3);
    expect(ranking.rankedCount).toBe(2);
    expect(Object.fromEntries(ranking.bottom)).toEqual({ a: 1, b: 2 });
  });

  it("ranks nobody when the policy's count is 0 or nobody has a rate", () => {
    const callers = [caller("a", 5, 10), caller("b", 10, 10)];
    expect(findBottomRanking(callers, 0)).toEqual({ rankedCount: 2, bottom: new Map() });
    expect(findBottomRanking([caller("none", 0, 0)], 3)).toEqual({ rankedCount: 0, bottom: new Map() });
    expect(findBottomRanking([], 3)).toEqual({ rankedCount: 0, bottom: new Map() });
  });

  it("takes everyone when N is larger than the ranking", () => {
    expect(places([caller("a", 5, 10), caller("b", 10, 10)], 5)).toEqual({ a: 1, b: 2 });
  });
});
