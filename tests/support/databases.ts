import pg from "pg";
import { inject } from "vitest";
import { adminUrl } from "./server-url";

/**
 * Integration tests run on a PostgreSQL server: TEST_DATABASE_URL, else DATABASE_URL, else the server
 * every machine of this project runs on 127.0.0.1:5432. Each test file works in its own database,
 * cloned from a template that has the migrations applied. The template's name is unique per run, so
 * two runs on one server (a developer's and CI's) never drop each other's.
 *
 * As in a deployment (README "Database"), the template is migrated by an owner role and the tests reach
 * their database as the app's role, which owns nothing: every test exercises the app's grants. The
 * server's own (admin) connection creates and drops the databases.
 */

export const TEST_ROLES = { owner: { name: "huifang_test_owner" }, app: { name: "huifang_test_app" } } as const;

export { adminUrl };

function urlAs(database: string, role?: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  if (role) {
    url.username = role;
    url.password = "";
  }
  return url.toString();
}

/** The database as the app connects to it: the app's role. */
export function databaseUrl(database: string): string {
  return urlAs(database, TEST_ROLES.app.name);
}

/** The database as the migrations reach it: the owner role. */
export function ownerUrl(database: string): string {
  return urlAs(database, TEST_ROLES.owner.name);
}

/** The database through the server's admin connection. */
export function adminDatabaseUrl(database: string): string {
  return urlAs(database);
}

export async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(client: pg.Client, name: string) {
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A fresh database copied from this run's migrated template, owned like the template by the owner role. */
export async function cloneTemplate(client: pg.Client, name: string) {
  await client.query(`CREATE DATABASE "${name}" OWNER "${TEST_ROLES.owner.name}" TEMPLATE "${templateDatabase()}"`);
}

/** The migrated template of this run (created by global-setup.ts). */
export function templateDatabase(): string {
  return inject("templateDatabase");
}
