import { beforeEach, describe, expect, it } from "vitest";
import { recordFinding } from "@/app/(app)/inspection/actions";
import { recordPatrol } from "@/app/(app)/inspection/patrols/actions";
import { db } from "@/lib/db";
import { patrolList } from "@/lib/inspection/queries";
import { addDaysToDay, beijingDay, fromDateColumn } from "@/lib/time";
import { auditCount, buildCallsFixture, type CallsFixture, personWithRoles } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// 现场巡查 (四(四)2): the inspection team records its visits and raises findings from them through the
// findings' own action, whose rules (kinds, percentages, callers in a group) apply unchanged.

describe("on-site patrols", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 3 });
    signInAs(fx.users.inspector);
  });

  const today = () => beijingDay(new Date());
  const patrol = (over: Record<string, unknown> = {}) =>
    recordPatrol({
      day: today(),
      place: "行政楼三楼回访室",
      present: "甲组回访、甲组组长",
      observations: "甲组回访在电话中向家长承诺“保证录取热门专业”",
      ...over,
    });

  it("records a patrol with its day, place, people and what was seen, audited", async () => {
    const result = await patrol();
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const stored = await db().patrol.findUniqueOrThrow({ where: { id: result.data.patrolId } });
    expect(stored).toMatchObject({
      campaignId: fx.campaign.id,
      recordedById: fx.users.inspector.id,
      place: "行政楼三楼回访室",
      present: "甲组回访、甲组组长",
    });
    expect(fromDateColumn(stored.day)).toBe(today());
    expect(await auditCount(fx, { action: "patrol.create", entityId: stored.id })).toBe(1);
  });

  it.each([
    ["a blank place", { place: "  " }, "place", "请填写巡查地点。"],
    ["nobody present", { present: "" }, "present", "请写下在场人员。"],
    ["nothing seen", { observations: "" }, "observations", "请写下巡查所见情况。"],
    ["a place too long", { place: "回".repeat(101) }, "place", "地点最多 100 字。"],
    ["no real day", { day: "2024-02-30" }, "day", "请填写巡查日期。"],
    ["a day still to come", { day: addDaysToDay(beijingDay(new Date()), 1) }, "day", "巡查日期不能晚于今天。"],
  ])("refuses %s, in Chinese, and writes nothing", async (_label, over, field, message) => {
    const result = await patrol(over);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    expect(await db().patrol.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    expect(await auditCount(fx, { action: "patrol.create" })).toBe(0);
  });

  it("lets the inspection lead record one, and refuses callers, leaders and the admin", async () => {
    signInAs(await personWithRoles(fx, ["INSPECTION_LEAD"]));
    expect(await patrol()).toMatchObject({ ok: true });
    for (const person of [fx.users.callerA, fx.users.leaderA, fx.users.admin]) {
      signInAs(person);
      expect(await patrol({ place: "图书馆" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await db().patrol.count({ where: { campaignId: fx.campaign.id } })).toBe(1);
  });

  it("raises a finding from a patrol with the findings' rules, and lists it under the patrol", async () => {
    const created = await patrol();
    if (!created.ok) throw new Error("patrol refused");
    const { patrolId } = created.data;
    const raised = await recordFinding({
      patrolId,
      callerId: fx.users.callerA.id,
      kind: "FALSE_PROMISE",
      description: "巡查时听到向家长承诺保证录取热门专业",
    });
    expect(raised).toMatchObject({ ok: true });
    const finding = await db().finding.findFirstOrThrow({ where: { campaignId: fx.campaign.id } });
    expect(finding).toMatchObject({ patrolId, inspectionId: null, callerId: fx.users.callerA.id });
    expect(await auditCount(fx, { action: "finding.create", entityId: finding.id })).toBe(1);

    const [listed] = await patrolList(fx.campaign.id);
    expect(listed?.findings).toEqual([
      { id: finding.id, kind: "FALSE_PROMISE", caller: { name: fx.users.callerA.name } },
    ]);

    // the kind's rules hold as for any finding: fraud needs a percentage in the policy's range
    const noPercent = await recordFinding({
      patrolId,
      callerId: fx.users.callerA.id,
      kind: "FRAUD",
      description: "巡查时发现代他人填写记录",
    });
    expect(noPercent).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(JSON.stringify(noPercent)).toContain("请填写扣除比例（20%–100%）。");
  });

  it("refuses a finding naming a patrol that is not the campaign's, or both a checked record and a patrol", async () => {
    const unknown = await recordFinding({
      patrolId: "no-such-patrol",
      callerId: fx.users.callerA.id,
      kind: "FALSE_PROMISE",
      description: "承诺保证录取",
    });
    expect(unknown).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const both = await recordFinding({
      patrolId: "no-such-patrol",
      inspectionId: "some-inspection",
      kind: "FALSE_PROMISE",
      description: "承诺保证录取",
    });
    expect(both).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(JSON.stringify(both)).toContain("不能同时来自两者");
    expect(await db().finding.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });

  it("refuses a finding from a patrol against someone in no group, in Chinese", async () => {
    const created = await patrol();
    if (!created.ok) throw new Error("patrol refused");
    const result = await recordFinding({
      patrolId: created.data.patrolId,
      callerId: fx.users.data.id,
      kind: "FALSE_PROMISE",
      description: "承诺保证录取",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(JSON.stringify(result)).toMatch(/[\u4e00-\u9fff]/);
  });
});
