// `npm run db:roles -- <admin URL>`: the one-time set-up of a deployment's two database roles (README
// "Database"). The roles, their passwords and the database are those of DATABASE_OWNER_URL (the owner, who
// runs the migrations) and DATABASE_URL (the app, which owns nothing); the admin URL names a role that may
// create roles and databases (e.g. postgres). Creates the database if it is missing. Running it again
// keeps what exists and updates the passwords. Exit 0 when done, 2 for missing or inconsistent settings.
import pg from "pg";
import { roleOfUrl, setUpDatabaseRoles } from "@/lib/db/roles";
import { EnvError, launcherEnvSchema, parseEnv } from "@/lib/env";

const USAGE = [
  "usage: DATABASE_URL=postgresql://huifang_app:…@host/huifang \\",
  "       DATABASE_OWNER_URL=postgresql://huifang_owner:…@host/huifang \\",
  "       npm run db:roles -- postgresql://postgres@host/postgres",
].join("\n");

function fail(message: string): never {
  console.error(`[huifang] ${message}\n${USAGE}`);
  process.exit(2);
}

let env: { DATABASE_URL?: string; DATABASE_OWNER_URL?: string };
try {
  env = parseEnv(launcherEnvSchema.pick({ DATABASE_URL: true, DATABASE_OWNER_URL: true }), process.env);
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}
const adminUrl = process.argv[2];
if (!adminUrl || !env.DATABASE_URL || !env.DATABASE_OWNER_URL) {
  fail("db:roles needs DATABASE_URL, DATABASE_OWNER_URL and an admin URL.");
}
const appUrl = new URL(env.DATABASE_URL);
const ownerUrl = new URL(env.DATABASE_OWNER_URL);
if (appUrl.host !== ownerUrl.host || appUrl.pathname !== ownerUrl.pathname) {
  fail("DATABASE_URL and DATABASE_OWNER_URL must name the same server and database.");
}
const database = decodeURIComponent(appUrl.pathname.slice(1));
const roles = { owner: roleOfUrl(ownerUrl.toString()), app: roleOfUrl(appUrl.toString()) };

const server = new pg.Client({ connectionString: adminUrl });
await server.connect();
try {
  await server.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  console.log(`[huifang] created database ${database}`);
} catch (error) {
  // duplicate_database: set up an existing one
  if ((error as { code?: string }).code !== "42P04") throw error;
} finally {
  await server.end();
}

const targetUrl = new URL(adminUrl);
targetUrl.pathname = `/${encodeURIComponent(database)}`;
const admin = new pg.Client({ connectionString: targetUrl.toString() });
await admin.connect();
try {
  await setUpDatabaseRoles(admin, roles);
} finally {
  await admin.end();
}
console.log(
  `[huifang] database ${database}: owner ${roles.owner.name} (migrations), app ${roles.app.name} (owns nothing). ` +
    "Next: npm run db:migrate, then npm run serve.",
);
