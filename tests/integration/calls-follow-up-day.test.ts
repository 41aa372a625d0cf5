// "Today" for a caller's follow-ups is the Beijing day, whatever the server's time zone: a follow-up at
// 06:00 Beijing tomorrow (22:00 UTC today) is not due yet on a server that runs in UTC.
import { beforeAll, describe, expect, it } from "vitest";
import { callerWorkload, myCandidates } from "@/lib/calls/queries";
import { db } from "@/lib/db";
import { addDaysToDay, atBeijingClock, beijingDay } from "@/lib/time";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";

const TODAY = beijingDay(new Date());
// 10:00 in Beijing, 02:00 UTC: Beijing's day ends at 16:00 UTC, the UTC day eight hours later
const NOW = atBeijingClock(TODAY, 10);

describe("follow-ups due on the caller's Beijing day", () => {
  let fx: CallsFixture;
  const caller = () => fx.users.callerA;
  const campaign = () =>
    db().campaign.findUniqueOrThrow({ where: { id: fx.campaign.id }, include: { phaseWindows: true } });
  const followUpAt = (at: Date) =>
    db().candidate.update({
      where: { id: fx.candidateA.id },
      data: { lastContactAt: atBeijingClock(addDaysToDay(TODAY, -1), 15), nextFollowUpAt: at },
    });
  const reasonNow = async () => {
    const { rows } = await myCandidates(caller(), await campaign(), { filter: "all" }, NOW);
    return rows.find((r) => r.id === fx.candidateA.id)?.reason;
  };

  beforeAll(async () => {
    fx = await buildCallsFixture({ openPhase: 4, now: NOW });
  });

  it.each([
    ["23:30 Beijing today (15:30 UTC)", true, 0, 23, 30],
    ["06:00 Beijing tomorrow (22:00 UTC today)", false, 1, 6, 0],
  ])("a follow-up at %s, due today: %s", async (_, due, daysAhead, hour, minute) => {
    await followUpAt(atBeijingClock(addDaysToDay(TODAY, daysAhead), hour, minute));
    expect((await reasonNow()) === "FOLLOW_UP_DUE").toBe(due);
    expect((await callerWorkload(caller(), fx.campaign.id, NOW)).followUpDue).toBe(due ? 1 : 0);
  });
});
