/** The prefix of a derived 未报到 queue entry's id: it has no Escalation row yet (./not-enrolled.ts). */
export const DERIVED_PREFIX = "not-enrolled:";
