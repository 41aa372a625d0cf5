import pg from "pg";
import { inject } from "vitest";

/**
 * Integration tests run on a PostgreSQL server: TEST_DATABASE_URL, else DATABASE_URL, else the server
 * every machine of this project runs on 127.0.0.1:5432. Each test file works in its own database,
 * cloned from a template that has the migrations applied. The template's name is unique per run, so
 * two runs on one server (a developer's and CI's) never drop each other's.
 */

export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
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

/** The migrated template of this run (created by global-setup.ts). */
export function templateDatabase(): string {
  return inject("templateDatabase");
}
