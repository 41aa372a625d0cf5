// The demo's inspection and strike-team material, added after the campaign: applicants waiting for the
// qualification review, a sample drawn two weeks ago with verdicts and a finding, a few logs this week
// that the suspicious-log rules catch, and regretting / no-show candidates forwarded to the strike team.
// Deterministic: fixed names, seeds and times relative to `now`. No finding here costs money, so the
// demo's payout figures are those of the campaign itself.

import { randomUUID } from "node:crypto";
import { addHours } from "date-fns";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { DEFAULT_INSPECTION_POLICY } from "@/lib/inspection/policy";
import { drawWeeklySample } from "@/lib/inspection/sample";
import { recordAssessment } from "@/lib/staff/assessment";
import { addDaysToDay, atBeijingClock, beijingDay, HOUR_MS, toDateColumn, Week } from "@/lib/time";
import { importDemoStaffList, reviewDemoApplicant } from "./demo-people";

export async function seedInspectionDemo(prisma: PrismaClient, campaignId: string, now: Date) {
  const login = (l: string) => prisma.user.findUniqueOrThrow({ where: { login: l } });
  const inspector = await login("inspector02");

  // --- the qualification review: three applicants waiting, one turned down ---------------------
  const applicants = [
    { login: "applicant01", name: "林晓雨", source: "VOLUNTEER" },
    { login: "applicant02", name: "周子豪", source: "STUDENT" },
    { login: "applicant03", name: "郑可欣", source: "RECOMMENDED" },
    { login: "applicant04", name: "韩志强", source: "VOLUNTEER" },
  ] as const;
  // they applied on the staff list; the inspection team turned the fourth down
  await importDemoStaffList(
    prisma,
    campaignId,
    applicants.map((a, i) => ({ ...a, roles: ["CALLER"], phone: `1390000100${i + 1}` })),
    "补充报名名单.xlsx",
    addHours(now, -72),
  );
  for (const [i, a] of applicants.entries()) {
    const rejected = i === 3;
    const profile = await prisma.staffProfile.findFirstOrThrow({
      where: { campaignId, user: { login: a.login } },
      select: { id: true },
    });
    if (rejected) {
      await reviewDemoApplicant(
        prisma,
        { login: inspector.login },
        profile.id,
        { decision: "REJECTED", reason: "培训考核未通过（62 分），不进入回访人员库" },
        addHours(now, -30),
      );
    }
    // the first applicant attended all six modules and passed; the others the policy one; one failed
    // (and so left the pool): through the functions the actions use (lib/staff/training, assessment)
    const sessions = await prisma.trainingSession.findMany({
      where: { campaignId, ...(i === 0 ? {} : { topic: "POLICY" }) },
      select: { id: true },
    });
    await prisma.trainingAttendance.createMany({
      data: sessions.map((s) => ({ sessionId: s.id, staffProfileId: profile.id })),
    });
    if (i === 0 || rejected) {
      await recordAssessment(prisma, {
        campaignId,
        profileId: profile.id,
        kind: "EXAM",
        heldOn: beijingDay(addHours(now, -48)),
        score: rejected ? 62 : 88,
        passed: !rejected,
        note: null,
        recordedById: inspector.id,
        handBackReason: translatorFor("zh-CN")("training.stored.assessmentFailed"),
        now,
      });
    }
  }

  // --- two weeks ago: the weekly sample, checked -------------------------------------------------
  const week = Week.shift(Week.of(now), -2);
  const { from, to } = Week.range(week);
  const weekLogs = await prisma.contactLog.findMany({
    where: { campaignId, startedAt: { gte: from, lt: to } },
    select: { id: true, callerId: true },
  });
  const seed = "5eed2024";
  const drawnAt = atBeijingClock(Week.shift(week, 1), 9); // the Monday after, 9:00 Beijing
  const picked = drawWeeklySample(weekLogs, seed, DEFAULT_INSPECTION_POLICY).flatMap((d) => d.picked);
  await prisma.inspection.createMany({
    data: picked.map((contactLogId) => ({
      campaignId,
      contactLogId,
      reason: "SAMPLE" as const,
      weekStart: toDateColumn(week),
      sampleSeed: seed,
      createdAt: drawnAt,
    })),
  });
  const checked = await prisma.inspection.findMany({
    where: { campaignId, weekStart: toDateColumn(week) },
    orderBy: { contactLogId: "asc" },
    take: 12,
    include: { contactLog: { select: { callerId: true } } },
  });
  const checkedAt = new Date(drawnAt.getTime() + 26 * HOUR_MS);
  for (const [i, inspection] of checked.entries()) {
    const verdict = i === 10 ? "DOUBTFUL" : i === 11 ? "FALSE" : "CONFIRMED";
    await prisma.inspection.update({
      where: { id: inspection.id },
      data: {
        verdict,
        inspectorId: inspector.id,
        checkedAt,
        evidence:
          verdict === "DOUBTFUL"
            ? "回拨两次未接通，待家长回电核实"
            : verdict === "FALSE"
              ? "回拨家长核实：回访人员承诺“保证调到热门专业”，与招生政策不符"
              : null,
      },
    });
    if (verdict === "FALSE") {
      await prisma.finding.create({
        data: {
          campaignId,
          inspectionId: inspection.id,
          callerId: inspection.contactLog.callerId,
          inspectorId: inspector.id,
          kind: "FALSE_PROMISE",
          description: "向家长承诺“保证调到热门专业”，属违规承诺。已要求回访人员致电家长更正说明。",
          correctionDeadline: addHours(now, 72),
        },
      });
    }
  }

  // --- this week: records the suspicious-log rules catch (caller07) -----------------------------
  const caller = await login("caller07");
  const theirs = await prisma.candidate.findMany({
    where: { campaignId, assignedCallerId: caller.id, admitted: true },
    orderBy: { examNo: "asc" },
    take: 6,
    select: { id: true },
  });
  const c = (i: number) => (theirs[i % theirs.length] as { id: string }).id;
  // the last 23:10 Beijing before now
  let late = atBeijingClock(beijingDay(now), 23, 10);
  if (late > now) late = atBeijingClock(addDaysToDay(beijingDay(now), -1), 23, 10);
  const minute = new Date(Math.floor((now.getTime() - 2 * HOUR_MS) / 60_000) * 60_000);
  const copied = "家长说孩子已经决定来报到了，会准时到校";
  const planted: Omit<Prisma.ContactLogCreateManyInput, "campaignId" | "callerId" | "phase" | "idempotencyKey">[] = [
    { candidateId: c(0), channel: "PHONE", startedAt: addHours(now, -3), durationSeconds: 0, outcome: "CONSULTED" },
    ...[0, 20, 40].map((s, i) => ({
      candidateId: c(i + 1),
      channel: "WECHAT" as const,
      startedAt: new Date(minute.getTime() + s * 1000),
      durationSeconds: 60,
      outcome: "CONSULTED",
    })),
    { candidateId: c(4), channel: "PHONE", startedAt: late, durationSeconds: 240, outcome: "CONSULTED" },
    ...[5, 6, 7].map((h, i) => ({
      candidateId: c(i),
      channel: "WECHAT" as const,
      startedAt: addHours(now, -h),
      durationSeconds: 120,
      outcome: "CONSULTED",
      notes: copied,
    })),
    {
      candidateId: c(5),
      channel: "PHONE",
      startedAt: addHours(now, -10),
      durationSeconds: 15,
      outcome: "UNREACHABLE_WRONG_NUMBER",
    },
    { candidateId: c(5), channel: "PHONE", startedAt: addHours(now, -9), durationSeconds: 300, outcome: "CONSULTED" },
  ];
  await prisma.contactLog.createMany({
    data: planted.map((log) => ({
      ...log,
      campaignId,
      callerId: caller.id,
      phase: 4,
      idempotencyKey: randomUUID(),
      createdAt: new Date((log.startedAt as Date).getTime() + 5 * 60_000),
    })),
  });

  // --- the strike team: a regret and a no-show forwarded by their leaders ------------------------
  const wontCome = await prisma.candidate.findMany({
    where: {
      campaignId,
      admitted: true,
      comeIntent: "WILL_NOT_COME",
      enrollment: { not: "ENROLLED" },
      escalations: { none: {} },
      assignedCaller: { login: { notIn: ["caller01", "caller07"] } },
    },
    orderBy: { examNo: "asc" },
    take: 2,
    select: { id: true, assignedCallerId: true },
  });
  for (const [i, candidate] of wontCome.entries()) {
    await prisma.escalation.create({
      data: {
        campaignId,
        candidateId: candidate.id,
        reason: i === 0 ? "REGRETTED" : "WILL_NOT_COME",
        fromUserId: candidate.assignedCallerId as string,
        toTeam: "STRIKE",
        status: "FORWARDED",
        createdAt: addHours(now, -30 - i * 20),
      },
    });
  }
}
