"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { IncidentStatus } from "@/generated/prisma/enums";
import { ActionError, action } from "@/lib/action";
import { messageKey, requiredWords } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { openIncident } from "@/lib/incidents/open";
import { canMove, INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES } from "@/lib/incidents/status";
import { parseBeijingDateTime } from "@/lib/time";

// The inspection team's register (二(二) 突发情况处理, 舆情防控): an incident is recorded, its actions are
// appended to its timeline, and it moves OPEN → HANDLING → CLOSED (lib/incidents/status.ts). Every update
// carries the version the page showed: a second person writing from an older page is told, not overwritten.

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const listOf = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

const moment = z.string().refine((v) => parseBeijingDateTime(v) !== null, messageKey("incidents.errors.timeRequired"));

function parsedMoment(value: string, field: string, now: Date): Date {
  const at = parseBeijingDateTime(value);
  if (!at) throw new ActionError("INVALID_INPUT", { [field]: [text("incidents.errors.timeRequired")] });
  if (at > now) throw new ActionError("INVALID_INPUT", { [field]: [text("incidents.errors.timeInFuture")] });
  return at;
}

/** The incident of the campaign in use at the version the page showed, or the refusal. */
async function incidentAt(tx: Prisma.TransactionClient, id: string, version: number) {
  const incident = await tx.incident.findFirst({
    where: { id, ...(await inCampaignInUse(tx)) },
    select: { id: true, status: true, version: true, ownerId: true },
  });
  if (!incident) throw new ActionError("NOT_FOUND");
  if (incident.version !== version) throw new ActionError("STALE");
  return incident;
}

/** Moves the version on, only from the one read: of two people writing at once, the second is refused. */
async function bump(
  tx: Prisma.TransactionClient,
  id: string,
  version: number,
  data: Prisma.IncidentUpdateManyMutationInput,
) {
  const { count } = await tx.incident.updateMany({ where: { id, version }, data: { ...data, version: version + 1 } });
  if (count === 0) throw new ActionError("STALE");
}

export const reportIncident = action(
  {
    name: "incident.open",
    permission: "incident.record",
    schema: z
      .object({
        kind: z.enum(INCIDENT_KINDS, { error: messageKey("incidents.errors.kindRequired") }),
        severity: z.enum(INCIDENT_SEVERITIES, { error: messageKey("incidents.errors.severityRequired") }),
        reportedAt: moment,
        reportedBy: optional(z.string().trim().max(100, messageKey("incidents.errors.reportedByTooLong"))),
        title: requiredWords(100, "incidents.errors.titleRequired", "incidents.errors.titleTooLong"),
        description: requiredWords(2000, "incidents.errors.descriptionRequired", "incidents.errors.descriptionTooLong"),
        examNos: optional(z.string().max(2000, messageKey("incidents.errors.examNosTooLong"))),
        staffIds: z.preprocess(listOf, z.array(z.string().min(1).max(64)).max(50)),
        ownerId: optional(z.string().min(1).max(64)),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const reportedAt = parsedMoment(input.reportedAt, "reportedAt", now);
    const examNos = [...new Set((input.examNos ?? "").split(/[\s,，、;；]+/).filter(Boolean))];
    const candidates = examNos.length
      ? await tx.candidate.findMany({
          where: { campaignId, examNo: { in: examNos } },
          select: { id: true, examNo: true },
        })
      : [];
    const unknown = examNos.filter((no) => !candidates.some((c) => c.examNo === no));
    if (unknown.length > 0) {
      throw new ActionError("INVALID_INPUT", {
        examNos: [text("incidents.errors.unknownExamNos", { examNos: unknown.join(" ") })],
      });
    }
    const people = [...new Set([...input.staffIds, ...(input.ownerId ? [input.ownerId] : [])])];
    const members = await tx.staffProfile.findMany({
      where: { campaignId, userId: { in: people } },
      select: { userId: true },
    });
    const known = new Set(members.map((m) => m.userId));
    if (input.staffIds.some((id) => !known.has(id))) {
      throw new ActionError("INVALID_INPUT", { staffIds: [text("incidents.errors.unknownStaff")] });
    }
    if (input.ownerId && input.ownerId !== user.id) {
      const owner = await tx.user.findFirst({
        where: { id: input.ownerId, active: true, roles: { hasSome: ["INSPECTOR", "INSPECTION_LEAD"] } },
        select: { id: true },
      });
      if (!owner) throw new ActionError("INVALID_INPUT", { ownerId: [text("incidents.errors.unknownOwner")] });
    }
    const { id } = await openIncident(tx, {
      campaignId,
      kind: input.kind,
      severity: input.severity,
      reportedAt,
      title: input.title,
      description: input.description,
      reporterId: user.id,
      reportedBy: input.reportedBy ?? null,
      ownerId: input.ownerId ?? user.id,
      candidateIds: candidates.map((c) => c.id),
      staffIds: input.staffIds,
    });
    audit({
      entityType: "Incident",
      entityId: id,
      after: {
        kind: input.kind,
        severity: input.severity,
        candidates: candidates.length,
        staff: input.staffIds.length,
        ownerId: input.ownerId ?? user.id,
      },
    });
    revalidatePath("/inspection/incidents");
    return { incidentId: id };
  },
);

const versioned = { incidentId: z.string().min(1).max(64), version: z.coerce.number().int().min(1) };

/** An action taken on the incident, with when it was taken, appended to its timeline (never edited). */
export const addIncidentAction = action(
  {
    name: "incident.addAction",
    permission: "incident.record",
    schema: z
      .object({
        ...versioned,
        takenAt: moment,
        note: requiredWords(2000, "incidents.errors.noteRequired", "incidents.errors.noteTooLong"),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const takenAt = parsedMoment(input.takenAt, "takenAt", now);
    const incident = await incidentAt(tx, input.incidentId, input.version);
    if (incident.status === "CLOSED") {
      throw new ActionError("INVALID_INPUT", { note: [text("incidents.errors.closed")] });
    }
    await bump(tx, incident.id, incident.version, {});
    const entry = await tx.incidentAction.create({
      data: { incidentId: incident.id, authorId: user.id, takenAt, note: input.note },
      select: { id: true },
    });
    audit({ entityType: "Incident", entityId: incident.id, after: { actionId: entry.id, takenAt } });
    revalidatePath(`/inspection/incidents/${incident.id}`);
    return { version: incident.version + 1 };
  },
);

/**
 * Moves the incident to another status with a note on the timeline. Closing needs the closing summary;
 * whoever starts handling an incident nobody owns becomes its owner.
 */
export const changeIncidentStatus = action(
  {
    name: "incident.changeStatus",
    permission: "incident.record",
    schema: z
      .object({
        ...versioned,
        status: z.enum(INCIDENT_STATUSES, { error: messageKey("incidents.errors.statusRequired") }),
        note: optional(z.string().trim().max(2000, messageKey("incidents.errors.noteTooLong"))),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const incident = await incidentAt(tx, input.incidentId, input.version);
    const to: IncidentStatus = input.status;
    if (!canMove(incident.status, to)) {
      throw new ActionError("INVALID_INPUT", { status: [text("incidents.errors.cannotMove")] });
    }
    if (to === "CLOSED" && !input.note) {
      throw new ActionError("INVALID_INPUT", { note: [text("incidents.errors.summaryRequired")] });
    }
    await bump(tx, incident.id, incident.version, {
      status: to,
      ...(to === "CLOSED" ? { closingNote: input.note, closedAt: now } : { closedAt: null }),
      ...(to === "HANDLING" && !incident.ownerId ? { ownerId: user.id } : {}),
    });
    await tx.incidentAction.create({
      data: { incidentId: incident.id, authorId: user.id, takenAt: now, note: input.note ?? "", status: to },
    });
    audit({
      entityType: "Incident",
      entityId: incident.id,
      before: { status: incident.status },
      after: { status: to },
    });
    revalidatePath(`/inspection/incidents/${incident.id}`);
    revalidatePath("/inspection/incidents");
    return { status: to, version: incident.version + 1 };
  },
);
