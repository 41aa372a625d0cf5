import { describe, expect, it } from "vitest";
import { ledgerTotals } from "./ledger";

describe("ledgerTotals: every contact on the candidate, and the viewer's own share", () => {
  it.each([
    ["no contact yet", [], { contacts: 0, seconds: 0, mine: { contacts: 0, seconds: 0 } }],
    [
      "only the viewer's",
      [
        { callerId: "me", durationSeconds: 120 },
        { callerId: "me", durationSeconds: 30 },
      ],
      { contacts: 2, seconds: 150, mine: { contacts: 2, seconds: 150 } },
    ],
    [
      // the case seen: the header said 6 次 / 11 分钟 while the strike queue said 7 次，共 20 分钟
      "the strike team's contact counts on the candidate, not as the viewer's",
      [
        { callerId: "me", durationSeconds: 660 },
        { callerId: "striker", durationSeconds: 540 },
      ],
      { contacts: 2, seconds: 1200, mine: { contacts: 1, seconds: 660 } },
    ],
    [
      "a strike member who made none of them",
      [{ callerId: "caller", durationSeconds: 60 }],
      { contacts: 1, seconds: 60, mine: { contacts: 0, seconds: 0 } },
    ],
  ])("%s", (_case, logs, expected) => {
    expect(ledgerTotals(logs, "me")).toEqual(expected);
  });
});
