import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` stops with one line naming the variable when the environment is wrong, before it
// touches any database or starts the web server.
function serve(env: Record<string, string>) {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("the launcher's start-up checks", () => {
  it("stops on a malformed DATABASE_URL with one line", () => {
    const result = serve({ DATABASE_URL: "mysql://root@localhost/huifang" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "[huifang] cannot start: DATABASE_URL must be a postgresql://user@host:port/database URL. See .env.example.",
    );
    expect(result.stdout).toBe("");
  });

  it("stops without NEXTAUTH_SECRET next to a server URL", () => {
    const result = serve({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "[huifang] cannot start: NEXTAUTH_SECRET is required with DATABASE_URL (at least 32 characters). See .env.example.",
    );
  });

  // a server nobody listens on: a launcher that got past its checks would fail there instead
  const unreachable = { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/huifang", NEXTAUTH_SECRET: "s".repeat(32) };

  it("stops on a proxy count that is not a number of proxies", () => {
    const result = serve({ ...unreachable, HUIFANG_TRUSTED_PROXIES: "yes" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "[huifang] cannot start: HUIFANG_TRUSTED_PROXIES must be a number of proxies from 0 to 10 (0: clients connect directly). See .env.example.",
    );
  });

  it("stops on a public address that is not a URL", () => {
    const result = serve({ ...unreachable, NEXTAUTH_URL: "huifang.example.edu.cn" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "[huifang] cannot start: NEXTAUTH_URL must be the app's public address, e.g. https://huifang.example.edu.cn. See .env.example.",
    );
  });

  it("stops on a secret that is too short", () => {
    const result = serve({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", NEXTAUTH_SECRET: "short" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "[huifang] cannot start: NEXTAUTH_SECRET must be at least 32 characters. See .env.example.",
    );
  });
});
