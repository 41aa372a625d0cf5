import { describe, expect, it } from "vitest";
import { addIncidentAction, changeIncidentStatus, reportIncident } from "@/app/(app)/inspection/incidents/actions";
import { recordPatrol } from "@/app/(app)/inspection/patrols/actions";
import { db } from "@/lib/db";
import { anonymiseCampaign, previewAnonymise } from "@/lib/retention/anonymise";
import { beijingDateTime, beijingDay } from "@/lib/time";
import { reportImpersonation } from "@/lib/verify/impersonation";
import { buildCallsFixture, HOUR } from "../support/calls-fixtures";
import { makeRetentionDue } from "../support/retention";
import { signInAs } from "../support/session";

/** What the register and the patrols keep for the staff record, whatever retention does to their texts. */
async function staffRecord(campaignId: string) {
  const incidents = await db().incident.findMany({
    where: { campaignId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      kind: true,
      severity: true,
      status: true,
      source: true,
      reporterId: true,
      ownerId: true,
      reportedAt: true,
      closedAt: true,
      candidates: { select: { candidateId: true } },
      staff: { select: { userId: true } },
      actions: { orderBy: { createdAt: "asc" }, select: { id: true, authorId: true, takenAt: true, status: true } },
    },
  });
  const patrols = await db().patrol.findMany({
    where: { campaignId },
    select: { id: true, recordedById: true, day: true, place: true },
  });
  return { incidents, patrols };
}

/** Every text the register and the patrols hold, in one string to search. */
async function allTexts(campaignId: string): Promise<string> {
  const incidents = await db().incident.findMany({ where: { campaignId }, include: { actions: true } });
  const patrols = await db().patrol.findMany({ where: { campaignId } });
  return JSON.stringify({ incidents, patrols });
}

describe("retention: the inspection team's register and patrols", () => {
  it("removes who raised an incident and the candidates and phone numbers in the texts, keeps the record", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    await db().campaign.updateMany({ data: { isCurrent: false } });
    await db().campaign.update({ where: { id: fx.campaign.id }, data: { isCurrent: true } });
    const candidate = fx.candidateA;
    const [phone] = candidate.phones;
    const familyPhone = "13577778888";
    const impersonatorNumber = "02885551234";
    signInAs(fx.users.inspector);

    const reported = await reportIncident({
      kind: "PARENT_COMPLAINT",
      severity: "SERIOUS",
      reportedAt: beijingDateTime(new Date(Date.now() - 2 * HOUR)),
      reportedBy: "考生母亲王秀兰",
      title: `${candidate.name}家长投诉深夜来电`,
      description: `${candidate.name}（考生号 ${candidate.examNo}，电话 ${phone}）的母亲反映回访人员深夜来电`,
      examNos: candidate.examNo,
      staffIds: [fx.users.callerA.id],
      ownerId: "",
    });
    if (!reported.ok) throw new Error(reported.code);
    const { incidentId } = reported.data;
    const noted = await addIncidentAction({
      incidentId,
      version: "1",
      takenAt: beijingDateTime(new Date(Date.now() - HOUR)),
      note: `已回拨家长 138-0000-1234 致歉，另留备用号码 ${familyPhone}`,
    });
    if (!noted.ok) throw new Error(noted.code);
    const closed = await changeIncidentStatus({
      incidentId,
      version: "2",
      status: "CLOSED",
      note: `${candidate.name}家长表示满意`,
    });
    if (!closed.ok) throw new Error(closed.code);

    const impersonationId = await db().$transaction((tx) =>
      reportImpersonation(tx, { campaignId: fx.campaign.id, number: impersonatorNumber, addresses: 3, at: new Date() }),
    );

    const patrolled = await recordPatrol({
      day: beijingDay(new Date()),
      place: "行政楼 301 回访室",
      present: "甲组回访、甲组组长",
      observations: `甲组回访给${candidate.name}打电话时语气生硬，未核对考生号 ${candidate.examNo}`,
    });
    if (!patrolled.ok) throw new Error(patrolled.code);

    const secrets = [
      candidate.name,
      candidate.examNo,
      phone,
      familyPhone,
      "138-0000-1234",
      impersonatorNumber,
      "王秀兰",
    ];
    const textsBefore = await allTexts(fx.campaign.id);
    for (const secret of secrets) expect(textsBefore, secret).toContain(secret);
    const before = await staffRecord(fx.campaign.id);
    expect(before.incidents).toHaveLength(2);
    expect(before.patrols).toHaveLength(1);
    await makeRetentionDue(fx.campaign.id);

    const preview = await previewAnonymise(db(), fx.campaign.id);
    // the complaint (reportedBy, title, description, closing note) and the impersonation (the number);
    // the note with two phone numbers and the closing entry naming the candidate; the patrol
    expect(preview).toMatchObject({ incidentTexts: 2, incidentNotes: 2, patrolTexts: 1 });
    const result = await anonymiseCampaign(db(), fx.campaign.id);
    expect(result.counts).toEqual(preview);

    const texts = await allTexts(fx.campaign.id);
    for (const secret of secrets) expect(texts, secret).not.toContain(secret);
    const complaint = await db().incident.findUniqueOrThrow({ where: { id: incidentId } });
    expect(complaint).toMatchObject({ reportedBy: null, version: 4 });
    expect(complaint.description).toContain("的母亲反映回访人员深夜来电");
    const impersonation = await db().incident.findUniqueOrThrow({ where: { id: impersonationId } });
    expect(impersonation.title).toMatch(/^疑似冒充回访人员：/);
    const patrol = await db().patrol.findFirstOrThrow({ where: { campaignId: fx.campaign.id } });
    expect(patrol.observations).toContain("甲组回访给");
    expect(patrol.present).toBe("甲组回访、甲组组长");

    // kinds, severities, statuses, dates, the staff and the candidates linked all stay
    expect(await staffRecord(fx.campaign.id)).toEqual(before);

    // a second run finds nothing and changes nothing
    const again = await previewAnonymise(db(), fx.campaign.id);
    expect(again).toMatchObject({ incidentTexts: 0, incidentNotes: 0, patrolTexts: 0 });
    const second = await anonymiseCampaign(db(), fx.campaign.id);
    expect(second.changed).toBe(false);
    expect(await allTexts(fx.campaign.id)).toBe(texts);
  });
});
