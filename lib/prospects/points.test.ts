import { describe, expect, it } from "vitest";
import { registrationPoints } from "./points";
import { DEFAULT_PROSPECT_POLICY, prospectPolicyOf } from "./policy";

describe("registrationPoints", () => {
  it("records points and no money by default", () => {
    expect(registrationPoints(3, DEFAULT_PROSPECT_POLICY)).toEqual({
      registrations: 3,
      pointsEach: 1,
      points: 3,
      fenPerPoint: 0,
      fen: 0,
    });
  });
  it.each([
    [0, 2, 150, 0],
    [1, 2, 150, 300],
    [7, 3, 1999, 41979],
  ])("%i registrations x %i points x %i fen = %i fen", (registrations, pointsEach, fenPerPoint, fen) => {
    expect(registrationPoints(registrations, { pointsPerRegistration: pointsEach, fenPerPoint }).fen).toBe(fen);
  });
});

describe("prospectPolicyOf", () => {
  it("falls back value by value", () => {
    expect(prospectPolicyOf(null)).toEqual(DEFAULT_PROSPECT_POLICY);
    expect(prospectPolicyOf({ pointsPerRegistration: 2, fenPerPoint: -1 })).toEqual({
      pointsPerRegistration: 2,
      fenPerPoint: 0,
    });
  });
});
