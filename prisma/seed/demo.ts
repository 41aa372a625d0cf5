// The demo campaign: deterministic (fixed faker seed, dates relative to `now`), sized like the
// source plan (1403 candidates, 8 regional groups of 6 callers) and spread over the four phases so
// every screen has something to show. The 报到 phase is open "today".
import { fakerZH_CN as faker } from "@faker-js/faker";
import { addDays, addMinutes, addSeconds } from "date-fns";
import type { Channel, Role, StaffSource } from "@/generated/prisma/enums";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { recordAssessment } from "@/lib/staff/assessment";
import { recordTrainingSession, TRAINING_TOPICS } from "@/lib/staff/training";
import { smallFile } from "@/lib/storage";
import { atBeijingClock, beijingDay } from "@/lib/time";
import {
  NO_SHOW_REASON_SUGGESTIONS,
  OUTCOMES_BY_PHASE,
  type Phase,
  UNREACHABLE_OUTCOMES,
  WITHDRAWAL_CHECKLIST,
} from "@/lib/workflow";
import { seedInspectionDemo } from "./demo-inspection";
import { type DemoGroupDraft, type DemoPerson, enrolDemoPeople } from "./demo-people";
import { demoFormPhoto } from "./demo-photo";
import { seedDemoScripts } from "./demo-scripts";
import { seedDemoWeekly } from "./demo-weekly";
import { phaseWindowsAround } from "./factories";

export const DEMO_REGIONS = ["成都", "绵阳", "德阳", "南充", "宜宾", "泸州", "达州", "乐山"] as const;
const GROUP_NAMES = ["第一组", "第二组", "第三组", "第四组", "第五组", "第六组", "第七组", "第八组"];
// Share of the 1403 places per region (Chengdu sends the most candidates).
const REGION_WEIGHTS = [0.24, 0.13, 0.12, 0.11, 0.1, 0.1, 0.1, 0.1];
const MAJORS = [
  "大数据技术",
  "软件技术",
  "电子商务",
  "学前教育",
  "护理",
  "旅游管理",
  "会计信息管理",
  "建筑工程技术",
  "数字媒体技术",
  "酒店管理与数字化运营",
];
const SCHOOL_SUFFIXES = ["第一中学", "第二中学", "职业技术学校", "职业中学", "中等专业学校", "实验中学"];
const REGION_CODES = ["0101", "0701", "0601", "1301", "1501", "0501", "1701", "1101"];
/** The instant's calendar date in UTC, "2024-07-15". */
const utcDate = (at: Date) => at.toISOString().slice(0, 10);
/** The contact result a caller records for what a candidate said (phase 2: first choice; phase 3: coming). */
const INTENT_OUTCOME: Record<string, string> = {
  FIRST_CHOICE: "INTENT_FIRST_CHOICE",
  HESITANT: "INTENT_HESITANT",
  NOT_FIRST_CHOICE: "INTENT_NOT_FIRST_CHOICE",
};
const COME_OUTCOME: Record<string, string> = {
  WILL_COME: "WILL_COME",
  HESITANT: "COME_HESITANT",
  WILL_NOT_COME: "WILL_NOT_COME",
};
/**
 * Every member attended the six modules, one a day three weeks ago, and passed the exam with 85: through
 * the functions the training and assessment actions use (lib/staff/training, lib/staff/assessment).
 */
async function seedTrainingAndAssessment(prisma: PrismaClient, campaignId: string, now: Date) {
  const admin = await prisma.user.findUniqueOrThrow({ where: { login: "admin" } });
  const members = await prisma.staffProfile.findMany({ where: { campaignId }, select: { id: true } });
  for (const [i, topic] of TRAINING_TOPICS.entries()) {
    await recordTrainingSession(prisma, {
      campaignId,
      topic,
      heldOn: beijingDay(addDays(now, -21 + i)),
      note: null,
      profileIds: members.map((m) => m.id),
      recordedById: admin.id,
    });
  }
  for (const m of members) {
    await recordAssessment(prisma, {
      campaignId,
      profileId: m.id,
      kind: "EXAM",
      heldOn: beijingDay(addDays(now, -14)),
      score: 85,
      passed: true,
      note: null,
      recordedById: admin.id,
      handBackReason: translatorFor("zh-CN")("training.stored.assessmentFailed"),
      now,
    });
  }
}

/** One login per role, listed in the README. */
export const DEMO_LOGINS: { login: string; role: Role; roles: Role[] }[] = [
  { login: "admin", role: "ADMIN", roles: ["ADMIN"] },
  { login: "data", role: "DATA", roles: ["DATA", "INSPECTOR"] },
  { login: "lead", role: "CALLBACK_LEAD", roles: ["CALLBACK_LEAD", "STRIKE", "INSPECTOR"] },
  { login: "leader01", role: "GROUP_LEADER", roles: ["GROUP_LEADER", "CALLER"] },
  { login: "caller01", role: "CALLER", roles: ["CALLER"] },
  { login: "inspector", role: "INSPECTOR", roles: ["INSPECTOR"] },
  { login: "strike", role: "STRIKE", roles: ["STRIKE"] },
];

const pick = <T>(items: readonly T[]): T => faker.helpers.arrayElement(items);
const chance = (p: number) => faker.number.float({ min: 0, max: 1 }) < p;
const mobile = () => `1${pick(["38", "39", "58", "59", "77", "80", "86", "88", "99"])}${faker.string.numeric(8)}`;

/**
 * The demo's people with their names and mobiles, drawn in the order the demo has always drawn them (so
 * every figure after them stays put): the admin and the teams, then each region's leader and five callers.
 */
function drawDemoPeople(): { admin: DemoPerson; team: DemoPerson[]; groups: DemoGroupDraft[] } {
  const person = (login: string, roles: Role[], source: StaffSource): DemoPerson => ({
    login,
    roles,
    source,
    name: faker.person.fullName(),
    phone: mobile(),
  });
  const [admin, ...leads] = DEMO_LOGINS.filter((d) => !d.roles.includes("CALLER")).map((d) =>
    person(d.login, d.roles, "PRIOR_2023"),
  );
  // the rest of the data team (also inspectors, as in the plan), two more inspectors, two strikers
  const team = [
    ...leads,
    person("data02", ["DATA", "INSPECTOR"], "RECOMMENDED"),
    person("data03", ["DATA", "INSPECTOR"], "RECOMMENDED"),
    person("inspector02", ["INSPECTOR"], "RECOMMENDED"),
    person("inspector03", ["INSPECTOR"], "RECOMMENDED"),
    person("strike02", ["STRIKE"], "EXCELLENT_2023"),
    person("strike03", ["STRIKE"], "EXCELLENT_2023"),
  ];
  let callerNo = 0;
  const groups = DEMO_REGIONS.map((region, index) => {
    const leader = person(`leader${String(index + 1).padStart(2, "0")}`, ["CALLER"], "PRIOR_2023");
    const callers = Array.from({ length: 5 }, () => {
      callerNo += 1;
      const source = pick<StaffSource>(["EXCELLENT_2023", "PRIOR_2023", "VOLUNTEER", "STUDENT", "LEADER_PICK"]);
      return person(`caller${String(callerNo).padStart(2, "0")}`, ["CALLER"], source);
    });
    return { name: `${GROUP_NAMES[index]}（${region}片区）`, region, leader, callers };
  });
  if (!admin) throw new Error("demo: no admin login");
  return { admin, team, groups };
}

export interface DemoSummary {
  campaignId: string;
  users: number;
  candidates: number;
  contactLogs: number;
}

export async function seedDemo(prisma: PrismaClient, now: Date): Promise<DemoSummary> {
  faker.seed(2024);
  const enrolled = await enrolDemoPeople(prisma, { now, windows: phaseWindowsAround(now, 4), ...drawDemoPeople() });
  const { campaign } = enrolled;
  const window = (phase: Phase) => {
    const w = campaign.phaseWindows.find((x) => x.phase === phase);
    if (!w) throw new Error(`phase ${phase} missing`);
    return w;
  };
  const userCount = enrolled.people;
  // groups differ in how well they convert, so the dashboards show both sides of 93% / 95%
  const groups = enrolled.groups.map((g, index) => ({ ...g, quality: 0.9 + index * 0.013 }));
  await seedTrainingAndAssessment(prisma, campaign.id, now);
  await seedDemoScripts(prisma, campaign.id, (await prisma.user.findUniqueOrThrow({ where: { login: "admin" } })).id);

  // --- candidates ------------------------------------------------------------------------------
  const total = 1403;
  const perRegion = REGION_WEIGHTS.map((w) => Math.floor(w * total));
  perRegion[0] = (perRegion[0] ?? 0) + total - perRegion.reduce((a, b) => a + b, 0);
  const candidateRows: Prisma.CandidateCreateManyInput[] = [];
  const plans: { examNo: string; callerId: string; quality: number }[] = [];
  for (const [regionIndex, group] of groups.entries()) {
    const count = perRegion[regionIndex] ?? 0;
    for (let i = 0; i < count; i++) {
      const examNo = `2451${REGION_CODES[regionIndex]}${String(i + 1).padStart(6, "0")}`;
      const callerId = group.callerIds[i % group.callerIds.length] as string;
      const row = demoCandidate(campaign.id, group, callerId, examNo, window(4).opensAt);
      candidateRows.push(row);
      plans.push({ examNo, callerId, quality: group.quality });
    }
  }
  const candidates = await prisma.candidate.createManyAndReturn({
    data: candidateRows,
    select: {
      id: true,
      examNo: true,
      assignedCallerId: true,
      intent: true,
      withdrawal: true,
      admitted: true,
      comeIntent: true,
      enrollment: true,
      groupId: true,
    },
  });
  await prisma.assignment.createMany({
    data: candidates.map((c) => ({
      candidateId: c.id,
      callerId: c.assignedCallerId as string,
      reason: "按片区分配",
      startedAt: window(2).opensAt,
    })),
  });

  // --- contact logs: each candidate's ledger through the phases it has reached ------------------
  const logs: Prisma.ContactLogCreateManyInput[] = [];
  const lastContact = new Map<string, Date>();
  const unreachable: typeof candidates = [];
  for (const c of candidates) {
    const callerId = c.assignedCallerId as string;
    const outcomesFor = (phase: Phase): string[] => {
      switch (phase) {
        case 1:
          return chance(0.4) ? ["GUIDED"] : [];
        case 2: {
          const intent = INTENT_OUTCOME[c.intent ?? ""] ?? "INTENT_NOT_FIRST_CHOICE";
          const extra = c.withdrawal !== "NONE" ? ["WITHDRAWAL_AGREED"] : chance(0.5) ? ["CONSULTED"] : [];
          return [intent, ...extra];
        }
        case 3: {
          if (!c.admitted) return [];
          const come = COME_OUTCOME[c.comeIntent ?? ""] ?? "WILL_NOT_COME";
          return chance(0.6) ? [come, "PAID"] : [come];
        }
        case 4:
          if (!c.admitted) return [];
          if (c.enrollment === "ENROLLED") return ["ENROLLED"];
          if (c.enrollment === "NOT_ENROLLED") return ["NOT_ENROLLED"];
          return chance(0.5) ? ["CONSULTED"] : [];
      }
    };
    const isUnreachable = chance(0.015);
    if (isUnreachable) unreachable.push(c);
    for (const phase of [1, 2, 3, 4] as const) {
      const w = window(phase);
      const end = phase === 4 ? now : w.closesAt;
      const outcomes = outcomesFor(phase);
      if (isUnreachable && phase === 4) outcomes.push(...faker.helpers.arrayElements(UNREACHABLE_OUTCOMES, 3));
      for (const outcome of outcomes) {
        if (!(OUTCOMES_BY_PHASE[phase] as readonly string[]).includes(outcome)) continue;
        const channel: Channel = outcome.startsWith("UNREACHABLE")
          ? "PHONE"
          : pick(["PHONE", "PHONE", "PHONE", "WECHAT", "WECHAT", "SMS", "QQ"]);
        const spanMinutes = Math.max(60, Math.floor((end.getTime() - w.opensAt.getTime()) / 60_000) - 60);
        // calls happen between 9:00 and 21:00 school-days; spread them over the window
        const day = addMinutes(w.opensAt, faker.number.int({ min: 0, max: spanMinutes }));
        // 9:00-20:59 Beijing time on the drawn instant's UTC date (as the demo has always drawn it, so its
        // figures stay put), never after the window's end (today, for the open phase)
        const hour = faker.number.int({ min: 9, max: 20 });
        let startedAt = atBeijingClock(utcDate(day), hour, faker.number.int({ min: 0, max: 59 }));
        if (startedAt > end) startedAt = addDays(startedAt, -1);
        const durationSeconds = outcome.startsWith("UNREACHABLE")
          ? faker.number.int({ min: 0, max: 40 })
          : channel === "SMS"
            ? faker.number.int({ min: 30, max: 120 })
            : faker.number.int({ min: 180, max: 720 });
        logs.push({
          campaignId: campaign.id,
          candidateId: c.id,
          callerId,
          phase,
          channel,
          startedAt,
          durationSeconds,
          outcome,
          notes:
            outcome === "CONSULTED"
              ? pick(["家长询问住宿条件", "咨询专业就业方向", "询问缴费方式", "询问校车时间"])
              : null,
          idempotencyKey: faker.string.uuid(),
          createdAt: addSeconds(startedAt, durationSeconds + 60),
        });
        const previous = lastContact.get(c.id);
        if (!previous || previous < startedAt) lastContact.set(c.id, startedAt);
      }
    }
  }
  // caller01 has a candidate who did not pick up twice, on two days: one more failed call and the
  // candidate goes to the group leader (the demo's escalation walk-through)
  const caller01 = await prisma.user.findUniqueOrThrow({ where: { login: "caller01" } });
  const twiceUnreachable = candidates.find(
    (c) => c.assignedCallerId === caller01.id && c.admitted && c.enrollment === "PENDING" && !unreachable.includes(c),
  );
  if (twiceUnreachable) {
    for (const [daysAgo, outcome] of [
      [2, "UNREACHABLE_PHONE_OFF"],
      [1, "UNREACHABLE_REFUSED"],
    ] as const) {
      const startedAt = atBeijingClock(utcDate(addDays(now, -daysAgo)), 10, 30);
      logs.push({
        campaignId: campaign.id,
        candidateId: twiceUnreachable.id,
        callerId: caller01.id,
        phase: 4,
        channel: "PHONE",
        startedAt,
        durationSeconds: 0,
        outcome,
        idempotencyKey: faker.string.uuid(),
        createdAt: startedAt,
      });
    }
  }
  for (let i = 0; i < logs.length; i += 2000) {
    await prisma.contactLog.createMany({ data: logs.slice(i, i + 2000) });
  }
  // lastContactAt and a follow-up date for those still undecided
  await prisma.$executeRaw`
    UPDATE "Candidate" c SET "lastContactAt" = l.last
    FROM (SELECT "candidateId", max("startedAt") AS last FROM "ContactLog" GROUP BY "candidateId") l
    WHERE l."candidateId" = c.id AND c."campaignId" = ${campaign.id}`;
  await prisma.candidate.updateMany({
    where: { campaignId: campaign.id, admitted: true, enrollment: "PENDING" },
    data: { nextFollowUpAt: addDays(now, 1) },
  });

  // --- escalations, in every state --------------------------------------------------------------
  const reasons = ["PHONE_OFF", "SUSPENDED", "WRONG_NUMBER", "REFUSED"] as const;
  const states = ["OPEN", "OPEN", "FORWARDED", "CLAIMED", "SENT_BACK", "RESOLVED"] as const;
  const strikeUser = await prisma.user.findUniqueOrThrow({ where: { login: "strike" } });
  for (const [i, c] of unreachable.entries()) {
    const status = states[i % states.length] ?? "OPEN";
    await prisma.escalation.create({
      data: {
        campaignId: campaign.id,
        candidateId: c.id,
        reason: reasons[i % reasons.length] ?? "PHONE_OFF",
        fromUserId: c.assignedCallerId as string,
        toTeam: status === "OPEN" || status === "SENT_BACK" ? "GROUP_LEADER" : "STRIKE",
        status,
        assigneeId: status === "CLAIMED" || status === "RESOLVED" ? strikeUser.id : null,
        advice: status === "SENT_BACK" ? "换个时间段（晚上 8 点后）再联系家长" : null,
        outcome: status === "RESOLVED" ? "HANDED_BACK" : null,
        resolution: status === "RESOLVED" ? "已联系上家长，交回回访人员跟进" : null,
        resolvedAt: status === "RESOLVED" ? addDays(now, -1) : null,
        createdAt: addDays(now, -(i % 5) - 1),
      },
    });
  }

  // --- withdrawals (退档) in every state, with a photo of the signed form once submitted ---------
  const photo = demoFormPhoto();
  const withdrawing = await prisma.candidate.findMany({
    where: { campaignId: campaign.id, withdrawal: { not: "NONE" } },
    select: { id: true, assignedCallerId: true, withdrawal: true },
  });
  const reviewer = await prisma.user.findUniqueOrThrow({ where: { login: "data" } });
  for (const c of withdrawing) {
    const submitted = c.withdrawal === "SUBMITTED" || c.withdrawal === "APPROVED";
    await prisma.withdrawalRequest.create({
      data: {
        campaignId: campaign.id,
        candidateId: c.id,
        callerId: c.assignedCallerId as string,
        status: c.withdrawal,
        checklist: submitted ? [...WITHDRAWAL_CHECKLIST] : ["APPLICATION_SIGNED"],
        submittedAt: submitted ? window(2).closesAt : null,
        reviewerId: c.withdrawal === "APPROVED" ? reviewer.id : null,
        reviewedAt: c.withdrawal === "APPROVED" ? window(2).closesAt : null,
        photos: submitted
          ? {
              create: {
                mimeType: "image/png",
                size: photo.length,
                file: {
                  create: smallFile(
                    { kind: "WITHDRAWAL_PHOTO", key: `demo/${c.id}`, mimeType: "image/png", campaignId: campaign.id },
                    photo,
                  ),
                },
              },
            }
          : undefined,
      },
    });
  }

  await seedInspectionDemo(prisma, campaign.id, now);

  await prisma.auditLog.create({
    data: {
      action: "demo.seed",
      entityType: "Campaign",
      entityId: campaign.id,
      after: { candidates: candidates.length, contactLogs: logs.length },
    },
  });
  await seedDemoWeekly(prisma, campaign.id, now);
  return { campaignId: campaign.id, users: userCount, candidates: candidates.length, contactLogs: logs.length };
}

function demoCandidate(
  campaignId: string,
  group: { id: string; region: string; quality: number },
  callerId: string,
  examNo: string,
  enrollmentOpensAt: Date,
): Prisma.CandidateCreateManyInput {
  const firstChoice = chance(0.88);
  const intent = firstChoice ? (chance(0.9) ? "FIRST_CHOICE" : "HESITANT") : "NOT_FIRST_CHOICE";
  // most not-first-choice candidates were persuaded to withdraw (以退为进)
  const withdrawal =
    intent === "NOT_FIRST_CHOICE"
      ? pick(["APPROVED", "APPROVED", "APPROVED", "SUBMITTED", "AGREED", "NONE"] as const)
      : "NONE";
  const admitted = withdrawal !== "APPROVED" && chance(0.99);
  const comeIntent = admitted
    ? chance(group.quality)
      ? "WILL_COME"
      : pick(["HESITANT", "HESITANT", "WILL_NOT_COME"] as const)
    : null;
  const enrollment = !admitted
    ? "PENDING"
    : comeIntent === "WILL_COME"
      ? chance(0.985)
        ? "ENROLLED"
        : "PENDING"
      : comeIntent === "HESITANT"
        ? chance(0.4)
          ? "ENROLLED"
          : "PENDING"
        : chance(0.6)
          ? "NOT_ENROLLED"
          : "PENDING";
  const paid = enrollment === "ENROLLED" || (comeIntent === "WILL_COME" && chance(0.7));
  const city = `${group.region}市`;
  return {
    campaignId,
    examNo,
    name: faker.person.fullName(),
    gender: pick(["男", "女"]),
    phones: chance(0.6) ? [mobile(), mobile()] : [mobile()],
    region: group.region,
    school: `${city}${pick(SCHOOL_SUFFIXES)}`,
    major: pick(MAJORS),
    firstChoice,
    groupId: group.id,
    assignedCallerId: callerId,
    intent,
    withdrawal,
    admitted,
    comeIntent,
    paid,
    dormChosen: paid && chance(0.8),
    busBooked: paid && chance(0.3),
    masterInterest: admitted && chance(0.05),
    enrollment,
    // the demo's 报到 list so far confirmed everyone who enrolled; a claim made in the demo stays a claim
    enrollmentRecord: enrollment === "ENROLLED" ? "LIST" : null,
    noShowReason: enrollment === "NOT_ENROLLED" ? pick(NO_SHOW_REASON_SUGGESTIONS) : null,
    createdAt: addDays(enrollmentOpensAt, -60),
  };
}
