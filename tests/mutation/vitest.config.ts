import path from "node:path";
import { defineConfig } from "vitest/config";

// The unit tests of the cores `npm run test:mutation` mutates (tests/mutation/stryker.config.mjs): one plain
// project, as Stryker's vitest runner expects, with the app's import alias.
const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": path.join(root, "tests/support/empty.ts") } },
  test: {
    include: ["lib/subsidy/**/*.test.ts", "lib/workflow/**/*.test.ts"],
    environment: "node",
  },
});
