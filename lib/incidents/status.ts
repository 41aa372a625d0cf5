// The rules of an incident's life (pure): which status may follow which, what closing needs, and which
// incidents stay in front of the inspection lead and the leadership.
import type { IncidentSeverity, IncidentStatus, Role } from "@/generated/prisma/enums";

export const INCIDENT_KINDS = [
  "BUREAU_COMPLAINT",
  "SOCIAL_MEDIA",
  "PARENT_COMPLAINT",
  "STAFF_MISCONDUCT",
  "IMPERSONATION",
  "OTHER",
] as const;

export const INCIDENT_SEVERITIES = ["GENERAL", "SERIOUS", "GRAVE"] as const satisfies readonly IncidentSeverity[];

export const INCIDENT_STATUSES = ["OPEN", "HANDLING", "CLOSED"] as const satisfies readonly IncidentStatus[];

/**
 * OPEN → HANDLING → CLOSED, or OPEN → CLOSED (a report found groundless); a closed incident may be
 * reopened to HANDLING when it flares up again. Staying put is not a move.
 */
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  OPEN: ["HANDLING", "CLOSED"],
  HANDLING: ["CLOSED"],
  CLOSED: ["HANDLING"],
};

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[from];
}

/** 较大 and 重大 incidents not yet closed are shown on the inspection lead's and the admins' home pages. */
export function needsLeadership(incident: { severity: IncidentSeverity; status: IncidentStatus }): boolean {
  return incident.severity !== "GENERAL" && incident.status !== "CLOSED";
}

/** The register's order: open before closed, graver first, then the newest. */
export function registerOrder(
  a: { severity: IncidentSeverity; status: IncidentStatus; reportedAt: Date },
  b: { severity: IncidentSeverity; status: IncidentStatus; reportedAt: Date },
): number {
  const closed = Number(a.status === "CLOSED") - Number(b.status === "CLOSED");
  if (closed !== 0) return closed;
  const grave = INCIDENT_SEVERITIES.indexOf(b.severity) - INCIDENT_SEVERITIES.indexOf(a.severity);
  if (grave !== 0) return grave;
  return b.reportedAt.getTime() - a.reportedAt.getTime();
}

/**
 * Whose home page lists those incidents: the leadership's (admins'), the callback lead's, who answers for the
 * campaign to them, and the inspection lead's, whose team handles them.
 */
export function seesLeadershipIncidents(roles: readonly Role[]): boolean {
  return roles.includes("ADMIN") || roles.includes("CALLBACK_LEAD") || roles.includes("INSPECTION_LEAD");
}
