// Prisma's debug module keeps the arguments of its last 100 calls for its crash reports, and the pg
// adapter and the client call it with every query's SQL and parameters, debugging on or off. A list
// import sends each 2,000-row chunk as one parameter of about a megabyte, so the history held some
// 100 MB of candidates' names and phones for no reader (bench:import). The patches in patches/
// (@prisma+debug, @prisma+client; applied by patch-package on install) keep the history only while a
// namespace is being debugged. Both copies are checked here: the package the adapter uses, and the one
// bundled into the client runtime.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Debug as RuntimeDebug } from "@prisma/client/runtime/client";
import { getLogs, Debug as PackageDebug } from "@prisma/debug";
import { describe, expect, it } from "vitest";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Whether `debug` still holds a parameter it was called with once the caller let go of it. */
async function retains(debug: (...args: unknown[]) => void) {
  let parameter: { values: string[] } | null = { values: ["钱同学".repeat(1000)] };
  const watched = new WeakRef(parameter);
  debug("[js::execute_raw] %O", { sql: "INSERT …", args: [parameter] });
  parameter = null;
  // a WeakRef target stays alive until the end of the current job: let it end, then collect
  await new Promise((resolve) => setTimeout(resolve, 0));
  collectGarbage();
  return watched.deref() !== undefined;
}

describe("Prisma's debug history", () => {
  it("keeps no query parameter while debugging is off (@prisma/debug, used by the pg adapter)", async () => {
    expect(await retains(PackageDebug("prisma:driver-adapter:pg"))).toBe(false);
    expect(getLogs()).not.toContain("INSERT");
  });

  it("keeps no query parameter while debugging is off (the copy bundled in the client runtime)", async () => {
    expect(await retains(RuntimeDebug("prisma:client"))).toBe(false);
  });

  it("still keeps the history of a namespace being debugged, for Prisma's crash reports", async () => {
    const debug = PackageDebug("prisma:huifang-test");
    debug.enabled = true;
    debug.log = () => {};
    expect(await retains(debug)).toBe(true);
  });
});
