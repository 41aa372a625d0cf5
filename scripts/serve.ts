// `npm start` (after the build) and `npm run dev`: gets a database (the embedded one unless
// DATABASE_URL is set), applies migrations, loads the demo campaign on first start, then runs Next.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EmbeddedDatabase } from "@/lib/db/embedded";
import { EnvError, launcherEnvSchema, parseEnv } from "@/lib/env";
import { log } from "@/lib/log";

const dev = process.argv.includes("--dev");

function fail(message: string): never {
  // a plain line for the person starting it, not a log line: what is wrong may be HUIFANG_LOG_LEVEL itself
  console.error(`[huifang] cannot start: ${message}`);
  process.exit(1);
}

/** The embedded demo keeps a generated secret beside its data, so sessions survive restarts. */
function embeddedSecret(dataDir: string) {
  const file = path.join(dataDir, "secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let env: ReturnType<typeof parseEnv<typeof launcherEnvSchema>>;
  try {
    env = parseEnv(launcherEnvSchema, { ...process.env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  let secret = env.NEXTAUTH_SECRET;
  let poolSize = process.env.DATABASE_POOL_SIZE || "10";
  if (!databaseUrl) {
    const started = Date.now();
    // loaded only once the environment is known to be sound, so a bad one fails in a moment
    const { startEmbeddedDatabase, EMBEDDED_POOL_SIZE, EmbeddedDatabaseInUseError } = await import("@/lib/db/embedded");
    // one connection, whatever DATABASE_POOL_SIZE says (see EMBEDDED_POOL_SIZE for why)
    poolSize = String(EMBEDDED_POOL_SIZE);
    embedded = await startEmbeddedDatabase(env.HUIFANG_DATA_DIR, { port: env.HUIFANG_EMBEDDED_DB_PORT }).catch(
      (error: unknown) => {
        if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
        fail(
          `the embedded database in ${path.resolve(env.HUIFANG_DATA_DIR)} is open in process ${error.pid} ` +
            "(another `npm start` or a command): stop it first, or give this one its own HUIFANG_DATA_DIR",
        );
      },
    );
    databaseUrl = embedded.url;
    secret ??= embeddedSecret(env.HUIFANG_DATA_DIR);
    log().info(
      `[huifang] embedded PostgreSQL (PGlite) on ${path.resolve(env.HUIFANG_DATA_DIR, "pgdata")} ` +
        `ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } else if (!secret) {
    if (!dev) fail("NEXTAUTH_SECRET is required with DATABASE_URL (at least 32 characters). See .env.example.");
    secret = "development-only-secret-not-for-production-use";
  }

  const stopDatabase = async () => {
    await embedded?.stop().catch(() => undefined);
  };

  try {
    const { applyMigrations } = await import("@/lib/db/migrate");
    // on a server, migrations run as the owner role; the app's role may not change the schema
    await applyMigrations(embedded ? databaseUrl : (env.DATABASE_OWNER_URL ?? databaseUrl));
    if (env.HUIFANG_DEMO === "on") {
      const { seedDemoIfEmpty } = await import("@/prisma/seed");
      await seedDemoIfEmpty(databaseUrl);
    }
  } catch (error) {
    await stopDatabase();
    fail(error instanceof Error ? error.message : String(error));
  }

  // Next runs in a process of its own, behind lib/http/web-server.ts (under tsx, as this script),
  // so the embedded database's work never holds up a page
  const webServer = path.join(import.meta.dirname, "web-server.ts");
  const child = spawn(process.execPath, [...process.execArgv, webServer], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      DATABASE_URL: databaseUrl,
      // the app works with its own role only
      DATABASE_OWNER_URL: undefined,
      NEXTAUTH_SECRET: secret,
      // Without NEXTAUTH_URL, next-auth builds its redirects from the host the browser addressed, which
      // the web server has made trustworthy (X-Forwarded-Host/-Proto come from it or a trusted proxy)
      AUTH_TRUST_HOST: "true",
      // next-auth's client code fails on an empty one (`NEXTAUTH_URL=` as in .env.example)
      NEXTAUTH_URL: env.NEXTAUTH_URL,
      HUIFANG_TRUSTED_PROXIES: String(env.HUIFANG_TRUSTED_PROXIES),
      DATABASE_POOL_SIZE: poolSize,
      HUIFANG_DATABASE: embedded ? "embedded" : "server",
    },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", async (code, signal) => {
    await stopDatabase();
    process.exit(code ?? (signal ? 0 : 1));
  });
}

await main();
