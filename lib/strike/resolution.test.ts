import { describe, expect, it } from "vitest";
import { noteOf, outcomeOf, resolutionText, STRIKE_OUTCOMES } from "./resolution";

describe("strike resolutions", () => {
  it("reads back the outcome and the note it was written with", () => {
    for (const outcome of STRIKE_OUTCOMES) {
      const text = resolutionText(outcome, "  家长同意下周来校  ");
      expect(outcomeOf(text)).toBe(outcome);
      expect(noteOf(text)).toBe("家长同意下周来校");
    }
    expect(resolutionText("ENROLLED", undefined)).toBe("突击组劝来，考生已报到");
    expect(noteOf(resolutionText("ENROLLED", ""))).toBeNull();
  });

  it("leaves a leader's or caller's resolution alone", () => {
    expect(outcomeOf("回访人员已按组长建议继续跟进")).toBeNull();
    expect(noteOf("回访人员已按组长建议继续跟进")).toBe("回访人员已按组长建议继续跟进");
    expect(outcomeOf(null)).toBeNull();
  });
});
