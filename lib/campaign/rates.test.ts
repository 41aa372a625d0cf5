import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enrollmentsNeeded, formatPermille, maskPhone, ratePermille } from "./rates";

describe("ratePermille", () => {
  it.each([
    [93, 100, 930],
    [1234, 1314, 939], // 939.11... floored
    [0, 10, 0],
    [10, 10, 1000],
    [2, 3, 666],
  ])("%i enrolled of %i admitted is %i permille", (enrolled, admitted, expected) => {
    expect(ratePermille(enrolled, admitted)).toBe(expected);
  });

  it("has no rate without admitted candidates", () => {
    expect(ratePermille(0, 0)).toBeNull();
  });
});

describe("enrollmentsNeeded", () => {
  it.each([
    // 297/319 = 93.1% already over 93%
    [297, 319, 930, 0],
    // 95% of 319 is 303.05 -> 304 needed, 297 enrolled -> 7 more
    [297, 319, 950, 7],
    // 93% of 100 is exactly 93
    [92, 100, 930, 1],
    [93, 100, 930, 0],
    [0, 0, 930, 0],
  ])("%i of %i to reach %i permille needs %i more", (enrolled, admitted, target, needed) => {
    expect(enrollmentsNeeded(enrolled, admitted, target)).toBe(needed);
  });

  it("is the smallest number that reaches the target", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (admitted, enrolledSeed, target) => {
          const enrolled = enrolledSeed % (admitted + 1);
          const k = enrollmentsNeeded(enrolled, admitted, target);
          const reaches = (n: number) => n * 1000 >= target * admitted;
          expect(reaches(enrolled + k)).toBe(true);
          if (k > 0) expect(reaches(enrolled + k - 1)).toBe(false);
        },
      ),
    );
  });
});

describe("formatting", () => {
  it("shows permille as a percentage with one decimal", () => {
    expect(formatPermille(939)).toBe("93.9%");
    expect(formatPermille(1000)).toBe("100.0%");
    expect(formatPermille(5)).toBe("0.5%");
    expect(formatPermille(null)).toBe("—");
  });

  it("masks the middle of a phone number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("02885551234")).toBe("028****1234");
    expect(maskPhone("12345")).toBe("*****");
  });
});
