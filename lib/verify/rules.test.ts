import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayOf,
  limitAllows,
  looksImpersonated,
  normaliseCode,
  normalisePhone,
  numberHash,
  surnameOf,
  teamName,
  VERIFY_LIMITS,
  verifyCode,
} from "./rules";

const SECRET = "s".repeat(32);

describe("verifyCode", () => {
  it("is six digits, the same for the same person and day on every instance", () => {
    const code = verifyCode(SECRET, "user-1", "2024-07-15");
    expect(code).toMatch(/^\d{6}$/);
    expect(verifyCode(SECRET, "user-1", "2024-07-15")).toBe(code);
  });

  it("changes with the day, the person and the secret", () => {
    const code = verifyCode(SECRET, "user-1", "2024-07-15");
    expect(verifyCode(SECRET, "user-1", "2024-07-16")).not.toBe(code);
    expect(verifyCode(SECRET, "user-2", "2024-07-15")).not.toBe(code);
    expect(verifyCode("t".repeat(32), "user-1", "2024-07-15")).not.toBe(code);
  });

  it("keeps leading zeros (always six digits)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 28 }), (id, d) => {
        expect(verifyCode(SECRET, id, `2024-07-${String(d).padStart(2, "0")}`)).toMatch(/^\d{6}$/);
      }),
    );
  });
});

describe("normaliseCode", () => {
  it.each([
    ["123456", "123456"],
    [" 123 456 ", "123456"],
    ["123-456", "123456"],
    ["12345", null],
    ["1234567", null],
    ["12a456", null],
    ["", null],
  ])("%j → %j", (typed, expected) => {
    expect(normaliseCode(typed)).toBe(expected);
  });
});

describe("normalisePhone", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["008613812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["１３８１２３４５６７８", "13812345678"],
    ["028-12345678", "02812345678"],
    ["(028) 1234 5678", "02812345678"],
    ["（028）12345678", "02812345678"],
    ["0831-1234567", "08311234567"],
    ["12345678", "12345678"],
    ["1381234567", null],
    ["23812345678", null],
    ["12812345678", null],
    ["138123456789", null],
    ["abc", null],
    ["138l2345678", null],
    ["", null],
  ])("%j → %j", (typed, expected) => {
    expect(normalisePhone(typed)).toBe(expected);
  });
});

describe("numberHash", () => {
  it("is keyed: the same number hashes alike under one secret, differently under another, and is no number", () => {
    const hash = numberHash(SECRET, "13812345678");
    expect(numberHash(SECRET, "13812345678")).toBe(hash);
    expect(numberHash("t".repeat(32), "13812345678")).not.toBe(hash);
    expect(hash).not.toContain("13812345678");
    expect(hash).not.toMatch(/^\d+$/);
  });
});

describe("the display name rule", () => {
  it.each([
    ["张伟", "张"],
    ["王小明", "王"],
    ["欧阳娜娜", "欧阳"],
    ["司马光", "司马"],
    ["欧阳", "欧"],
    [" 李雷 ", "李"],
  ])("the surname of %j is %j", (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });

  it("says 老师 for a teacher and an account without 身份, 同学 for a student", () => {
    expect(displayOf({ name: "张伟", identity: "TEACHER" })).toEqual({ surname: "张", honorific: "TEACHER" });
    expect(displayOf({ name: "李雷", identity: "STUDENT" })).toEqual({ surname: "李", honorific: "STUDENT" });
    expect(displayOf({ name: "王芳", identity: null })).toEqual({ surname: "王", honorific: "TEACHER" });
  });

  it("names the college once, whether or not the campaign's name starts with it", () => {
    expect(teamName("成都文理学院", "2024年单招回访")).toBe("成都文理学院2024年单招回访");
    expect(teamName("成都文理学院", "成都文理学院2024年高职单招")).toBe("成都文理学院2024年高职单招");
  });
});

describe("the limit rule", () => {
  const max = VERIFY_LIMITS.checksPerMinute;
  it("answers every check below the limit", () => {
    expect(limitAllows({ kind: "NUMBER", counted: max - 1, addressKnown: true })).toBe(true);
    expect(limitAllows({ kind: "CODE", counted: max - 1, addressKnown: true, codeMatched: false })).toBe(true);
  });

  it("past the limit refuses a number and a wrong code, never a code that succeeds", () => {
    expect(limitAllows({ kind: "NUMBER", counted: max, addressKnown: true })).toBe(false);
    expect(limitAllows({ kind: "CODE", counted: max, addressKnown: true, codeMatched: false })).toBe(false);
    expect(limitAllows({ kind: "CODE", counted: max * 10, addressKnown: true, codeMatched: true })).toBe(true);
  });

  it("never limits an unknown address (one bucket for everybody would lock everybody out)", () => {
    expect(limitAllows({ kind: "NUMBER", counted: max * 10, addressKnown: false })).toBe(true);
  });

  it("takes three different addresses for a possible impersonation", () => {
    expect(looksImpersonated(2)).toBe(false);
    expect(looksImpersonated(3)).toBe(true);
  });
});
