import { beforeEach, describe, expect, it } from "vitest";
import { addIncidentAction, changeIncidentStatus, reportIncident } from "@/app/(app)/inspection/incidents/actions";
import { db } from "@/lib/db";
import { openIncident } from "@/lib/incidents/open";
import { beijingDateTime } from "@/lib/time";
import { auditCount, buildCallsFixture, type CallsFixture, HOUR, personWithRoles } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

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

describe("the register's actions", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    signInAs(fx.users.inspector);
  });

  const report = (over: Record<string, unknown> = {}) =>
    reportIncident({
      kind: "PARENT_COMPLAINT",
      severity: "SERIOUS",
      reportedAt: beijingDateTime(new Date(Date.now() - HOUR)),
      reportedBy: "考生家长",
      title: "家长投诉回访人员",
      description: "家长反映回访人员多次深夜来电",
      examNos: fx.candidateA.examNo,
      staffIds: [fx.users.callerA.id],
      ownerId: "",
      ...over,
    });

  it("records an incident with its people, its owner and the first entry of its timeline, audited", async () => {
    const result = await report();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const incident = await db().incident.findUniqueOrThrow({
      where: { id: result.data.incidentId },
      include: { candidates: true, staff: true, actions: true },
    });
    expect(incident).toMatchObject({
      status: "OPEN",
      source: "STAFF",
      reporterId: fx.users.inspector.id,
      ownerId: fx.users.inspector.id,
    });
    expect(incident.candidates.map((c) => c.candidateId)).toEqual([fx.candidateA.id]);
    expect(incident.staff.map((s) => s.userId)).toEqual([fx.users.callerA.id]);
    expect(incident.actions).toHaveLength(1);
    expect(await auditCount(fx, { action: "incident.open", entityId: incident.id })).toBe(1);
  });

  it("refuses an unknown exam number, a future time or a missing title, with a sentence, and writes nothing", async () => {
    const before = await db().incident.count({ where: { campaignId: fx.campaign.id } });
    const unknown = await report({ examNos: `${fx.candidateA.examNo} 00000000000000` });
    expect(unknown).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!unknown.ok) expect(unknown.fieldErrors?.examNos?.[0]).toContain("00000000000000");
    const future = await report({ reportedAt: beijingDateTime(new Date(Date.now() + 2 * HOUR)) });
    expect(future).toMatchObject({ ok: false, fieldErrors: { reportedAt: [expect.any(String)] } });
    const untitled = await report({ title: "  " });
    expect(untitled).toMatchObject({ ok: false, fieldErrors: { title: ["请填写标题。"] } });
    expect(await db().incident.count({ where: { campaignId: fx.campaign.id } })).toBe(before);
  });

  it("appends actions, moves to handling, refuses to close without a summary, then closes with it", async () => {
    const opened = await report();
    if (!opened.ok) throw new Error("not opened");
    const incidentId = opened.data.incidentId;
    const added = await addIncidentAction({
      incidentId,
      version: "1",
      takenAt: beijingDateTime(new Date(Date.now() - 30 * 60_000)),
      note: "已电话联系家长致歉",
    });
    expect(added).toMatchObject({ ok: true, data: { version: 2 } });
    const handling = await changeIncidentStatus({ incidentId, version: "2", status: "HANDLING", note: "" });
    expect(handling).toMatchObject({ ok: true, data: { status: "HANDLING", version: 3 } });
    const noSummary = await changeIncidentStatus({ incidentId, version: "3", status: "CLOSED", note: "  " });
    expect(noSummary).toMatchObject({ ok: false, fieldErrors: { note: ["结案须填写结案说明。"] } });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incidentId } })).status).toBe("HANDLING");
    const backwards = await changeIncidentStatus({ incidentId, version: "3", status: "OPEN", note: "x" });
    expect(backwards).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const closed = await changeIncidentStatus({ incidentId, version: "3", status: "CLOSED", note: "家长表示满意" });
    expect(closed).toMatchObject({ ok: true, data: { status: "CLOSED", version: 4 } });
    const incident = await db().incident.findUniqueOrThrow({
      where: { id: incidentId },
      include: { actions: { orderBy: { createdAt: "asc" } } },
    });
    expect(incident).toMatchObject({ status: "CLOSED", closingNote: "家长表示满意", version: 4 });
    expect(incident.closedAt).not.toBeNull();
    expect(incident.actions.map((a) => a.status)).toEqual(["OPEN", null, "HANDLING", "CLOSED"]);
    const afterClose = await addIncidentAction({
      incidentId,
      version: "4",
      takenAt: beijingDateTime(new Date()),
      note: "补记",
    });
    expect(afterClose).toMatchObject({ ok: false, code: "INVALID_INPUT" });
  });

  it("tells the second of two people writing from the same version, and keeps the first's entry only", async () => {
    const opened = await report();
    if (!opened.ok) throw new Error("not opened");
    const incidentId = opened.data.incidentId;
    const lead = await personWithRoles(fx, ["INSPECTION_LEAD"]);
    const first = await addIncidentAction({
      incidentId,
      version: "1",
      takenAt: beijingDateTime(new Date()),
      note: "第一人",
    });
    expect(first.ok).toBe(true);
    signInAs(lead);
    const second = await changeIncidentStatus({ incidentId, version: "1", status: "CLOSED", note: "第二人" });
    expect(second).toMatchObject({ ok: false, code: "STALE" });
    const incident = await db().incident.findUniqueOrThrow({ where: { id: incidentId }, include: { actions: true } });
    expect(incident).toMatchObject({ status: "OPEN", version: 2 });
    expect(incident.actions.map((a) => a.note).sort()).toEqual(["", "第一人"]);
  });

  it("lets admins read but not write, and keeps another campaign's incident out of reach", async () => {
    signInAs(fx.users.admin);
    expect(await report()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(fx.users.inspector);
    const opened = await report();
    if (!opened.ok) throw new Error("not opened");
    await buildCallsFixture({ openPhase: 2 }); // a newer campaign becomes the one in use
    const old = await addIncidentAction({
      incidentId: opened.data.incidentId,
      version: "1",
      takenAt: beijingDateTime(new Date()),
      note: "旧批次",
    });
    expect(old).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
