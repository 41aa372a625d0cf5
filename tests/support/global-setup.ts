import { applyMigrations } from "@/lib/db/migrate";
import { databaseUrl, dropDatabase, TEMPLATE_DATABASE, withAdmin } from "./databases";

export default async function setup() {
  await withAdmin(async (client) => {
    await dropDatabase(client, TEMPLATE_DATABASE);
    await client.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  });
  // the same `prisma migrate deploy` a deployment runs, against a real server
  await applyMigrations(databaseUrl(TEMPLATE_DATABASE), { quiet: true });
  return async () => {
    await withAdmin((client) => dropDatabase(client, TEMPLATE_DATABASE));
  };
}
