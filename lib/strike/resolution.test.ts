import { describe, expect, it } from "vitest";
import { noteOf, outcomeOf, resolutionText, STRIKE_OUTCOMES, storedResolution } from "./resolution";

describe("strike resolutions", () => {
  it("is the outcome's heading, then the trimmed note", () => {
    expect(resolutionText("LOST", "  已入伍  ")).toEqual({
      key: "strike.resolution.withNote",
      values: { heading: { key: "strike.resolution.LOST" }, note: "已入伍" },
    });
    expect(resolutionText("ENROLLED", undefined)).toEqual({ key: "strike.resolution.ENROLLED" });
    expect(resolutionText("ENROLLED", "  ")).toEqual({ key: "strike.resolution.ENROLLED" });
  });

  it("is stored in Chinese, as the strike team has always written it", () => {
    expect(storedResolution("ENROLLED", undefined)).toBe("突击组劝来，考生已报到");
    expect(storedResolution("HANDED_BACK", "家长同意下周来校")).toBe(
      "突击组已联系上，交回回访人员跟进：家长同意下周来校",
    );
  });

  it("reads back the outcome and the note it was written with", () => {
    for (const outcome of STRIKE_OUTCOMES) {
      const stored = storedResolution(outcome, "  家长同意下周来校  ");
      expect(outcomeOf(stored)).toBe(outcome);
      expect(noteOf(stored)).toBe("家长同意下周来校");
    }
    expect(noteOf(storedResolution("ENROLLED", ""))).toBeNull();
  });

  it("leaves a leader's or caller's resolution alone", () => {
    expect(outcomeOf("回访人员已按组长建议继续跟进")).toBeNull();
    expect(noteOf("回访人员已按组长建议继续跟进")).toBe("回访人员已按组长建议继续跟进");
    expect(outcomeOf(null)).toBeNull();
  });
});
