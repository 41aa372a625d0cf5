import { describe, expect, it } from "vitest";
import { campaignFigures, campaignGroups, groupCallers, groupFunnel, myProgress } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { createCandidate } from "@/prisma/seed/factories";
import { buildCallsFixture } from "../support/calls-fixtures";

// A caller's card shows their claimed and their confirmed 报到 side by side, each with what it would pay:
// a claim raises the claimed projection at once and the confirmed one only once the record shows it.

describe("myProgress: claimed and confirmed", () => {
  it("counts a claim as claimed until the record confirms it, and names the findings that deduct", async () => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    // caller A holds the fixture's candidate and nine more, all admitted, none enrolled yet
    const mine = [fx.candidateA];
    for (let i = 0; i < 9; i++) {
      mine.push(
        await createCandidate(db(), {
          campaignId: fx.campaign.id,
          groupId: fx.groupA.id,
          assignedCallerId: fx.users.callerA.id,
          creditCallerId: fx.users.callerA.id,
          admitted: true,
          enrollment: "ENROLLED",
          ...(i < 5 ? { enrollmentRecord: "LIST" as const } : {}),
        }),
      );
    }
    const before = await myProgress(fx.campaign, fx.users.callerA.id);
    expect(before?.claimed).toMatchObject({ enrolled: 9, ratePermille: 900 });
    expect(before?.confirmed).toMatchObject({ enrolled: 5, ratePermille: 500 });
    // both below the basic task (93 %): no tier yet either way
    expect(before?.confirmed.subsidyFen).toBe(0);
    expect(before?.deductions).toEqual([]);

    // the caller logs 已报到 for the last one: the claimed projection rises, the confirmed does not
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { enrollment: "ENROLLED" } });
    const claimed = await myProgress(fx.campaign, fx.users.callerA.id);
    expect(claimed?.claimed).toMatchObject({ enrolled: 10, ratePermille: 1000 });
    expect(claimed?.claimed.subsidyFen).toBeGreaterThan(before?.claimed.subsidyFen ?? 0);
    expect(claimed?.confirmed).toEqual(before?.confirmed);

    // the record catches up with every claim: both figures agree
    await db().candidate.updateMany({
      where: { id: { in: mine.map((c) => c.id) } },
      data: { enrollmentRecord: "LIST" },
    });
    const recorded = await myProgress(fx.campaign, fx.users.callerA.id);
    expect(recorded?.confirmed).toEqual(recorded?.claimed);

    // a finding of 玩忽职守 at 20 %: named on the card, and both projections are lower by it
    await db().finding.create({
      data: {
        campaignId: fx.campaign.id,
        callerId: fx.users.callerA.id,
        inspectorId: fx.users.inspector.id,
        kind: "DERELICTION",
        deductionPercent: 20,
        description: "未按要求回访",
      },
    });
    const fined = await myProgress(fx.campaign, fx.users.callerA.id);
    expect(fined?.deductions).toMatchObject([{ kind: "DERELICTION", percent: 20 }]);
    expect(fined?.confirmed.subsidyFen).toBe(Math.round(((recorded?.confirmed.subsidyFen ?? 0) * 80) / 100));
  });

  it("shows the group and campaign dashboards claimed and confirmed side by side", async () => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    for (const [enrollment, enrollmentRecord] of [
      ["ENROLLED", "LIST"],
      ["ENROLLED", null],
      ["PENDING", "DATA_TEAM"],
    ] as const) {
      await createCandidate(db(), {
        campaignId: fx.campaign.id,
        groupId: fx.groupA.id,
        assignedCallerId: fx.users.callerA.id,
        admitted: true,
        enrollment,
        enrollmentRecord,
      });
    }
    // group A: the fixture's candidate and three more admitted; two claimed, two recorded
    expect(await groupFunnel(fx.campaign.id, fx.groupA.id)).toMatchObject({ admitted: 4, enrolled: 2, confirmed: 2 });
    const { groups } = await campaignGroups(fx.campaign.id, new Date());
    expect(groups.map((g) => [g.name, g.enrolled, g.confirmed])).toEqual([
      [fx.groupA.name, 2, 2],
      [fx.groupB.name, 0, 0],
    ]);
    expect(await campaignFigures(fx.campaign)).toMatchObject({
      admitted: 5,
      enrolled: 2,
      confirmed: 2,
      confirmedRatePermille: 400,
    });
    const rows = await groupCallers(fx.campaign.id, { id: fx.groupA.id, leaderId: fx.users.leaderA.id }, new Date());
    expect(rows.find((r) => r.callerId === fx.users.callerA.id)).toMatchObject({ enrolled: 2, confirmed: 2 });
  });
});
