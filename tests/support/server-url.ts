/**
 * The PostgreSQL server the integration tests use, as a role that may create roles and databases:
 * TEST_DATABASE_URL, else DATABASE_URL, else the server every machine of this project runs on 127.0.0.1:5432.
 * Its own module, free of vitest, so `npm test`'s setup step (scripts/test-prerequisites.ts) checks the same one.
 */
export function adminUrl(): string {
  return process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}
