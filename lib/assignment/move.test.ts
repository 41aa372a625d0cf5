import { describe, expect, it } from "vitest";
import { creditAfterMove, type MoveCause, moveNeedsReason } from "./move";

// README "Fair attribution": the credit follows the holder until admission; after it only leave, a
// failed assessment and a finding carry it.
describe("creditAfterMove", () => {
  const cases: {
    admitted: boolean;
    credit: string | null;
    cause: MoveCause;
    to: string;
    expected: { creditCallerId: string; kept: boolean };
    needsReason: boolean;
  }[] = [
    {
      admitted: false,
      credit: "a",
      cause: "MOVE",
      to: "b",
      expected: { creditCallerId: "b", kept: false },
      needsReason: false,
    },
    {
      admitted: false,
      credit: null,
      cause: "MOVE",
      to: "b",
      expected: { creditCallerId: "b", kept: false },
      needsReason: false,
    },
    {
      admitted: true,
      credit: "a",
      cause: "MOVE",
      to: "b",
      expected: { creditCallerId: "a", kept: true },
      needsReason: true,
    },
    {
      admitted: true,
      credit: "a",
      cause: "MOVE",
      to: "a",
      expected: { creditCallerId: "a", kept: false },
      needsReason: true,
    },
    {
      admitted: true,
      credit: "a",
      cause: "RELEASE",
      to: "b",
      expected: { creditCallerId: "a", kept: true },
      needsReason: true,
    },
    {
      admitted: true,
      credit: "a",
      cause: "LEAVE",
      to: "b",
      expected: { creditCallerId: "b", kept: false },
      needsReason: false,
    },
    {
      admitted: true,
      credit: "a",
      cause: "ASSESSMENT",
      to: "b",
      expected: { creditCallerId: "b", kept: false },
      needsReason: false,
    },
    {
      admitted: true,
      credit: "a",
      cause: "FINDING",
      to: "b",
      expected: { creditCallerId: "b", kept: false },
      needsReason: false,
    },
    // admitted while nobody held them: the first caller to take them gets the credit
    {
      admitted: true,
      credit: null,
      cause: "MOVE",
      to: "b",
      expected: { creditCallerId: "b", kept: false },
      needsReason: true,
    },
  ];
  for (const c of cases) {
    it(`${c.admitted ? "admitted" : "not admitted"}, credit ${c.credit ?? "none"}, ${c.cause} to ${c.to}`, () => {
      expect(creditAfterMove({ admitted: c.admitted, creditCallerId: c.credit }, c.to, c.cause)).toEqual(c.expected);
      expect(moveNeedsReason({ admitted: c.admitted }, c.cause)).toBe(c.needsReason);
    });
  }
});
