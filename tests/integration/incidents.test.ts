import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openIncident } from "@/lib/incidents/open";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";

describe("openIncident", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
  });

  it("opens a possible impersonation with no reporter: source SYSTEM, status OPEN, the first timeline entry", async () => {
    const at = new Date("2024-07-10T02:00:00Z");
    const { id } = await db().$transaction((tx) =>
      openIncident(tx, {
        campaignId: fx.campaign.id,
        kind: "IMPERSONATION",
        severity: "SERIOUS",
        reportedAt: at,
        title: "疑似冒充：13800000000",
        description: "三个不同地址在24小时内查询了这个号码",
        reporterId: null,
      }),
    );
    const incident = await db().incident.findUniqueOrThrow({ where: { id }, include: { actions: true } });
    expect(incident).toMatchObject({ source: "SYSTEM", reporterId: null, status: "OPEN", version: 1 });
    expect(incident.actions).toEqual([expect.objectContaining({ authorId: null, status: "OPEN", takenAt: at })]);
  });

  it("records a team member's report with the candidates and staff involved", async () => {
    const { id } = await db().$transaction((tx) =>
      openIncident(tx, {
        campaignId: fx.campaign.id,
        kind: "PARENT_COMPLAINT",
        severity: "GENERAL",
        reportedAt: new Date(),
        title: "家长投诉",
        description: "家长反映回访人员态度生硬",
        reporterId: fx.users.inspector.id,
        candidateIds: [fx.candidateA.id, fx.candidateA.id],
        staffIds: [fx.users.callerA.id],
      }),
    );
    const incident = await db().incident.findUniqueOrThrow({
      where: { id },
      include: { candidates: true, staff: true },
    });
    expect(incident.source).toBe("STAFF");
    expect(incident.candidates.map((c) => c.candidateId)).toEqual([fx.candidateA.id]);
    expect(incident.staff.map((s) => s.userId)).toEqual([fx.users.callerA.id]);
  });
});
