// Opening an incident on the inspection team's register (二(二) 突发情况处理, 舆情防控). One function for the
// register's own form and for the app itself (the public call check opens "possible impersonation").
import type { IncidentKind, IncidentSeverity } from "@/generated/prisma/enums";
import type { Prisma } from "@/lib/db/client";

export interface OpenIncidentInput {
  campaignId: string;
  kind: IncidentKind;
  severity: IncidentSeverity;
  /** when it happened or reached the college */
  reportedAt: Date;
  title: string;
  description: string;
  /** the team member recording it; null when the app opens it itself (source SYSTEM) */
  reporterId: string | null;
  /** who raised it from outside (a parent, the bureau), as told */
  reportedBy?: string | null;
  ownerId?: string | null;
  candidateIds?: readonly string[];
  staffIds?: readonly string[];
}

/**
 * Writes the incident (status OPEN, version 1) with the people involved and the first entry of its
 * timeline, in the caller's transaction. The caller checks that the ids belong to the campaign.
 */
export async function openIncident(tx: Prisma.TransactionClient, input: OpenIncidentInput): Promise<{ id: string }> {
  const incident = await tx.incident.create({
    data: {
      campaignId: input.campaignId,
      kind: input.kind,
      severity: input.severity,
      status: "OPEN",
      source: input.reporterId ? "STAFF" : "SYSTEM",
      reporterId: input.reporterId,
      reportedBy: input.reportedBy ?? null,
      reportedAt: input.reportedAt,
      title: input.title,
      description: input.description,
      ownerId: input.ownerId ?? null,
      candidates: { create: [...new Set(input.candidateIds ?? [])].map((candidateId) => ({ candidateId })) },
      staff: { create: [...new Set(input.staffIds ?? [])].map((userId) => ({ userId })) },
      actions: {
        create: { authorId: input.reporterId, takenAt: input.reportedAt, note: "", status: "OPEN" },
      },
    },
    select: { id: true },
  });
  return incident;
}
