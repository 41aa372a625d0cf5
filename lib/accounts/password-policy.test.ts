import { describe, expect, it } from "vitest";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it.each([
    ["short1", "tooShort"],
    ["abcde1234", "tooShort"],
    ["abcdefghijkl", "needsLettersAndDigits"],
    ["1234567890123", "needsLettersAndDigits"],
    ["xx-zhang2024-yy", "containsLogin"],
    ["XXZHANG2024yy", "containsLogin"],
    ["password123", "common"],
    ["Qwerty1234", "common"],
    ["iloveyou12", "common"],
  ] as const)("refuses %s as %s for the login zhang2024", (password, problem) => {
    expect(passwordProblem(password, "zhang2024")).toBe(problem);
  });

  it.each(["chengdu-wenli-7", "回访密码2024abc", "t4ke-the-bus-home"])("accepts %s", (password) => {
    expect(passwordProblem(password, "zhang2024")).toBeNull();
  });

  it("counts characters, not bytes: ten Chinese characters and digits are long enough", () => {
    expect(passwordProblem("成都文理学院回访工作1", "admin")).toBeNull();
    expect(passwordProblem("成都文理学院回访1", "admin")).toBe("tooShort");
    expect(MIN_PASSWORD_LENGTH).toBe(10);
  });

  it("ignores an empty login rather than refusing every password", () => {
    expect(passwordProblem("chengdu-wenli-7", "  ")).toBeNull();
  });
});
