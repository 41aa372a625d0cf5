import { describe, expect, it } from "vitest";
import { maskPhone } from "./phone";

describe("maskPhone", () => {
  it("masks the middle of a phone number", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("02885551234")).toBe("028****1234");
  });

  it("masks all of a number too short to keep its ends", () => {
    expect(maskPhone("12345")).toBe("*****");
  });
});
