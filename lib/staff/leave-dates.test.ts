import { describe, expect, it } from "vitest";
import { covers, endEarly, type LeaveDays, leaveRequestError, leaveState, movesOnApproval } from "./leave-dates";

const leave = (status: LeaveDays["status"], startsOn = "2024-07-10", endsOn = "2024-07-12"): LeaveDays => ({
  status,
  startsOn,
  endsOn,
});

describe("leaveState and covers: a leave from 07-10 to 07-12", () => {
  it.each([
    ["the day before", leave("APPROVED"), "2024-07-09", "upcoming", false],
    ["its first day", leave("APPROVED"), "2024-07-10", "current", true],
    ["a day inside", leave("APPROVED"), "2024-07-11", "current", true],
    ["its last day", leave("APPROVED"), "2024-07-12", "current", true],
    ["the day after", leave("APPROVED"), "2024-07-13", "over", false],
    [
      "ended early on 07-11 (now ends 07-10)",
      leave("APPROVED", "2024-07-10", "2024-07-10"),
      "2024-07-11",
      "over",
      false,
    ],
    ["refused", leave("REJECTED"), "2024-07-11", "refused", false],
    ["cancelled", leave("CANCELLED"), "2024-07-11", "cancelled", false],
    ["still waiting for the leader", leave("REQUESTED"), "2024-07-11", "requested", false],
  ] as const)("%s", (_, l, day, state, away) => {
    expect(leaveState(l, day)).toBe(state);
    expect(covers(l, day)).toBe(away);
  });
});

describe("leaveRequestError", () => {
  const today = "2024-07-10";
  it.each([
    ["today to tomorrow", "2024-07-10", "2024-07-11", [], null],
    ["one day, later", "2024-07-20", "2024-07-20", [], null],
    ["starting yesterday", "2024-07-09", "2024-07-11", [], "startPast"],
    ["ending before it starts", "2024-07-12", "2024-07-11", [], "endBeforeStart"],
    ["31 days", "2024-07-10", "2024-08-09", [], null],
    ["32 days", "2024-07-10", "2024-08-10", [], "tooLong"],
    [
      "meeting an approved leave",
      "2024-07-11",
      "2024-07-13",
      [leave("APPROVED", "2024-07-13", "2024-07-15")],
      "overlaps",
    ],
    [
      "meeting a waiting request",
      "2024-07-11",
      "2024-07-13",
      [leave("REQUESTED", "2024-07-01", "2024-07-11")],
      "overlaps",
    ],
    ["next to an approved leave", "2024-07-11", "2024-07-12", [leave("APPROVED", "2024-07-13", "2024-07-15")], null],
    ["over a refused one", "2024-07-11", "2024-07-13", [leave("REJECTED", "2024-07-11", "2024-07-13")], null],
    ["over a cancelled one", "2024-07-11", "2024-07-13", [leave("CANCELLED", "2024-07-11", "2024-07-13")], null],
  ] as const)("%s", (_, startsOn, endsOn, others, error) => {
    expect(leaveRequestError({ startsOn, endsOn }, today, others)).toBe(error);
  });
});

describe("endEarly (销假)", () => {
  it.each([
    [
      "running since before today: ends yesterday",
      leave("APPROVED"),
      "2024-07-11",
      { status: "APPROVED", endsOn: "2024-07-10" },
    ],
    ["on its last day: ends yesterday", leave("APPROVED"), "2024-07-12", { status: "APPROVED", endsOn: "2024-07-11" }],
    ["begun today: covers no day, withdrawn", leave("APPROVED"), "2024-07-10", { status: "CANCELLED" }],
    ["still to come: withdrawn", leave("APPROVED"), "2024-07-01", { status: "CANCELLED" }],
    ["already over: nothing to end", leave("APPROVED"), "2024-07-13", null],
    ["refused: nothing to end", leave("REJECTED"), "2024-07-11", null],
    ["waiting: nothing to end (withdraw it instead)", leave("REQUESTED"), "2024-07-11", null],
  ] as const)("%s", (_, l, today, outcome) => {
    expect(endEarly(l, today)).toEqual(outcome);
  });

  it("leaves its holder free on the day it is ended", () => {
    const ended = endEarly(leave("APPROVED"), "2024-07-11");
    if (ended?.status !== "APPROVED") throw new Error("expected an end");
    expect(covers({ ...leave("APPROVED"), endsOn: ended.endsOn }, "2024-07-11")).toBe(false);
    expect(covers({ ...leave("APPROVED"), endsOn: ended.endsOn }, "2024-07-10")).toBe(true);
  });
});

describe("movesOnApproval", () => {
  it.each([
    ["begins today", "2024-07-10", true],
    ["began before", "2024-07-09", true],
    ["begins tomorrow", "2024-07-11", false],
  ] as const)("%s", (_, startsOn, moves) => {
    expect(movesOnApproval({ startsOn }, "2024-07-10")).toBe(moves);
  });
});
