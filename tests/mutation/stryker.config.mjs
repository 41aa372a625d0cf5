// @ts-check
// `npm run test:mutation`: mutation testing of the pure cores that decide money and the workflow (README
// "Tests that pin the money down"). Opt-in, not part of `npm test`: it runs the unit tests once per mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "tests/mutation/vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: ["lib/subsidy/**/*.ts", "lib/workflow/**/*.ts", "!**/*.test.ts"],
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  concurrency: 2,
  thresholds: { high: 95, low: 90, break: null },
};
export default config;
