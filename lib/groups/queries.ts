import "server-only";
import { db } from "@/lib/db";
import { workflowPolicyOf } from "@/lib/workflow";
import { DERIVED_PREFIX, notEnrolledCaseWhere, notEnrolledSince } from "./not-enrolled";

const LATEST_ATTEMPTS = {
  orderBy: { startedAt: "desc" },
  take: 3,
  select: { id: true, startedAt: true, outcome: true, channel: true },
} as const;

/**
 * The group's escalations waiting for the leader, oldest first, with the caller's latest attempts; after
 * the 报到 window, the candidates still not enrolled with a derived 未报到 case among the open ones (see
 * ./not-enrolled.ts: nothing is written until the leader routes one).
 */
export async function groupEscalations(groupId: string, now: Date = new Date()) {
  const prisma = db();
  const [escalations, group] = await Promise.all([
    prisma.escalation.findMany({
      where: { candidate: { groupId }, status: { in: ["OPEN", "SENT_BACK", "FORWARDED", "CLAIMED"] } },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      take: 100,
      select: {
        id: true,
        reason: true,
        status: true,
        note: true,
        advice: true,
        version: true,
        createdAt: true,
        fromUser: { select: { name: true } },
        candidate: { select: { name: true, examNo: true, contactLogs: LATEST_ATTEMPTS } },
      },
    }),
    prisma.group.findUnique({
      where: { id: groupId },
      select: { campaign: { select: { workflowPolicy: true, phaseWindows: true } } },
    }),
  ]);
  const closedAt = group
    ? notEnrolledSince(group.campaign.phaseWindows, workflowPolicyOf(group.campaign.workflowPolicy), now)
    : null;
  if (!closedAt) return escalations;
  const candidates = await prisma.candidate.findMany({
    where: { groupId, ...notEnrolledCaseWhere(closedAt) },
    orderBy: { examNo: "asc" },
    take: 200,
    select: {
      id: true,
      name: true,
      examNo: true,
      assignedCaller: { select: { name: true } },
      contactLogs: LATEST_ATTEMPTS,
    },
  });
  const derived = candidates.map((c) => ({
    id: `${DERIVED_PREFIX}${c.id}`,
    reason: "NOT_ENROLLED" as const,
    status: "OPEN" as const,
    note: null,
    advice: null,
    version: 0,
    createdAt: closedAt,
    // the case stands for the caller in charge's candidate
    fromUser: { name: c.assignedCaller?.name ?? "—" },
    candidate: { name: c.name, examNo: c.examNo, contactLogs: c.contactLogs },
  }));
  // the leader's open cases first (raised ones, then 未报到), then those already routed
  const open = escalations.filter((e) => e.status === "OPEN");
  return [...open, ...derived, ...escalations.filter((e) => e.status !== "OPEN")];
}
