// Training sessions (培训) and who attended them: the plan's six modules (四(二)), recorded by a group
// leader for their group's members or by an admin for anyone among the campaign's staff (pool members
// and applicants). The recording action and the demo seed both write through here.
import type { TrainingTopic } from "@/generated/prisma/enums";
import { can, type Viewer } from "@/lib/auth/permissions";
import type { Prisma, Reader } from "@/lib/db/client";
import { toDateColumn } from "@/lib/time";

export { TRAINING_TOPICS } from "./training-topics";

/**
 * Whose attendance a person may record, as a filter on StaffProfile: an admin (who manages the staff)
 * anyone in the pool or applying to it; a group leader the members of the groups they lead.
 */
export function trainingScope(campaignId: string, viewer: Viewer): Prisma.StaffProfileWhereInput {
  return {
    campaignId,
    poolStatus: { in: ["APPLIED", "APPROVED"] },
    user: { roles: { has: "CALLER" } },
    ...(can(viewer.roles, "staff.manage") ? {} : { group: { leaderId: viewer.id } }),
  };
}

/** The people a viewer may tick on the attendance list, by group then login. */
export async function trainingPickable(reader: Reader, campaignId: string, viewer: Viewer) {
  return reader.staffProfile.findMany({
    where: trainingScope(campaignId, viewer),
    select: { id: true, user: { select: { name: true, login: true } }, group: { select: { name: true } } },
    // groups in the order they were set up (第一组 first), as the other lists show them
    orderBy: [{ group: { createdAt: "asc" } }, { user: { login: "asc" } }],
  });
}

export interface TrainingRecord {
  campaignId: string;
  /** the Beijing calendar day, "2024-06-20" */
  heldOn: string;
  topic: TrainingTopic;
  note: string | null;
  profileIds: readonly string[];
  recordedById: string;
}

/** One session with its attendance, in the caller's transaction. */
export async function recordTrainingSession(tx: Prisma.TransactionClient, r: TrainingRecord) {
  return tx.trainingSession.create({
    data: {
      campaignId: r.campaignId,
      heldOn: toDateColumn(r.heldOn),
      topic: r.topic,
      note: r.note,
      recordedById: r.recordedById,
      attendance: { createMany: { data: [...new Set(r.profileIds)].map((staffProfileId) => ({ staffProfileId })) } },
    },
    select: { id: true, heldOn: true, topic: true },
  });
}
