// A small campaign whose dashboard figures are computed by hand in dashboard.test.ts (and whose week
// feeds the weekly-summary tests): two groups, each with a leader who is also a caller, and candidates in
// every state the dashboards count. The contacts are inserted as earlier submissions left them, so the
// tallies are kept by the database triggers alone.
import { randomUUID } from "node:crypto";
import type { Channel } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { Week } from "@/lib/time";
import { createCampaign, createCandidate } from "@/prisma/seed/factories";
import { createTwoGroups } from "../support/two-groups";

let serial = 0;

export async function buildDashboardFixture(now = new Date()) {
  serial += 1;
  const tag = `${Date.now().toString(36)}${serial}`;
  const prisma = db();
  const campaign = await createCampaign(prisma, { now, openPhase: 4, name: `看板测试 ${tag}` });
  const { leaderA, callerA, leaderB, callerB, groupA, groupB, user } = await createTwoGroups(campaign.id, tag, {
    leaderA: "甲组长",
    callerA: "甲回访",
    leaderB: "乙组长",
    callerB: "乙回访",
  });
  const lead = await user("lead", "杨组长", ["CALLBACK_LEAD", "STRIKE", "INSPECTOR"]);
  const admin = await user("admin", "管理员", ["ADMIN"]);

  const candidate = (callerId: string, groupId: string, name: string, patch: Record<string, unknown>) =>
    createCandidate(prisma, { campaignId: campaign.id, groupId, assignedCallerId: callerId, name, ...patch });
  // enrolled as the 报到 list records it (a caller's 已报到 alone is a claim, which payouts do not count)
  const enrolled = {
    intent: "FIRST_CHOICE",
    admitted: true,
    paid: true,
    enrollment: "ENROLLED",
    enrollmentRecord: "LIST",
  } as const;
  // 甲组长: two admitted, both enrolled
  const l1 = await candidate(leaderA.id, groupA.id, "甲一", enrolled);
  const l2 = await candidate(leaderA.id, groupA.id, "甲二", enrolled);
  // 甲回访: two enrolled, one admitted and undecided (unreachable, follow-up overdue), one not admitted
  const a1 = await candidate(callerA.id, groupA.id, "甲三", enrolled);
  const a2 = await candidate(callerA.id, groupA.id, "甲四", enrolled);
  const a3 = await candidate(callerA.id, groupA.id, "甲五", {
    intent: "FIRST_CHOICE",
    admitted: true,
    nextFollowUpAt: new Date(now.getTime() - 86_400_000),
  });
  const a4 = await candidate(callerA.id, groupA.id, "甲六", { intent: "NOT_FIRST_CHOICE", withdrawal: "AGREED" });
  // 乙回访: one admitted, enrolled, never contacted
  const b1 = await candidate(callerB.id, groupB.id, "乙一", enrolled);

  const { from } = Week.range(Week.of(now));
  const inWeek = (seconds: number) => new Date(from.getTime() + seconds * 1000);
  const log = async (
    c: { id: string },
    callerId: string,
    startedAt: Date,
    channel: Channel,
    durationSeconds: number,
    outcome: string,
  ) => {
    await prisma.contactLog.create({
      data: {
        campaignId: campaign.id,
        candidateId: c.id,
        callerId,
        phase: 4,
        channel,
        startedAt,
        durationSeconds,
        outcome,
        idempotencyKey: randomUUID(),
      },
    });
    await prisma.candidate.update({ where: { id: c.id }, data: { lastContactAt: startedAt } });
  };
  // 甲组长: 4 phone calls of 5 minutes per candidate, on 10 and 11 July (Beijing)
  for (let i = 0; i < 4; i++) {
    await log(l1, leaderA.id, new Date(`2024-07-10T0${2 + i}:00:00Z`), "PHONE", 300, "CONSULTED");
    await log(l2, leaderA.id, new Date(`2024-07-11T0${2 + i}:00:00Z`), "PHONE", 300, "CONSULTED");
  }
  // 甲回访
  await log(a1, callerA.id, new Date("2024-07-10T03:30:00Z"), "PHONE", 600, "CONSULTED");
  await log(a1, callerA.id, inWeek(60), "WECHAT", 300, "COME_HESITANT");
  await log(a2, callerA.id, new Date("2024-07-11T03:30:00Z"), "PHONE", 1200, "ENROLLED");
  await log(a3, callerA.id, inWeek(120), "PHONE", 0, "UNREACHABLE_PHONE_OFF");
  await log(a3, callerA.id, inWeek(180), "PHONE", 0, "UNREACHABLE_REFUSED");

  await prisma.escalation.create({
    data: { campaignId: campaign.id, candidateId: a3.id, reason: "PHONE_OFF", fromUserId: callerA.id },
  });
  await prisma.withdrawalRequest.create({
    data: { campaignId: campaign.id, candidateId: a4.id, callerId: callerA.id, status: "AGREED" },
  });

  return {
    tag,
    now,
    campaign,
    groupA,
    groupB,
    users: { leaderA, callerA, leaderB, callerB, lead, admin },
    candidates: { l1, l2, a1, a2, a3, a4, b1 },
  };
}

export type DashboardFixture = Awaited<ReturnType<typeof buildDashboardFixture>>;
