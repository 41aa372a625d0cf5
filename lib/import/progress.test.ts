import { describe, expect, it } from "vitest";
import { applyStageOf, endApply, reportApplyStage } from "./progress";

describe("apply progress", () => {
  it("reports each upload's stage until the apply ends, and idle otherwise", () => {
    expect(applyStageOf("a")).toEqual({ stage: "idle" });
    reportApplyStage("a", { stage: "checking" });
    reportApplyStage("b", { stage: "writing", written: 2000, total: 5000 });
    expect(applyStageOf("a")).toEqual({ stage: "checking" });
    reportApplyStage("a", { stage: "writing", written: 4000, total: 100000 });
    expect(applyStageOf("a")).toEqual({ stage: "writing", written: 4000, total: 100000 });
    endApply("a");
    expect(applyStageOf("a")).toEqual({ stage: "idle" });
    expect(applyStageOf("b")).toEqual({ stage: "writing", written: 2000, total: 5000 });
    endApply("b");
  });
});
