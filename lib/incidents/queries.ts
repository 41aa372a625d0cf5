import "server-only";
import { db } from "@/lib/db";
import { registerOrder } from "./status";

/** The register of a campaign, open before closed, graver first, newest first. */
export async function incidentRegister(campaignId: string) {
  const rows = await db().incident.findMany({
    where: { campaignId },
    select: {
      id: true,
      kind: true,
      severity: true,
      status: true,
      source: true,
      title: true,
      reportedAt: true,
      owner: { select: { name: true } },
    },
    take: 500,
  });
  return rows.sort(registerOrder);
}

/** One incident with its people and timeline, or null when it is not the campaign's. */
export function incidentDetail(campaignId: string, id: string) {
  return db().incident.findFirst({
    where: { id, campaignId },
    include: {
      reporter: { select: { name: true } },
      owner: { select: { name: true } },
      candidates: { select: { candidate: { select: { id: true, name: true, examNo: true } } } },
      staff: { select: { user: { select: { id: true, name: true } } } },
      actions: {
        orderBy: [{ takenAt: "asc" }, { createdAt: "asc" }],
        select: { id: true, takenAt: true, note: true, status: true, author: { select: { name: true } } },
      },
    },
  });
}

/** The 较大 and 重大 incidents not yet closed (lib/incidents/status.ts needsLeadership), for the home pages. */
export function incidentsForLeadership(campaignId: string) {
  return db().incident.findMany({
    where: { campaignId, severity: { in: ["SERIOUS", "GRAVE"] }, status: { not: "CLOSED" } },
    select: { id: true, severity: true, status: true, title: true, reportedAt: true },
    orderBy: [{ severity: "desc" }, { reportedAt: "desc" }],
    take: 20,
  });
}

/** Who the register's form offers: the campaign's staff pool (involved) and the inspection team (owner). */
export async function incidentPeople(campaignId: string) {
  const [staff, inspectors] = await Promise.all([
    db().staffProfile.findMany({
      where: { campaignId },
      select: { user: { select: { id: true, name: true } }, group: { select: { name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db().user.findMany({
      where: { active: true, roles: { hasSome: ["INSPECTOR", "INSPECTION_LEAD"] } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { staff: staff.map((s) => ({ ...s.user, group: s.group?.name ?? null })), inspectors };
}
