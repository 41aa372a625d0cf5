// What every action and route handler leaves behind besides its audit row: one log line and its
// figures, written by the wrappers (index.ts, route.ts, system.ts) whatever the outcome.
import { log } from "@/lib/log";
import { recordAction } from "@/lib/metrics";

export interface ActionRun {
  /** the action's dotted name (`contact.create`), the route's (`export.campaign`) */
  action: string;
  /** "ok", or the refusal's code (FORBIDDEN, STALE, UNAVAILABLE …) */
  outcome: string;
  /** performance.now() when the wrapper was called */
  startedAt: number;
  /** null before the session is known (UNAUTHENTICATED) */
  userId: string | null;
  requestId: string;
}

export function reportAction({ action, outcome, startedAt, userId, requestId }: ActionRun) {
  const seconds = (performance.now() - startedAt) / 1000;
  recordAction(action, outcome, seconds);
  log().info({ kind: "action", requestId, userId, action, outcome, durationMs: Math.round(seconds * 1000) }, "action");
}
