import { z } from "zod";
import { parseObjectStoreUrl } from "@/lib/storage/object-url";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgresql://user@host:port/database URL");

const flag = z.enum(["on", "off"]);

const publicUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be the app's public address, e.g. https://huifang.example.edu.cn");

/**
 * The object store backend of lib/storage (README "Storage backends"); unset: files are kept in
 * PostgreSQL. Checked by the launcher with the rest, read again by lib/storage through storageEnv().
 */
const storageVariables = {
  HUIFANG_OBJECT_STORE_URL: z
    .string()
    .trim()
    .superRefine((value, context) => {
      const parsed = parseObjectStoreUrl(value);
      if ("problem" in parsed) context.addIssue({ code: "custom", message: parsed.problem });
    })
    .optional(),
};
export const storageEnvSchema = z.object(storageVariables);
export type StorageEnv = z.infer<typeof storageEnvSchema>;

/** pino's levels; `silent` writes nothing. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * Logs and metrics (lib/log, lib/metrics). The launcher checks them with the rest, so a wrong one stops
 * the start; the web server and the app read them again through observabilityEnv().
 */
const observabilityVariables = {
  HUIFANG_LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info"),
  /** what a scraper sends as `Authorization: Bearer …` to read /api/metrics; unset: the endpoint is off */
  HUIFANG_METRICS_TOKEN: z.string().trim().min(24, "must be at least 24 characters (openssl rand -hex 24)").optional(),
};
export const observabilityEnvSchema = z.object(observabilityVariables);
export type ObservabilityEnv = z.infer<typeof observabilityEnvSchema>;

/** Variables the launcher (scripts/serve.ts) reads; see .env.example for what each one is for. */
export const launcherEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  DATABASE_URL: postgresUrl.optional(),
  /** the owner role's address: migrations run as it, the app never sees it (README "Database") */
  DATABASE_OWNER_URL: postgresUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: publicUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HUIFANG_DATA_DIR: z.string().min(1).default(".data"),
  HUIFANG_DEMO: flag.default("on"),
  /** loopback port of the embedded database; 0 picks a free one */
  HUIFANG_EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** reverse proxies in front of the app that append to X-Forwarded-For; 0: clients connect directly */
  HUIFANG_TRUSTED_PROXIES: z
    .string()
    .trim()
    .regex(/^(?:\d|10)$/, "must be a number of proxies from 0 to 10 (0: clients connect directly)")
    .transform(Number)
    .default(0),
  ...observabilityVariables,
  ...storageVariables,
});
export type LauncherEnv = z.infer<typeof launcherEnvSchema>;

/** Variables the running app needs: the launcher always provides the first two. */
export const serverEnvSchema = z.object({
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** set by the launcher: the embedded database runs one transaction at a time (lib/import/progress) */
  HUIFANG_DATABASE: z.enum(["embedded", "server"]).default("server"),
  ...storageVariables,
});
export type ServerEnv = z.infer<typeof serverEnvSchema>;

export class EnvError extends Error {}

/** Parses the environment or throws one line naming the variable and what is wrong with it. */
export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>) {
  // An empty variable (`DATABASE_URL=`) means "not set", as in a shell.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data as z.infer<T>;
  const issue = result.error.issues[0];
  const name = issue?.path.join(".") ?? "environment";
  const message = issue?.code === "invalid_type" ? "is required" : issue?.message;
  throw new EnvError(`${name} ${message}. See .env.example.`);
}

let cachedServerEnv: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  cachedServerEnv ??= parseEnv(serverEnvSchema, process.env);
  return cachedServerEnv;
}

/** Read anew at each call: a scrape of /api/metrics is rare, and a test may change the token. */
export function observabilityEnv(): ObservabilityEnv {
  return parseEnv(observabilityEnvSchema, process.env);
}

/** Read anew at each call, as observabilityEnv: a test points the store at its own server. */
export function storageEnv(): StorageEnv {
  return parseEnv(storageEnvSchema, process.env);
}

/**
 * Whether this instance runs on the embedded database (PGlite, one session: one transaction at a time,
 * so what runs beside a long transaction must not need a connection of its own).
 */
export function isEmbeddedDatabase(env: Pick<ServerEnv, "HUIFANG_DATABASE"> = serverEnv()): boolean {
  return env.HUIFANG_DATABASE === "embedded";
}
