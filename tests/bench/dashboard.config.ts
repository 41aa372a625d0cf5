// `npm run bench:dashboard`: its own vitest run (not the integration project's per-file template copy),
// because it builds a province-scale database once and keeps it for the whole run.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..", "..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside Next's server bundle; the benchmark calls the server reads directly
      "server-only": path.join(root, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/bench/dashboard.scale.ts"],
    environment: "node",
    testTimeout: 60 * 60_000,
    hookTimeout: 60 * 60_000,
    fileParallelism: false,
  },
});
