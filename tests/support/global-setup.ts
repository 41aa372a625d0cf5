import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrate";
import { databaseUrl, dropDatabase, withAdmin } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const template = `huifang_template_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${template}"`));
  // the same `prisma migrate deploy` a deployment runs, against a real server
  await applyMigrations(databaseUrl(template), { quiet: true });
  project.provide("templateDatabase", template);
  return async () => {
    await withAdmin((client) => dropDatabase(client, template));
  };
}
