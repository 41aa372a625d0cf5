import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import {
  drawSample,
  recordFinding,
  recordVerdict,
  revealPhoneForInspection,
  setFindingFollowUp,
} from "@/app/(app)/inspection/actions";
import { db } from "@/lib/db";
import { DEFAULT_INSPECTION_POLICY } from "@/lib/inspection/policy";
import { findingsWithEffects } from "@/lib/inspection/queries";
import { drawWeeklySample } from "@/lib/inspection/sample";
import { loadPayoutInput, projectPayouts } from "@/lib/payouts";
import { computePayouts } from "@/lib/subsidy";
import { toDateColumn, Week } from "@/lib/time";
import { createCandidate } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture, HOUR, warmPool } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// Last week (Beijing), so the logs are in the past whatever day the tests run on.
const WEEK = Week.shift(Week.of(new Date()), -1);
const { from } = Week.range(WEEK);
/** Tuesday of that week, 10:00 Beijing, plus `minutes` */
const tuesdayAt = (minutes: number) => new Date(from.getTime() + 24 * HOUR + 10 * HOUR + minutes * 60_000);

/**
 * Caller A earns a subsidy: 24 of 25 admitted candidates enrolled (96.0 % -> 70 yuan + 10 steps x 0.50 =
 * 75.00 yuan each) with the workload met (100 contacts, 500 minutes for 25 candidates). Caller B has 3
 * logs in the week and no admitted candidate.
 */
async function moneyFixture() {
  const fx = await buildCallsFixture({ openPhase: 4 });
  for (let i = 0; i < 24; i++) {
    await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      assignedCallerId: fx.users.callerA.id,
      admitted: true,
      // on the 报到 list: what payouts count
      enrollment: "ENROLLED",
      enrollmentRecord: "LIST",
    });
  }
  const logs = (callerId: string, candidateId: string, count: number, seconds: number) =>
    Array.from({ length: count }, (_, i) => ({
      campaignId: fx.campaign.id,
      candidateId,
      callerId,
      phase: 4,
      channel: "PHONE" as const,
      startedAt: tuesdayAt(i * 7),
      durationSeconds: seconds,
      outcome: "CONSULTED",
      notes: `第${i}次`,
      idempotencyKey: randomUUID(),
    }));
  await db().contactLog.createMany({
    data: [
      ...logs(fx.users.callerA.id, fx.candidateA.id, 100, 300),
      ...logs(fx.users.callerB.id, fx.candidateB.id, 3, 200),
    ],
  });
  return fx;
}

const callerTotal = async (fx: CallsFixture, callerId: string) => {
  const { result } = await projectPayouts(db(), fx.campaign.id);
  const payout = result.callers.find((c) => c.callerId === callerId);
  return (payout?.subsidyFen ?? 0) + (payout?.overtimeFen ?? 0);
};

describe("the weekly sample", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await moneyFixture();
    signInAs(fx.users.inspector);
  });

  it("draws from every caller who logged that week, records it with its seed, and can be re-run from the seed", async () => {
    const result = await drawSample({ week: WEEK, seed: "feedbeef" });
    // caller A: 5 % of 100 = 5; caller B: the minimum of 2 of their 3
    expect(result).toMatchObject({ ok: true, data: { seed: "feedbeef", drawn: 7, callers: 2 } });
    const rows = await db().inspection.findMany({
      where: { campaignId: fx.campaign.id },
      include: { contactLog: { select: { callerId: true } } },
    });
    expect(rows).toHaveLength(7);
    expect(rows.every((r) => r.reason === "SAMPLE" && r.sampleSeed === "feedbeef")).toBe(true);
    expect(rows.every((r) => r.weekStart.getTime() === toDateColumn(WEEK).getTime())).toBe(true);
    expect(rows.filter((r) => r.contactLog.callerId === fx.users.callerB.id)).toHaveLength(2);

    // reproducible: the pure draw on the same logs and seed picks exactly these
    const population = await db().contactLog.findMany({
      where: { campaignId: fx.campaign.id },
      select: { id: true, callerId: true },
    });
    const again = drawWeeklySample(population, "feedbeef", DEFAULT_INSPECTION_POLICY).flatMap((d) => d.picked);
    expect(rows.map((r) => r.contactLogId).sort()).toEqual(again.sort());
    expect(await auditCount(fx, { action: "inspection.draw" })).toBe(1);
  });

  it("never samples a log twice in a week: a second draw takes other logs, and the key refuses duplicates", async () => {
    expect((await drawSample({ week: WEEK, seed: "one" })).ok).toBe(true);
    expect((await drawSample({ week: WEEK, seed: "two" })).ok).toBe(true);
    const rows = await db().inspection.findMany({ where: { campaignId: fx.campaign.id } });
    expect(new Set(rows.map((r) => r.contactLogId)).size).toBe(rows.length);
    // caller B has 3 logs: 2 in the first draw, the last one in the second
    await expect(
      db().inspection.create({
        data: {
          campaignId: fx.campaign.id,
          contactLogId: rows[0]?.contactLogId as string,
          reason: "SAMPLE",
          weekStart: toDateColumn(WEEK),
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("lets one of two simultaneous draws with the same seed through; the other changes nothing", async () => {
    await warmPool();
    const results = await Promise.all([
      drawSample({ week: WEEK, seed: "same" }),
      drawSample({ week: WEEK, seed: "same" }),
    ]);
    const ok = results.filter((r) => r.ok);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const rows = await db().inspection.findMany({ where: { campaignId: fx.campaign.id } });
    expect(new Set(rows.map((r) => r.contactLogId)).size).toBe(rows.length);
  });

  it.each([
    [
      "a Tuesday",
      { week: Week.shift(WEEK, 0).replace(/-(\d\d)$/, (_, d) => `-${String(Number(d) + 1).padStart(2, "0")}`) },
    ],
    ["a week that has not begun", { week: Week.shift(WEEK, 3) }],
    ["a seed with spaces", { week: WEEK, seed: "a b" }],
    ["an extra field", { week: WEEK, reason: "SUSPICIOUS" }],
  ])("refuses %s in Chinese and draws nothing", async (_, input) => {
    const result = await drawSample(input);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(result.error).toMatch(/[\u4e00-\u9fff]/);
    expect(await db().inspection.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });

  it("says so when the week has nothing left to draw", async () => {
    const empty = Week.shift(WEEK, -5);
    const result = await drawSample({ week: empty });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { week: ["这一周没有尚未抽查的回访记录。"] },
    });
  });
});

describe("verdicts and findings", () => {
  let fx: CallsFixture;
  let sampledLogId: string;
  let inspectionId: string;

  beforeEach(async () => {
    fx = await moneyFixture();
    signInAs(fx.users.inspector);
    await drawSample({ week: WEEK, seed: "abc" });
    const sampled = await db().inspection.findFirstOrThrow({
      where: { campaignId: fx.campaign.id, contactLog: { callerId: fx.users.callerA.id } },
    });
    sampledLogId = sampled.contactLogId;
    inspectionId = sampled.id;
  });

  it("records a verdict with evidence on a sampled log, with one audit row", async () => {
    const result = await recordVerdict({
      logId: sampledLogId,
      verdict: "FALSE",
      evidence: "回拨家长，称当天未接到电话",
    });
    expect(result).toMatchObject({ ok: true, data: { inspectionId, verdict: "FALSE" } });
    expect(await db().inspection.findUniqueOrThrow({ where: { id: inspectionId } })).toMatchObject({
      verdict: "FALSE",
      evidence: "回拨家长，称当天未接到电话",
      inspectorId: fx.users.inspector.id,
    });
    expect(await auditCount(fx, { action: "inspection.verdict", entityId: inspectionId })).toBe(1);
  });

  it("asks for evidence before a doubtful or false verdict", async () => {
    const result = await recordVerdict({ logId: sampledLogId, verdict: "DOUBTFUL" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["evidence"]);
    expect((await db().inspection.findUniqueOrThrow({ where: { id: inspectionId } })).verdict).toBeNull();
  });

  it("refuses a verdict on a log neither sampled nor flagged", async () => {
    const sampled = new Set(
      (await db().inspection.findMany({ select: { contactLogId: true } })).map((i) => i.contactLogId),
    );
    const other = await db().contactLog.findFirstOrThrow({
      where: { campaignId: fx.campaign.id, id: { notIn: [...sampled] } },
    });
    const result = await recordVerdict({ logId: other.id, verdict: "CONFIRMED" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().inspection.count({ where: { contactLogId: other.id } })).toBe(0);
  });

  it("judges a log a rule flags (a reached call logged with 0 s) as a suspicious inspection", async () => {
    const log = await db().contactLog.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateB.id,
        callerId: fx.users.callerB.id,
        phase: 4,
        channel: "PHONE",
        startedAt: tuesdayAt(30),
        durationSeconds: 0,
        outcome: "WILL_COME",
        idempotencyKey: randomUUID(),
      },
    });
    const result = await recordVerdict({ logId: log.id, verdict: "DOUBTFUL", evidence: "时长为 0，待回拨核实" });
    expect(result.ok).toBe(true);
    expect(await db().inspection.findFirstOrThrow({ where: { contactLogId: log.id } })).toMatchObject({
      reason: "SUSPICIOUS",
      rule: "ZERO_DURATION",
      verdict: "DOUBTFUL",
    });
  });

  it("shows the inspector the candidate's number of a sampled log, audited", async () => {
    const result = await revealPhoneForInspection({ logId: sampledLogId, index: 1 });
    expect(result).toMatchObject({ ok: true, data: { phone: "13933334444" } });
    expect(await auditCount(fx, { action: "inspection.revealPhone", entityId: fx.candidateA.id })).toBe(1);
  });

  it("a false record's finding lowers the caller's payout exactly as lib/subsidy computes it", async () => {
    const before = await callerTotal(fx, fx.users.callerA.id);
    // hand-computed: 24 enrolled x 75.00 yuan = 1,800.00 yuan
    expect(before).toBe(180_000);

    await recordVerdict({ logId: sampledLogId, verdict: "FALSE", evidence: "家长称没有接到电话" });
    const result = await recordFinding({
      inspectionId,
      kind: "FAKE_CALLBACK",
      deductionPercent: "30",
      description: "记录的通话不存在",
      correctionDeadline: "2099-01-31",
    });
    expect(result.ok).toBe(true);
    const finding = await db().finding.findFirstOrThrow({ where: { inspectionId } });
    expect(finding).toMatchObject({
      callerId: fx.users.callerA.id,
      inspectorId: fx.users.inspector.id,
      kind: "FAKE_CALLBACK",
      deductionPercent: 30,
      corrected: null,
    });
    expect(finding.correctionDeadline?.toISOString()).toBe("2099-01-31T15:59:59.000Z");

    // the same inputs, with the fraud percentage set by hand, through lib/subsidy
    const { input, policy } = await loadPayoutInput(db(), fx.campaign.id);
    const expected = computePayouts(
      {
        ...input,
        callers: input.callers.map((c) => (c.callerId === fx.users.callerA.id ? { ...c, fraudPercent: 30 } : c)),
      },
      policy,
    ).callers.find((c) => c.callerId === fx.users.callerA.id);
    const after = await callerTotal(fx, fx.users.callerA.id);
    expect(after).toBe((expected?.subsidyFen ?? -1) + (expected?.overtimeFen ?? -1));
    // hand-computed: 1,800.00 yuan x 70 % = 1,260.00 yuan
    expect(after).toBe(126_000);

    // and the findings page shows it
    const { findings } = await findingsWithEffects(fx.campaign.id);
    expect(findings[0]?.effect).toMatchObject({ beforeFen: 180_000, afterFen: 126_000 });
  });

  it("a 误退 finding halves the caller's subsidy (the policy's 50 %)", async () => {
    const result = await recordFinding({
      callerId: fx.users.callerA.id,
      kind: "MISTAKEN_WITHDRAWAL",
      description: "退档材料不全导致误退",
    });
    expect(result.ok).toBe(true);
    expect(await callerTotal(fx, fx.users.callerA.id)).toBe(90_000);
  });

  it.each([
    [
      "a finding from a log not judged false",
      () => ({ inspectionId: "__ID__", kind: "FRAUD", deductionPercent: "50", description: "x" }),
    ],
    ["fraud below 20 %", () => ({ callerId: "__A__", kind: "FRAUD", deductionPercent: "10", description: "x" })],
    ["fraud without a percentage", () => ({ callerId: "__A__", kind: "FRAUD", description: "x" })],
    [
      "a percentage on 误退",
      () => ({ callerId: "__A__", kind: "MISTAKEN_WITHDRAWAL", deductionPercent: "50", description: "x" }),
    ],
    ["no description", () => ({ callerId: "__A__", kind: "FALSE_PROMISE", description: "  " })],
    [
      "a deadline in the past",
      () => ({ callerId: "__A__", kind: "FALSE_PROMISE", description: "x", correctionDeadline: "2001-01-01" }),
    ],
    ["someone outside the groups", () => ({ callerId: "__INSPECTOR__", kind: "FALSE_PROMISE", description: "x" })],
    ["an extra field", () => ({ callerId: "__A__", kind: "FALSE_PROMISE", description: "x", inspectorId: "me" })],
  ])("refuses %s with a Chinese message and records nothing", async (_, build) => {
    const input = JSON.parse(
      JSON.stringify(build())
        .replace("__ID__", inspectionId)
        .replace("__A__", fx.users.callerA.id)
        .replace("__INSPECTOR__", fx.users.inspector.id),
    );
    const result = await recordFinding(input);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(JSON.stringify(result)).toMatch(/[\u4e00-\u9fff]/);
    expect(await db().finding.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
    expect(await callerTotal(fx, fx.users.callerA.id)).toBe(180_000);
  });

  it("refuses the same finding twice from one record, and locks the verdict once a finding rests on it", async () => {
    await recordVerdict({ logId: sampledLogId, verdict: "FALSE", evidence: "不实" });
    const finding = { inspectionId, kind: "FRAUD", deductionPercent: "20", description: "弄虚作假" };
    expect((await recordFinding(finding)).ok).toBe(true);
    expect(await recordFinding(finding)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await recordVerdict({ logId: sampledLogId, verdict: "CONFIRMED" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await db().finding.count({ where: { inspectionId } })).toBe(1);
  });

  it("records the follow-up: corrected or not", async () => {
    await recordFinding({ callerId: fx.users.callerA.id, kind: "FALSE_PROMISE", description: "承诺保证分到热门专业" });
    const finding = await db().finding.findFirstOrThrow({ where: { campaignId: fx.campaign.id } });
    expect(await setFindingFollowUp({ findingId: finding.id, corrected: "true" })).toMatchObject({ ok: true });
    expect((await db().finding.findUniqueOrThrow({ where: { id: finding.id } })).corrected).toBe(true);
    expect(await setFindingFollowUp({ findingId: finding.id, corrected: "false" })).toMatchObject({ ok: true });
    expect((await db().finding.findUniqueOrThrow({ where: { id: finding.id } })).corrected).toBe(false);
    expect(await auditCount(fx, { action: "finding.followUp" })).toBe(2);
  });
});
