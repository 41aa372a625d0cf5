import { describe, expect, it } from "vitest";
import { EnvError, isEmbeddedDatabase, launcherEnvSchema, parseEnv, serverEnvSchema } from "./index";

const SECRET = "s".repeat(32);

describe("parseEnv", () => {
  it("defaults everything for the embedded demo", () => {
    expect(parseEnv(launcherEnvSchema, {})).toEqual({
      NODE_ENV: "production",
      PORT: 3000,
      HUIFANG_DATA_DIR: ".data",
      HUIFANG_DEMO: "on",
      HUIFANG_EMBEDDED_DB_PORT: 0,
      HUIFANG_TRUSTED_PROXIES: 0,
      HUIFANG_LOG_LEVEL: "info",
    });
  });

  it("stops on an unknown log level or a short metrics token with one line naming it", () => {
    expect(() => parseEnv(launcherEnvSchema, { HUIFANG_LOG_LEVEL: "verbose" })).toThrow(
      "HUIFANG_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent. See .env.example.",
    );
    expect(() => parseEnv(launcherEnvSchema, { HUIFANG_METRICS_TOKEN: "short" })).toThrow(
      "HUIFANG_METRICS_TOKEN must be at least 24 characters (openssl rand -hex 24). See .env.example.",
    );
    expect(parseEnv(launcherEnvSchema, { HUIFANG_LOG_LEVEL: "debug" }).HUIFANG_LOG_LEVEL).toBe("debug");
  });

  it.each([["11"], ["-1"], ["1.5"], ["one"]])("stops on a proxy count of %s with one line naming it", (count) => {
    expect(() => parseEnv(launcherEnvSchema, { HUIFANG_TRUSTED_PROXIES: count })).toThrow(
      "HUIFANG_TRUSTED_PROXIES must be a number of proxies from 0 to 10 (0: clients connect directly). See .env.example.",
    );
  });

  it("stops on a public address that is not an http(s) URL", () => {
    expect(() => parseEnv(launcherEnvSchema, { NEXTAUTH_URL: "huifang.example.edu.cn" })).toThrow(
      "NEXTAUTH_URL must be the app's public address, e.g. https://huifang.example.edu.cn. See .env.example.",
    );
    expect(parseEnv(launcherEnvSchema, { NEXTAUTH_URL: "" }).NEXTAUTH_URL).toBeUndefined();
  });

  it("reads the proxy count", () => {
    expect(parseEnv(launcherEnvSchema, { HUIFANG_TRUSTED_PROXIES: "2" }).HUIFANG_TRUSTED_PROXIES).toBe(2);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv(launcherEnvSchema, { DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([["mysql://root@localhost/huifang"], ["postgresql://"], ["not a url"], ["localhost:5432/huifang"]])(
    "stops on a malformed DATABASE_URL %s with one line naming it",
    (url) => {
      expect(() => parseEnv(launcherEnvSchema, { DATABASE_URL: url })).toThrow(EnvError);
      try {
        parseEnv(launcherEnvSchema, { DATABASE_URL: url });
      } catch (error) {
        expect((error as Error).message).toMatch(/^DATABASE_URL must be a postgresql:\/\/.*\.$/);
        expect((error as Error).message).not.toContain("\n");
      }
    },
  );

  it("accepts postgres and postgresql URLs", () => {
    for (const url of ["postgresql://u:p@db:5432/huifang", "postgres://u@127.0.0.1/huifang?sslmode=require"]) {
      expect(parseEnv(launcherEnvSchema, { DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
  });

  it("requires the app's secret and database, naming the missing one", () => {
    expect(() => parseEnv(serverEnvSchema, { DATABASE_URL: "postgresql://u@h/d" })).toThrow(
      "NEXTAUTH_SECRET is required. See .env.example.",
    );
    expect(() => parseEnv(serverEnvSchema, { NEXTAUTH_SECRET: SECRET })).toThrow("DATABASE_URL is required");
    expect(() => parseEnv(serverEnvSchema, { DATABASE_URL: "postgresql://u@h/d", NEXTAUTH_SECRET: "short" })).toThrow(
      "NEXTAUTH_SECRET must be at least 32 characters",
    );
  });

  it("rejects a port out of range", () => {
    expect(() => parseEnv(launcherEnvSchema, { PORT: "70000" })).toThrow(/^PORT /);
  });
});

describe("isEmbeddedDatabase", () => {
  it("is true only when the launcher says the database is the embedded one", () => {
    const env = (database?: string) =>
      parseEnv(serverEnvSchema, {
        DATABASE_URL: "postgresql://u@h/d",
        NEXTAUTH_SECRET: SECRET,
        HUIFANG_DATABASE: database,
      });
    expect(isEmbeddedDatabase(env("embedded"))).toBe(true);
    expect(isEmbeddedDatabase(env("server"))).toBe(false);
    expect(isEmbeddedDatabase(env())).toBe(false);
  });
});
