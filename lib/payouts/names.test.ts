import { describe, expect, it } from "vitest";
import { withNames } from "./names";

describe("withNames", () => {
  it("replaces ids by names in explanation lines", () => {
    const names = new Map([
      ["ckleader1", "张老师"],
      ["ckgroup1", "第一组"],
    ]);
    expect(withNames(["组长 ckleader1 实得组长专项补贴 1,000.00 元", "另：担任小组 ckgroup1 组长"], names)).toEqual([
      "组长 张老师 实得组长专项补贴 1,000.00 元",
      "另：担任小组 第一组 组长",
    ]);
  });
});
