// The demo campaign's dashboards history: the tallies rebuilt so the rate over time shows the weeks behind
// (the seed writes every candidate at once, today), and the weekly summaries (每周学生动态) of the past
// weeks, submitted by each group leader, a few of them late. Two groups have not sent last week's yet;
// this week's is for the leaders to write.
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { HOUR_MS, toDateColumn, Week } from "@/lib/time";
import { deadlineOf } from "@/lib/weekly/deadline";
import { buildDraft } from "@/lib/weekly/draft";
import { weekFigures } from "@/lib/weekly/figures";

export async function seedDemoWeekly(prisma: PrismaClient, campaignId: string, now: Date) {
  await prisma.$executeRaw`SELECT dashboard_rebuild_tallies(${campaignId})`;
  const campaign = await prisma.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: { phaseWindows: { orderBy: { phase: "asc" } }, groups: { orderBy: { createdAt: "asc" } } },
  });
  const start = campaign.phaseWindows[0]?.opensAt;
  if (!start) return;
  const thisWeek = Week.of(now);
  const lastWeek = Week.shift(thisWeek, -1);
  const weeks = Week.between(start, now).filter((w) => w < thisWeek);
  for (const [g, group] of campaign.groups.entries()) {
    if (!group.leaderId) continue;
    for (const [w, week] of weeks.entries()) {
      // last week's is still missing from the first and the fourth group (the first is leader01's walk-through)
      if (week === lastWeek && (g === 0 || g === 3)) continue;
      const figures = await weekFigures(prisma, campaignId, group.id, week);
      // most on Monday morning; every fifth one on Monday afternoon, after the noon deadline
      const late = (g + w) % 5 === 3;
      const submittedAt = new Date(deadlineOf(week).getTime() + (late ? 5 : -3) * HOUR_MS);
      const body = buildDraft(group.name, week, figures).replace(
        "（请组长填写）",
        "继续跟进犹豫考生，重点联系无法联系的考生家长；未达标组员本周补足工作量。",
      );
      await prisma.weeklyReport.create({
        data: {
          campaignId,
          groupId: group.id,
          weekStart: toDateColumn(week),
          body,
          figures: figures as unknown as Prisma.InputJsonValue,
          status: "SUBMITTED",
          submittedById: group.leaderId,
          submittedAt,
          createdAt: submittedAt,
        },
      });
    }
  }
}
