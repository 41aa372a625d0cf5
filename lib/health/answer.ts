// What GET /api/health answers, from what the check found (pure: no database, no clock).

/** What the check found: the database did not answer, or which committed migrations it lacks. */
export type HealthFinding = { reachable: false } | { reachable: true; pending: readonly string[] };

export type HealthStatus = "ok" | "database_unreachable" | "migrations_pending";

export interface HealthAnswer {
  httpStatus: 200 | 503;
  body: { status: HealthStatus; version: string };
}

/**
 * 200 only when the database answers and has every committed migration: an instance on an old schema
 * would fail its first query that needs the new one, so a load balancer should not send it traffic.
 * The body says which case it is and the app's version, nothing about the data.
 */
export function healthAnswer(finding: HealthFinding, version: string): HealthAnswer {
  const status: HealthStatus = !finding.reachable
    ? "database_unreachable"
    : finding.pending.length > 0
      ? "migrations_pending"
      : "ok";
  return { httpStatus: status === "ok" ? 200 : 503, body: { status, version } };
}

/** The committed migrations the database has not finished applying, in the order they were committed. */
export function pendingMigrations(committed: readonly string[], applied: readonly string[]): string[] {
  const done = new Set(applied);
  return [...committed].sort().filter((name) => !done.has(name));
}
