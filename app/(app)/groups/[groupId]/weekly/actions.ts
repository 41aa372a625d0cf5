"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { type ActionContext, ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { toDateColumn, Week } from "@/lib/time";
import { weekFigures } from "@/lib/weekly/figures";
import { campaignDays, weekOverlaps } from "@/lib/workflow";

const BODY_LIMIT = 8000;

const reportSchema = z
  .object({
    groupId: z.string().min(1).max(64),
    weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messageKey("weeklyReport.errors.weekRequired")),
    body: z
      .string()
      .trim()
      .min(1, messageKey("weeklyReport.errors.bodyRequired"))
      .max(BODY_LIMIT, messageKey("weeklyReport.errors.bodyTooLong")),
  })
  .strict();

type ReportInput = z.infer<typeof reportSchema>;

/**
 * Saves the group leader's weekly summary (每周学生动态), as a draft or submitted to the callback lead.
 * Only the leader of the group may write it (another group's id is "not found"); a week that has not
 * started, or that shares no day with the campaign's phases, cannot be written, and a submitted summary
 * is final.
 */
async function saveReport(input: ReportInput, ctx: ActionContext, submit: boolean) {
  const { tx, user, now, audit } = ctx;
  const group = await tx.group.findFirst({
    // a past campaign's group is read-only (lib/campaign/current.ts)
    where: { id: input.groupId, leaderId: user.id, ...(await inCampaignInUse(tx)) },
    select: { id: true, campaignId: true },
  });
  if (!group) throw new ActionError("NOT_FOUND");
  const week = Week.parse(input.weekStart);
  if (!week) throw new ActionError("INVALID_INPUT", { weekStart: [text("weeklyReport.errors.weekRequired")] });
  if (week > Week.of(now)) {
    throw new ActionError("INVALID_INPUT", { weekStart: [text("weeklyReport.errors.weekNotStarted")] });
  }
  // a week of the campaign: one that shares a day with its phases (not the week of 1900-01-01)
  const days = campaignDays(await tx.phaseWindow.findMany({ where: { campaignId: group.campaignId } }));
  if (!days) throw new ActionError("INVALID_INPUT", { weekStart: [text("weeklyReport.errors.noPhases")] });
  if (!weekOverlaps(week, days)) {
    throw new ActionError("INVALID_INPUT", {
      weekStart: [text("weeklyReport.errors.weekOutsideCampaign", { first: days.first, last: days.last })],
    });
  }
  const weekStart = toDateColumn(week);
  const key = { groupId: group.id, weekStart };
  const existing = await tx.weeklyReport.findUnique({
    where: { groupId_weekStart: key },
    select: { id: true, status: true, body: true },
  });
  const refuseSubmitted = () =>
    new ActionError("INVALID_INPUT", { body: [text("weeklyReport.errors.alreadySubmitted")] });
  if (existing?.status === "SUBMITTED") throw refuseSubmitted();
  const figures = (await weekFigures(tx, group.campaignId, group.id, week)) as unknown as Prisma.InputJsonValue;
  const data = {
    body: input.body,
    figures,
    status: submit ? ("SUBMITTED" as const) : ("DRAFT" as const),
    submittedById: submit ? user.id : null,
    submittedAt: submit ? now : null,
  };
  // The write is conditional, not read-then-upsert: a draft save racing a submit would otherwise turn the
  // summary back into a draft. A first save inserts (waiting on a concurrent first save's row, then
  // leaving it be); any other save changes the row only while it is still a draft, as PostgreSQL
  // re-reads the row it waited for.
  let created = false;
  if (!existing) {
    const inserted = await tx.weeklyReport.createMany({
      data: [{ campaignId: group.campaignId, ...key, ...data }],
      skipDuplicates: true,
    });
    created = inserted.count === 1;
  }
  if (!created) {
    const { count } = await tx.weeklyReport.updateMany({ where: { ...key, status: "DRAFT" }, data });
    if (count === 0) throw refuseSubmitted();
  }
  const report = await tx.weeklyReport.findUniqueOrThrow({
    where: { groupId_weekStart: key },
    select: { id: true, status: true, submittedAt: true },
  });
  audit({
    entityType: "WeeklyReport",
    entityId: report.id,
    before: existing ? { status: existing.status, length: existing.body.length } : null,
    after: { week, status: report.status, length: input.body.length },
  });
  revalidatePath("/groups", "layout");
  return { reportId: report.id, status: report.status, submittedAt: report.submittedAt };
}

export const saveWeeklyDraft = action(
  { name: "weeklyReport.save", permission: "weeklyReport.submit", schema: reportSchema },
  (input, ctx) => saveReport(input, ctx, false),
);

export const submitWeeklyReport = action(
  { name: "weeklyReport.submit", permission: "weeklyReport.submit", schema: reportSchema },
  (input, ctx) => saveReport(input, ctx, true),
);
