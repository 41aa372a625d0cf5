"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action, serverAction } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { CURRENT_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import { text } from "@/lib/i18n/text";
import { notify } from "@/lib/inbox/notify";
import { underInspection } from "@/lib/inspection/checks";
import { deductionError, deductionRule, VIOLATION_KINDS } from "@/lib/inspection/findings";
import { inspectionPolicyOf } from "@/lib/inspection/policy";
import { drawWeeklySample, newSeed } from "@/lib/inspection/sample";
import { REVIEW_QUALIFICATION } from "@/lib/staff/qualification";
import { subsidyPolicySchema } from "@/lib/subsidy";
import { atBeijingClock, parseDay, toDateColumn, Week } from "@/lib/time";

// Inspectors read everything and write only these: the week's sample, verdicts on sampled or flagged
// logs, findings and their follow-up, and the qualification review of the staff pool. Every other
// action of the app refuses them (the permission matrix; tests/integration/inspection-refusals.test.ts).

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

async function campaignOf(tx: Prisma.TransactionClient) {
  const campaign = await tx.campaign.findFirst({
    orderBy: CURRENT_CAMPAIGN_FIRST,
    select: { id: true, subsidyPolicy: true, inspectionPolicy: true },
  });
  if (!campaign) throw new ActionError("NOT_FOUND");
  return campaign;
}

/**
 * Draws the week's stratified sample with a seed (given, or a fresh one) and records each drawn log as
 * an inspection of that week. Logs already checked this week are left out, and the unique key
 * (log, week) refuses a second inspection of a log even if two draws run at once.
 */
export const drawSample = action(
  {
    name: "inspection.draw",
    permission: "inspection.record",
    schema: z
      .object({
        week: z.string().refine((w) => Week.parse(w) !== null, messageKey("inspection.errors.weekRequired")),
        seed: optional(
          z
            .string()
            .trim()
            .regex(/^[0-9A-Za-z-]{1,32}$/, messageKey("inspection.errors.seedFormat")),
        ),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const campaign = await campaignOf(tx);
    const week = input.week;
    const { from, to } = Week.range(week);
    if (from > now) throw new ActionError("INVALID_INPUT", { week: [text("inspection.errors.weekNotStarted")] });
    const policy = inspectionPolicyOf(campaign.inspectionPolicy);
    const seed = input.seed ?? newSeed(randomBytes(4));
    const [logs, checked] = await Promise.all([
      tx.contactLog.findMany({
        where: { campaignId: campaign.id, startedAt: { gte: from, lt: to }, createdAt: { lte: now } },
        select: { id: true, callerId: true },
      }),
      tx.inspection.findMany({
        where: { campaignId: campaign.id, weekStart: toDateColumn(week) },
        select: { contactLogId: true },
      }),
    ]);
    const draw = drawWeeklySample(logs, seed, policy, new Set(checked.map((c) => c.contactLogId)));
    const picked = draw.flatMap((d) => d.picked);
    if (picked.length === 0) {
      throw new ActionError("INVALID_INPUT", { week: [text("inspection.errors.nothingToDraw")] });
    }
    await tx.inspection.createMany({
      data: picked.map((contactLogId) => ({
        campaignId: campaign.id,
        contactLogId,
        reason: "SAMPLE" as const,
        weekStart: toDateColumn(week),
        sampleSeed: seed,
        // the draw's moment: with the seed, it fixes which logs the draw could see
        createdAt: now,
      })),
    });
    audit({
      entityType: "Inspection",
      entityId: null,
      after: {
        week,
        seed,
        drawn: picked.length,
        callers: draw.length,
        population: draw.reduce((n, d) => n + d.population, 0),
        by: user.id,
      },
    });
    revalidatePath("/inspection");
    return { seed, drawn: picked.length, callers: draw.length };
  },
);

const VERDICTS = ["CONFIRMED", "DOUBTFUL", "FALSE"] as const;

/**
 * The inspector's verdict on one log, with evidence notes (required unless the record is confirmed).
 * Only a sampled log or one a rule flags can be judged; a verdict that already led to a finding is final.
 */
export const recordVerdict = action(
  {
    name: "inspection.verdict",
    permission: "inspection.record",
    schema: z
      .object({
        logId: z.string().min(1).max(64),
        verdict: z.enum(VERDICTS, { error: messageKey("inspection.errors.verdictRequired") }),
        evidence: optional(z.string().trim().max(1000, messageKey("inspection.errors.evidenceTooLong"))),
        /** the log's screenshot the verdict rests on (lib/evidence), if any */
        citedEvidenceId: optional(z.string().min(1).max(64)),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const campaign = await campaignOf(tx);
    const log = await tx.contactLog.findFirst({
      where: { id: input.logId, campaignId: campaign.id },
      select: { id: true, campaignId: true, startedAt: true },
    });
    if (!log) throw new ActionError("NOT_FOUND");
    // only a screenshot of this very log can be cited
    if (
      input.citedEvidenceId &&
      (await tx.contactEvidence.count({ where: { id: input.citedEvidenceId, contactLogId: log.id } })) === 0
    ) {
      throw new ActionError("INVALID_INPUT", { citedEvidenceId: [text("evidence.errors.notThisLog")] });
    }
    if (input.verdict !== "CONFIRMED" && !input.evidence) {
      throw new ActionError("INVALID_INPUT", {
        evidence: [text("inspection.errors.evidenceRequired")],
      });
    }
    const { week, state } = await underInspection(tx, log, campaign.inspectionPolicy);
    if (!state) {
      throw new ActionError("INVALID_INPUT", { logId: [text("inspection.errors.notUnderInspection")] });
    }
    const data = {
      verdict: input.verdict,
      evidence: input.evidence ?? null,
      citedEvidenceId: input.citedEvidenceId ?? null,
      inspectorId: user.id,
      checkedAt: now,
    };
    let inspectionId: string;
    let before: Prisma.InputJsonValue | null = null;
    if (state.kind === "inspection") {
      inspectionId = state.inspection.id;
      const findings = await tx.finding.count({ where: { inspectionId } });
      if (findings > 0 && state.inspection.verdict !== input.verdict) {
        throw new ActionError("INVALID_INPUT", { verdict: [text("inspection.errors.verdictLocked")] });
      }
      before = { verdict: state.inspection.verdict };
      // the verdict it replaces must still be the one read: two inspectors judging at once do not both win
      const { count } = await tx.inspection.updateMany({
        where: { id: inspectionId, verdict: state.inspection.verdict },
        data,
      });
      if (count === 0) throw new ActionError("STALE");
    } else {
      const created = await tx.inspection.create({
        data: {
          campaignId: log.campaignId,
          contactLogId: log.id,
          reason: "SUSPICIOUS",
          rule: state.rules.join(","),
          weekStart: toDateColumn(week),
          ...data,
        },
      });
      inspectionId = created.id;
    }
    audit({
      entityType: "Inspection",
      entityId: inspectionId,
      before,
      after: {
        logId: log.id,
        verdict: input.verdict,
        evidence: input.evidence ?? null,
        citedEvidenceId: input.citedEvidenceId ?? null,
      },
    });
    revalidatePath(`/inspection/logs/${log.id}`);
    return { inspectionId, verdict: input.verdict };
  },
);

/** Shows the inspector a number of the candidate of a log under inspection, to call back. Audited. */
export const revealPhoneForInspection = action(
  {
    name: "inspection.revealPhone",
    permission: "inspection.record",
    schema: z.object({ logId: z.string().min(1).max(64), index: z.coerce.number().int().min(0).max(9) }).strict(),
  },
  async ({ logId, index }, { tx, audit }) => {
    const campaign = await campaignOf(tx);
    const log = await tx.contactLog.findFirst({
      where: { id: logId, campaignId: campaign.id },
      select: { id: true, campaignId: true, startedAt: true, candidate: { select: { id: true, phones: true } } },
    });
    const phone = log?.candidate.phones[index];
    if (!log || !phone) throw new ActionError("NOT_FOUND");
    const { state } = await underInspection(tx, log, campaign.inspectionPolicy);
    if (!state) throw new ActionError("NOT_FOUND");
    audit({ entityType: "Candidate", entityId: log.candidate.id, after: { phoneIndex: index, logId: log.id } });
    return { phone };
  },
);

/**
 * Records a violation against a caller: from a log judged false (the caller is the log's), from an
 * on-site patrol (现场巡查, the caller one of those seen), or directly (误退 found in the withdrawal files,
 * 懈怠 seen in the workload). The percentage follows the kind
 * (lib/inspection/findings); the money follows in lib/payouts -> lib/subsidy.
 */
export const recordFinding = action(
  {
    name: "finding.create",
    permission: "inspection.record",
    isolationLevel: "Serializable",
    schema: z
      .object({
        inspectionId: optional(z.string().min(1).max(64)),
        patrolId: optional(z.string().min(1).max(64)),
        callerId: optional(z.string().min(1).max(64)),
        kind: z.enum(VIOLATION_KINDS, { error: messageKey("inspection.errors.kindRequired") }),
        deductionPercent: optional(z.coerce.number({ error: messageKey("inspection.errors.percentNotInteger") })),
        description: z
          .string()
          .trim()
          .min(1, messageKey("inspection.errors.descriptionRequired"))
          .max(1000, messageKey("inspection.errors.descriptionTooLong")),
        correctionDeadline: optional(
          z.string().regex(/^\d{4}-\d{2}-\d{2}$/, messageKey("inspection.errors.deadlineRequired")),
        ),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const campaign = await campaignOf(tx);
    let callerId: string;
    let inspectionId: string | null = null;
    let patrolId: string | null = null;
    let candidateName: string | null = null;
    if (input.inspectionId && input.patrolId) {
      throw new ActionError("INVALID_INPUT", { patrolId: [text("inspection.errors.logOrPatrol")] });
    }
    if (input.patrolId) {
      const patrol = await tx.patrol.findFirst({
        where: { id: input.patrolId, campaignId: campaign.id },
        select: { id: true },
      });
      if (!patrol) throw new ActionError("NOT_FOUND");
      patrolId = patrol.id;
    }
    if (input.inspectionId) {
      const inspection = await tx.inspection.findFirst({
        where: { id: input.inspectionId, campaignId: campaign.id },
        select: {
          id: true,
          verdict: true,
          contactLog: { select: { callerId: true, candidate: { select: { name: true } } } },
        },
      });
      if (!inspection) throw new ActionError("NOT_FOUND");
      if (inspection.verdict !== "FALSE") {
        throw new ActionError("INVALID_INPUT", { inspectionId: [text("inspection.errors.notFalse")] });
      }
      if (input.callerId && input.callerId !== inspection.contactLog.callerId) {
        throw new ActionError("INVALID_INPUT", { callerId: [text("inspection.errors.notLogCaller")] });
      }
      callerId = inspection.contactLog.callerId;
      inspectionId = inspection.id;
      candidateName = inspection.contactLog.candidate.name;
      const same = await tx.finding.count({ where: { inspectionId, kind: input.kind } });
      if (same > 0) throw new ActionError("INVALID_INPUT", { kind: [text("inspection.errors.sameKind")] });
    } else {
      if (!input.callerId)
        throw new ActionError("INVALID_INPUT", { callerId: [text("inspection.errors.callerRequired")] });
      const staff = await tx.staffProfile.findFirst({
        where: { campaignId: campaign.id, userId: input.callerId, groupId: { not: null } },
        select: { userId: true },
      });
      if (!staff) throw new ActionError("INVALID_INPUT", { callerId: [text("inspection.errors.notGroupMember")] });
      callerId = staff.userId;
      const same = await tx.finding.count({
        where: { campaignId: campaign.id, callerId, patrolId, kind: input.kind, description: input.description },
      });
      if (same > 0) throw new ActionError("INVALID_INPUT", { description: [text("inspection.errors.duplicate")] });
    }
    const policy = subsidyPolicySchema.parse(campaign.subsidyPolicy);
    const percentError = deductionError(input.kind, input.deductionPercent, policy);
    if (percentError) throw new ActionError("INVALID_INPUT", { deductionPercent: [percentError] });
    let correctionDeadline: Date | null = null;
    if (input.correctionDeadline) {
      const day = parseDay(input.correctionDeadline);
      if (!day)
        throw new ActionError("INVALID_INPUT", { correctionDeadline: [text("inspection.errors.deadlineRequired")] });
      // the last second of that Beijing day
      correctionDeadline = atBeijingClock(day, 23, 59, 59);
      if (correctionDeadline < now) {
        throw new ActionError("INVALID_INPUT", { correctionDeadline: [text("inspection.errors.deadlinePast")] });
      }
    }
    const finding = await tx.finding.create({
      data: {
        campaignId: campaign.id,
        inspectionId,
        patrolId,
        callerId,
        inspectorId: user.id,
        kind: input.kind,
        deductionPercent: input.deductionPercent ?? null,
        description: input.description,
        correctionDeadline,
      },
    });
    // the caller is told what their pay loses and why, in the same transaction as the finding
    const rule = deductionRule(input.kind, policy);
    await notify(tx, {
      userId: callerId,
      campaignId: campaign.id,
      kind: "FINDING",
      params: {
        candidateName,
        violation: input.kind,
        deductionPercent:
          rule.type === "policyDeduction" && rule.deductionPercent > 0
            ? rule.deductionPercent
            : (input.deductionPercent ?? null),
        payoutPercent: rule.type === "policy" ? rule.payoutPercent : null,
        reason: input.description,
        correctionDeadline: input.correctionDeadline ?? null,
      },
      // the progress card, where the deduction shows
      href: "/calls",
    });
    audit({
      entityType: "Finding",
      entityId: finding.id,
      after: {
        callerId,
        inspectionId,
        patrolId,
        kind: input.kind,
        deductionPercent: input.deductionPercent ?? null,
        correctionDeadline: input.correctionDeadline ?? null,
      },
    });
    revalidatePath("/inspection/findings");
    if (patrolId) revalidatePath("/inspection/patrols");
    return { findingId: finding.id };
  },
);

/** The follow-up of a finding: corrected, or not corrected, once its deadline has been checked. */
export const setFindingFollowUp = action(
  {
    name: "finding.followUp",
    permission: "inspection.record",
    schema: z
      .object({
        findingId: z.string().min(1).max(64),
        corrected: z.enum(["true", "false"], { error: messageKey("inspection.errors.followUpRequired") }),
      })
      .strict(),
  },
  async (input, { tx, audit, unchanged }) => {
    const campaign = await campaignOf(tx);
    const finding = await tx.finding.findFirst({
      where: { id: input.findingId, campaignId: campaign.id },
      select: { id: true, corrected: true },
    });
    if (!finding) throw new ActionError("NOT_FOUND");
    const corrected = input.corrected === "true";
    if (finding.corrected === corrected) {
      unchanged();
      return { corrected };
    }
    await tx.finding.update({ where: { id: finding.id }, data: { corrected } });
    audit({
      entityType: "Finding",
      entityId: finding.id,
      before: { corrected: finding.corrected },
      after: { corrected },
    });
    revalidatePath("/inspection/findings");
    return { corrected };
  },
);

/** 资格审查: the body is lib/staff/qualification.ts, shared with the demo seed. */
export const reviewQualification = serverAction(REVIEW_QUALIFICATION, () => revalidatePath("/inspection/staff"));
