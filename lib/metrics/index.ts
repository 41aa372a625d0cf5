// The figures /api/metrics gives Prometheus, per instance (prom-client): each process counts its own,
// and Prometheus sums the instances. Labels are action names, outcome codes and list kinds only: a
// person never becomes a label.
import type pg from "pg";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Seconds: a form post takes tens of milliseconds, a list's apply up to minutes. */
const ACTION_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];
const IMPORT_BUCKETS = [0.5, 1, 2.5, 5, 10, 20, 40, 80, 160, 300, 600];

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "huifang_" });
  const pools = new Set<pg.Pool>();
  const livePools = () => {
    for (const pool of pools) if (pool.ended) pools.delete(pool);
    return [...pools];
  };
  return {
    registry,
    pools,
    actions: new Counter({
      name: "huifang_actions_total",
      help: "Actions and route handlers run, by name and outcome (ok or the refusal's code)",
      labelNames: ["action", "outcome"] as const,
      registers: [registry],
    }),
    actionSeconds: new Histogram({
      name: "huifang_action_duration_seconds",
      help: "How long an action or route handler took, from the session check to its answer",
      labelNames: ["action", "outcome"] as const,
      buckets: ACTION_BUCKETS,
      registers: [registry],
    }),
    poolInUse: new Gauge({
      name: "huifang_db_pool_in_use",
      help: "Database connections of this instance's pool running a query or transaction",
      registers: [registry],
      collect() {
        this.set(livePools().reduce((sum, pool) => sum + pool.totalCount - pool.idleCount, 0));
      },
    }),
    poolWaiting: new Gauge({
      name: "huifang_db_pool_waiting",
      help: "Queries and transactions waiting for a connection of this instance's pool",
      registers: [registry],
      collect() {
        this.set(livePools().reduce((sum, pool) => sum + pool.waitingCount, 0));
      },
    }),
    poolMax: new Gauge({
      name: "huifang_db_pool_max",
      help: "Connections this instance's pool may open (DATABASE_POOL_SIZE; 1 on the embedded database)",
      registers: [registry],
      collect() {
        this.set(livePools().reduce((sum, pool) => sum + (pool.options.max ?? 10), 0));
      },
    }),
    importRows: new Counter({
      name: "huifang_import_rows_total",
      help: "Rows of list files written by an apply, by list kind",
      labelNames: ["list"] as const,
      registers: [registry],
    }),
    importSeconds: new Histogram({
      name: "huifang_import_seconds",
      help: "How long an apply took to write its list, by list kind",
      labelNames: ["list"] as const,
      buckets: IMPORT_BUCKETS,
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: "huifang_sign_in_failures_total",
      help: "Sign-ins refused, by reason: invalid (unknown login or wrong password), disabled, empty",
      labelNames: ["reason"] as const,
      registers: [registry],
    }),
    signInLocks: new Counter({
      name: "huifang_sign_in_locks_total",
      help: "Sign-ins refused because the account, the address or the browser reached its failure limit",
      registers: [registry],
    }),
  };
}

type Metrics = ReturnType<typeof createMetrics>;

// Next compiles the actions, the route handlers and the pages into bundles of their own, each with its
// own copy of this module (and of prom-client): on globalThis they count into one set of figures.
const globalForMetrics = globalThis as unknown as { huifangMetrics?: Metrics };

export function metrics(): Metrics {
  globalForMetrics.huifangMetrics ??= createMetrics();
  return globalForMetrics.huifangMetrics;
}

/** Counts one action's run: its outcome and how long it took. */
export function recordAction(action: string, outcome: string, seconds: number) {
  metrics().actions.inc({ action, outcome });
  metrics().actionSeconds.observe({ action, outcome }, seconds);
}

/** Counts a pool's connections in the pool gauges for as long as it is open (lib/db/client.ts). */
export function watchPool(pool: pg.Pool) {
  metrics().pools.add(pool);
}

export function recordImport(list: string, rows: number, seconds: number) {
  metrics().importRows.inc({ list }, rows);
  metrics().importSeconds.observe({ list }, seconds);
}

/** A refused sign-in: a failure, or a lock when a limit refused it before its password was checked. */
export function recordSignInRefusal(reason: "INVALID" | "DISABLED" | "EMPTY" | "LOCKED") {
  if (reason === "LOCKED") metrics().signInLocks.inc();
  else metrics().signInFailures.inc({ reason: reason.toLowerCase() });
}

/** The figures in Prometheus' text format, and its content type. */
export async function exposition(): Promise<{ body: string; contentType: string }> {
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
