// `npm run db:migrate`: applies the committed migrations (prisma/migrations) to the server, as the owner
// role of DATABASE_OWNER_URL, else with DATABASE_URL (README "Database"). `npm start` does the same at
// start-up; this is for a deployment that migrates before it starts the app.
import { applyMigrations } from "@/lib/db/migrate";
import { EnvError, launcherEnvSchema, parseEnv } from "@/lib/env";

try {
  const env = parseEnv(launcherEnvSchema.pick({ DATABASE_URL: true, DATABASE_OWNER_URL: true }), process.env);
  const url = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
  if (!url) {
    console.error("[huifang] db:migrate needs DATABASE_OWNER_URL (or DATABASE_URL). See .env.example.");
    process.exit(2);
  }
  await applyMigrations(url);
} catch (error) {
  console.error(`[huifang] cannot migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof EnvError ? 2 : 1);
}
