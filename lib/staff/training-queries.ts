import "server-only";
// The staff pool page's reads (app/(app)/staff-pool): who a viewer sees, their training and assessments,
// the recent sessions. Scoped as the actions are: admins and inspectors the whole campaign, a group
// leader the groups they lead.
import { can, type Viewer } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { trainingPickable } from "./training";

/** What a viewer may do on the staff pool pages; a page opens for anyone who may do one of them. */
export function staffPoolAccess(roles: Viewer["roles"]) {
  return {
    training: can(roles, "training.record"),
    assessment: can(roles, "assessment.record"),
    overtime: can(roles, "overtime.enter"),
  };
}

/** Whom a viewer sees: everyone for those who assess or pay, a leader's own groups otherwise. */
function peopleScope(campaignId: string, viewer: Viewer): Prisma.StaffProfileWhereInput {
  const access = staffPoolAccess(viewer.roles);
  const everyone = access.assessment || access.overtime || can(viewer.roles, "staff.manage");
  // the pool is its callers (the review list's rule): the teams' other members hold profiles too
  return {
    campaignId,
    user: { roles: { has: "CALLER" } },
    ...(everyone ? {} : { group: { leaderId: viewer.id } }),
  };
}

export async function staffPoolList(campaignId: string, viewer: Viewer) {
  const rows = await db().staffProfile.findMany({
    where: peopleScope(campaignId, viewer),
    select: {
      id: true,
      poolStatus: true,
      overtimeFen: true,
      user: { select: { name: true, login: true } },
      group: { select: { name: true } },
      trainings: { select: { session: { select: { topic: true } } } },
      assessments: {
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
        take: 1,
        select: { kind: true, heldOn: true, score: true, passed: true },
      },
    },
    // groups in the order they were set up (第一组 first), as the other lists show them
    orderBy: [{ group: { createdAt: "asc" } }, { user: { login: "asc" } }],
  });
  return rows.map((r) => ({ ...r, topicsAttended: new Set(r.trainings.map((a) => a.session.topic)).size }));
}

/** The latest sessions, with how many attended (a leader: those with someone of their groups). */
export async function recentSessions(campaignId: string, viewer: Viewer, take = 20) {
  const scope = peopleScope(campaignId, viewer);
  return db().trainingSession.findMany({
    where: { campaignId, attendance: { some: { profile: scope } } },
    select: {
      id: true,
      heldOn: true,
      topic: true,
      note: true,
      recordedBy: { select: { name: true } },
      _count: { select: { attendance: true } },
    },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take,
  });
}

/** One person's record: what they attended, their assessments, their overtime; null outside the scope. */
export async function staffRecord(campaignId: string, profileId: string, viewer: Viewer) {
  return db().staffProfile.findFirst({
    where: { ...peopleScope(campaignId, viewer), id: profileId },
    select: {
      id: true,
      poolStatus: true,
      qualification: true,
      overtimeFen: true,
      overtimeReason: true,
      user: { select: { name: true, login: true } },
      group: { select: { name: true } },
      trainings: {
        select: { session: { select: { id: true, heldOn: true, topic: true, note: true } } },
        orderBy: { session: { heldOn: "desc" } },
      },
      assessments: {
        orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
        select: {
          id: true,
          kind: true,
          heldOn: true,
          score: true,
          passed: true,
          note: true,
          recordedBy: { select: { name: true } },
        },
      },
    },
  });
}

/** The people a viewer may tick on the training form (lib/staff/training trainingScope). */
export function trainingAttendees(campaignId: string, viewer: Viewer) {
  return trainingPickable(db(), campaignId, viewer);
}
