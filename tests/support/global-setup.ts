import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { setUpDatabaseRoles } from "@/lib/db/roles";
import { adminDatabaseUrl, dropDatabase, ownerUrl, TEST_ROLES, withAdmin } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const template = `huifang_template_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${template}"`));
  // the roles a deployment sets up once (npm run db:roles), then the same `prisma migrate deploy` it runs,
  // as the owner
  const admin = new pg.Client({ connectionString: adminDatabaseUrl(template) });
  await admin.connect();
  try {
    await setUpDatabaseRoles(admin, TEST_ROLES);
  } finally {
    await admin.end();
  }
  await applyMigrations(ownerUrl(template), { quiet: true });
  project.provide("templateDatabase", template);
  return async () => {
    await withAdmin((client) => dropDatabase(client, template));
  };
}
