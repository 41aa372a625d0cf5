import type { Prisma } from "@/lib/db/client";

/**
 * A candidate's status fields: what lib/workflow reads to place them (stage, to-do reason) and what the
 * caller's list and the exports show.
 */
export const candidateStatusSelect = {
  intent: true,
  withdrawal: true,
  decline: true,
  admitted: true,
  comeIntent: true,
  paid: true,
  dormChosen: true,
  busBooked: true,
  masterInterest: true,
  enrollment: true,
  lastContactAt: true,
} as const satisfies Prisma.CandidateSelect;
