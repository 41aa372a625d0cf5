import { describe, expect, it, vi } from "vitest";
import { processProgress } from "./progress";

describe("the process-wide apply progress (embedded database)", () => {
  it("reports each upload's stage until the apply ends, and idle otherwise", async () => {
    const progress = processProgress();
    expect(await progress.read("a")).toEqual({ stage: "idle" });
    await progress.report("a", { stage: "checking" }, "data-1");
    await progress.report("b", { stage: "writing", written: 2000, total: 5000 }, "data-2");
    expect(await progress.read("a")).toEqual({ stage: "checking" });
    await progress.report("a", { stage: "writing", written: 4000, total: 100000 }, "data-1");
    expect(await progress.read("a")).toEqual({ stage: "writing", written: 4000, total: 100000 });
    // answered to the user who started the apply only
    expect(await progress.readFor("a", "data-1")).toEqual({ stage: "writing", written: 4000, total: 100000 });
    expect(await progress.readFor("a", "data-2")).toEqual({ stage: "idle" });
    await progress.end("a");
    expect(await progress.read("a")).toEqual({ stage: "idle" });
    expect(await progress.read("b")).toEqual({ stage: "writing", written: 2000, total: 5000 });
    await progress.end("b");
  });

  it("is one store per process, whichever copy of the module asks (each server bundle has its own)", async () => {
    await processProgress().report("c", { stage: "checking" }, "data-1");
    vi.resetModules();
    const { processProgress: otherCopy } = await import("./progress");
    expect(await otherCopy().read("c")).toEqual({ stage: "checking" });
    await processProgress().end("c");
  });
});
