// The app's one logger: one JSON line per event on stdout (pino), for the server's process manager or
// log collector to keep. What goes in a line is ids, names of actions, codes and durations: never a
// person's name, phone, login, a form's values or a URL's query string (docs/reliability.md #19).
import { randomUUID } from "node:crypto";
import pino from "pino";
import { observabilityEnv } from "@/lib/env";

export type Logger = pino.Logger;

/**
 * The request id the web server gives each request (lib/http/request-log.ts): the request's log line,
 * the line of each action it runs and the audit rows those actions write all carry it.
 */
export const REQUEST_ID_HEADER = "x-huifang-request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The web server's request id when the value is one (it always is behind it), else a new id. */
export function requestIdOr(value: string | null | undefined): string {
  return value && UUID.test(value) ? value : randomUUID();
}

// Next compiles the pages, the actions and the route handlers into bundles of their own, each with
// its own copy of this module: on globalThis they and the web server share one logger.
const globalForLog = globalThis as unknown as { huifangLogger?: Logger };

function defaultLevel(): string {
  // vitest runs thousands of actions; a test that reads the lines sets its own destination and level
  if (!process.env.HUIFANG_LOG_LEVEL && process.env.VITEST) return "warn";
  return observabilityEnv().HUIFANG_LOG_LEVEL;
}

function createLogger(destination: pino.DestinationStream, level = defaultLevel()): Logger {
  return pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export function log(): Logger {
  // synchronous writes: a line is written whole before the process can exit or crash
  globalForLog.huifangLogger ??= createLogger(pino.destination({ dest: 1, sync: true }));
  return globalForLog.huifangLogger;
}

/** Sends the lines to `destination` until the returned function is called (tests read them). */
export function logTo(destination: pino.DestinationStream, level: string = "info"): () => void {
  const previous = globalForLog.huifangLogger;
  globalForLog.huifangLogger = createLogger(destination, level);
  return () => {
    globalForLog.huifangLogger = previous;
  };
}

/**
 * What a log line may say of an error: its class, its code and where it was thrown. Not its message:
 * Prisma's quote the query's arguments and PostgreSQL's the offending row (`Key (phone)=(138…)`), so a
 * message is kept only for errors of the app's own code, which never put data in them.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  const fromDatabase =
    "clientVersion" in error ||
    "severity" in error ||
    error.name.startsWith("Prisma") ||
    error.name === "DriverAdapterError";
  return {
    type: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(fromDatabase ? {} : { message: error.message }),
    stack: error.stack
      ?.split("\n")
      .filter((line) => line.trimStart().startsWith("at "))
      .slice(0, 12)
      .join("\n"),
  };
}
