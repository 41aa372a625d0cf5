"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { translatorFor } from "@/lib/i18n/messages";
import { textRenderer } from "@/lib/i18n/server";
import { text } from "@/lib/i18n/text";
import { ASSESSMENT_KINDS, recordAssessment, scoreRequired } from "@/lib/staff/assessment";
import {
  MAX_REASON_LENGTH,
  type OvertimeStaff,
  overtimeReason,
  parseOvertimeYuan,
  planOvertime,
} from "@/lib/staff/overtime";
import { readOvertimeUpload } from "@/lib/staff/overtime-file";
import { recordTrainingSession, TRAINING_TOPICS, trainingScope } from "@/lib/staff/training";
import { beijingDay, parseDay } from "@/lib/time";

// The staff pool's records (四(二)、(三), 八): training sessions with attendance (group leaders for their
// group, admins for anyone), assessments (admins, inspectors; failing removes from the pool), overtime
// pay (admins; one person, or an xlsx previewed then applied). Each writes one audit row.

const STORED_TEXT = translatorFor("zh-CN");
const NOTE_MAX = 300;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const day = z.string().refine((d) => parseDay(d) !== null, messageKey("training.errors.heldOnInvalid"));
const note = z.preprocess(
  blankToNull,
  z.string().trim().max(NOTE_MAX, messageKey("training.errors.noteTooLong")).nullable().default(null),
);
/** A repeated FormData key comes as an array, a single one as a string, none as nothing. */
const ids = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().min(1).max(64)).max(2_000),
);

async function campaignId(tx: Prisma.TransactionClient): Promise<string> {
  return (await inCampaignInUse(tx)).campaignId;
}

function notInFuture(heldOn: string, now: Date, field: string) {
  if (heldOn > beijingDay(now))
    throw new ActionError("INVALID_INPUT", { [field]: [text("training.errors.heldOnInvalid")] });
}

/** A training session and who attended, among the people the recorder may record (lib/staff/training). */
export const recordTraining = action(
  {
    name: "training.record",
    permission: "training.record",
    schema: z
      .object({
        heldOn: day,
        topic: z.enum(TRAINING_TOPICS, { message: messageKey("training.errors.topicRequired") }),
        note,
        profileIds: ids,
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    notInFuture(input.heldOn, now, "heldOn");
    if (input.profileIds.length === 0) {
      throw new ActionError("INVALID_INPUT", { profileIds: [text("training.errors.attendanceRequired")] });
    }
    const id = await campaignId(tx);
    const wanted = [...new Set(input.profileIds)];
    const allowed = await tx.staffProfile.count({ where: { ...trainingScope(id, user), id: { in: wanted } } });
    if (allowed !== wanted.length) {
      throw new ActionError("INVALID_INPUT", { profileIds: [text("training.errors.attendanceOutOfScope")] });
    }
    const session = await recordTrainingSession(tx, {
      campaignId: id,
      heldOn: input.heldOn,
      topic: input.topic,
      note: input.note,
      profileIds: wanted,
      recordedById: user.id,
    });
    audit({
      entityType: "TrainingSession",
      entityId: session.id,
      after: { heldOn: input.heldOn, topic: input.topic, note: input.note, attendance: wanted },
    });
    revalidatePath("/staff-pool");
    revalidatePath("/inspection/staff");
    return { sessionId: session.id, attended: wanted.length };
  },
);

/**
 * An assessment of one person. Failing removes them from the pool and hands their candidates to the
 * others of their group (refused, with nothing written, when nobody is there to take them); a later pass
 * brings nobody back (lib/staff/pool poolAfterAssessment).
 */
export const recordAssessmentResult = action(
  {
    name: "assessment.record",
    permission: "assessment.record",
    schema: z
      .object({
        profileId: z.string().min(1).max(64),
        kind: z.enum(ASSESSMENT_KINDS, { message: messageKey("training.errors.kindRequired") }),
        heldOn: day,
        score: z.preprocess(
          blankToNull,
          z.coerce
            .number({ message: messageKey("training.errors.scoreRange") })
            .int(messageKey("training.errors.scoreRange"))
            .min(0, messageKey("training.errors.scoreRange"))
            .max(100, messageKey("training.errors.scoreRange"))
            .nullable()
            .default(null),
        ),
        passed: z.enum(["true", "false"], { message: messageKey("training.errors.resultRequired") }),
        note,
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    notInFuture(input.heldOn, now, "heldOn");
    if (scoreRequired(input.kind) && input.score === null) {
      throw new ActionError("INVALID_INPUT", { score: [text("training.errors.scoreRequired")] });
    }
    const result = await recordAssessment(tx, {
      campaignId: await campaignId(tx),
      profileId: input.profileId,
      kind: input.kind,
      heldOn: input.heldOn,
      score: input.score,
      passed: input.passed === "true",
      note: input.note,
      recordedById: user.id,
      handBackReason: STORED_TEXT("training.stored.assessmentFailed"),
      now,
    });
    audit({
      entityType: "Assessment",
      entityId: result.assessmentId,
      before: { poolStatus: result.poolBefore },
      after: {
        profileId: input.profileId,
        kind: input.kind,
        heldOn: input.heldOn,
        score: input.score,
        passed: input.passed === "true",
        poolStatus: result.poolAfter,
        reassigned: result.reassigned,
      },
    });
    revalidatePath("/staff-pool");
    revalidatePath("/inspection/staff");
    revalidatePath("/groups");
    return { poolStatus: result.poolAfter, reassigned: result.reassigned };
  },
);

/** One person's overtime pay and its reason, typed in yuan (audited with the amounts before and after). */
export const enterOvertime = action(
  {
    name: "overtime.enter",
    permission: "overtime.enter",
    schema: z
      .object({
        profileId: z.string().min(1).max(64),
        amount: z.string().max(40),
        reason: z.string().max(MAX_REASON_LENGTH * 2),
      })
      .strict(),
  },
  async (input, { tx, audit, unchanged }) => {
    const amount = parseOvertimeYuan(input.amount);
    if (!amount.ok) throw new ActionError("INVALID_INPUT", { amount: [amount.error] });
    const reason = overtimeReason(amount.fen, input.reason);
    if (!reason.ok) throw new ActionError("INVALID_INPUT", { reason: [reason.error] });
    const profile = await tx.staffProfile.findFirst({
      where: { id: input.profileId, campaignId: await campaignId(tx) },
      select: { id: true, overtimeFen: true, overtimeReason: true },
    });
    if (!profile) throw new ActionError("NOT_FOUND");
    const before = { overtimeFen: profile.overtimeFen, overtimeReason: profile.overtimeReason };
    const after = { overtimeFen: amount.fen, overtimeReason: reason.reason };
    if (before.overtimeFen === after.overtimeFen && before.overtimeReason === after.overtimeReason) {
      unchanged();
      return { changed: false, beforeFen: before.overtimeFen, afterFen: after.overtimeFen };
    }
    await tx.staffProfile.update({ where: { id: profile.id }, data: after });
    audit({ entityType: "StaffProfile", entityId: profile.id, before, after });
    revalidatePath("/staff-pool");
    revalidatePath("/payouts");
    return { changed: true, beforeFen: before.overtimeFen, afterFen: after.overtimeFen };
  },
);

const overtimeFile = z
  .object({ file: z.instanceof(File, { message: messageKey("training.errors.fileRequired") }) })
  .strict();

/** The campaign's staff by login, with what the file would change. */
async function overtimeStaff(tx: Prisma.TransactionClient): Promise<Map<string, OvertimeStaff>> {
  const profiles = await tx.staffProfile.findMany({
    where: { campaignId: await campaignId(tx) },
    select: { id: true, overtimeFen: true, overtimeReason: true, user: { select: { login: true, name: true } } },
  });
  return new Map(
    profiles.map((p) => [
      p.user.login,
      { profileId: p.id, name: p.user.name, overtimeFen: p.overtimeFen, overtimeReason: p.overtimeReason },
    ]),
  );
}

async function overtimePlan(tx: Prisma.TransactionClient, file: File) {
  const read = await readOvertimeUpload(file);
  if (!read.ok) throw new ActionError("INVALID_INPUT", { file: [read.error] });
  return planOvertime(read.rows, await overtimeStaff(tx));
}

/** What an overtime file would change, row by row, and each row's problem; writes nothing. */
export const previewOvertimeImport = action(
  { name: "overtime.preview", permission: "overtime.enter", schema: overtimeFile },
  async ({ file }, { tx, unchanged }) => {
    const plan = await overtimePlan(tx, file);
    unchanged();
    const render = await textRenderer();
    return {
      changes: plan.changes,
      errors: plan.errors.map((e) => ({ row: e.row, message: render(e.message) })),
    };
  },
);

/**
 * Applies an overtime file: read and checked again (the file may have changed since the preview), and
 * written only when every row is right. One audit row lists each person's amount before and after.
 */
export const applyOvertimeImport = action(
  { name: "overtime.import", permission: "overtime.enter", schema: overtimeFile },
  async ({ file }, { tx, audit }) => {
    const plan = await overtimePlan(tx, file);
    if (plan.errors.length > 0) {
      throw new ActionError("INVALID_INPUT", {
        file: [text("training.errors.rowsHaveErrors", { count: plan.errors.length })],
        rows: plan.errors.map((e) => text("training.overtime.import.rowLine", { row: e.row, message: e.message })),
      });
    }
    for (const change of plan.changes) {
      await tx.staffProfile.update({
        where: { id: change.profileId },
        data: { overtimeFen: change.afterFen, overtimeReason: change.reason },
      });
    }
    audit({
      entityType: "StaffProfile",
      before: plan.changes.map((c) => ({ login: c.login, overtimeFen: c.beforeFen })),
      after: plan.changes.map((c) => ({ login: c.login, overtimeFen: c.afterFen, overtimeReason: c.reason })),
    });
    revalidatePath("/staff-pool");
    revalidatePath("/payouts");
    return { imported: plan.changes.length };
  },
);
