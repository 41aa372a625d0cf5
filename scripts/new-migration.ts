// Authors a migration from the change to prisma/schema.prisma since the last commit:
//   npm run db:new-migration -- <name>
// `prisma migrate dev` cannot run through driver adapters, so the SQL comes from `migrate diff`
// between the committed schema and the working one (README "Database").
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}
const migrationsDir = path.join("prisma", "migrations");
const isFirst = !readdirSync(migrationsDir, { withFileTypes: true }).some((e) => e.isDirectory());
const from: string[] = isFirst
  ? ["--from-empty"]
  : (() => {
      const previous = path.join(mkdtempSync(path.join(tmpdir(), "huifang-")), "schema.prisma");
      writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
      return ["--from-schema-datamodel", previous];
    })();
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  {
    env: {
      // the JavaScript schema engine needs some live connection, even to diff two schema files
      DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: "package.json",
      PRISMA_QUERY_ENGINE_LIBRARY: "package.json",
    },
  },
)
  .toString()
  // the config notice is printed on stdout, with or without a line break after it (an empty diff)
  .replace(/^Loaded Prisma config.*(\n|$)/m, "");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
