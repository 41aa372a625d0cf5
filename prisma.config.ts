// Configuration of the Prisma CLI (generate, migrate deploy). The CLI runs its JavaScript schema engine
// through the same driver adapter as the app, so no engine binary is downloaded (see README "Database").
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// The config switches off .env loading; `generate` needs some URL even though it never connects.
process.env.DATABASE_URL ??= "postgresql://placeholder/huifang";

/**
 * Migrate reads catalog columns of type `name` (OID 19), which the adapter cannot deserialize
 * ("Column type 'name' could not be deserialized", prisma/prisma#27403). Reporting them as `text`
 * (OID 25) is exact for these read-only catalog queries. Used by the CLI only, never by the app.
 */
class NameAsTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query() has a dozen overloads; we only wrap it.
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as (...a: any[]) => any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((res: pg.QueryResult) => {
        for (const field of res?.fields ?? []) {
          if (field.dataTypeID === 19) field.dataTypeID = 25;
        }
        return res;
      });
    }
    return result;
  }
}

/**
 * The adapter runs a migration by splitting it on ";", which breaks any dollar-quoted function body
 * (the audit log's append-only trigger). PostgreSQL runs a multi-statement script sent as one simple
 * query in one implicit transaction, so send it whole: it is also all-or-nothing that way.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (error) {
        // onError is protected: it maps the pg error to the adapter's error type and throws
        (adapter as unknown as { onError(e: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const connectionString = process.env.DATABASE_URL ?? "";
    return new WholeScriptPrismaPg(new NameAsTextPool({ connectionString, max: 1 }));
  },
});
