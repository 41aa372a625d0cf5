import { describe, expect, it } from "vitest";
import { issueTexts } from "@/lib/action/errors";
import { text } from "@/lib/i18n/text";
import { browserTitle, COLLEGE_ID, collegeNames, collegeOf, collegeSchema, sameNames } from "./college";

const refusals = (input: unknown) => {
  const parsed = collegeSchema.safeParse(input);
  return parsed.success ? null : issueTexts(parsed.error.issues);
};

describe("collegeSchema", () => {
  it("keeps both names trimmed", () => {
    expect(collegeSchema.parse({ name: "  成都文理学院 ", shortName: " 文理\t" })).toEqual({
      name: "成都文理学院",
      shortName: "文理",
    });
  });

  it("takes a full name of 2 to 40 characters and a short name of 1 to 12", () => {
    expect(collegeSchema.safeParse({ name: "文理", shortName: "文" }).success).toBe(true);
    expect(collegeSchema.safeParse({ name: "学".repeat(40), shortName: "简".repeat(12) }).success).toBe(true);
  });

  it("refuses each name out of bounds with its own sentence and the bound", () => {
    expect(refusals({ name: " 学 ", shortName: "   " })).toEqual({
      name: [text("college.errors.nameTooShort", { min: 2 })],
      shortName: [text("college.errors.shortNameRequired", { min: 1 })],
    });
    expect(refusals({ name: "学".repeat(41), shortName: "简".repeat(13) })).toEqual({
      name: [text("college.errors.nameTooLong", { max: 40 })],
      shortName: [text("college.errors.shortNameTooLong", { max: 12 })],
    });
  });

  it("refuses a missing name and any extra field", () => {
    expect(refusals({ shortName: "文理" })).toHaveProperty("name");
    expect(refusals({ name: "成都文理学院", shortName: "文理", id: 2 })).not.toBeNull();
  });
});

describe("sameNames", () => {
  const stored = { name: "成都文理学院", shortName: "文理" };
  it("is true only when both names are stored as they are", () => {
    expect(sameNames(stored, { ...stored })).toBe(true);
    expect(sameNames(stored, { ...stored, shortName: "成文理" })).toBe(false);
    expect(sameNames(stored, { ...stored, name: "成都文理学院（本部）" })).toBe(false);
  });
  it("is false while nothing is stored", () => {
    expect(sameNames(null, stored)).toBe(false);
  });
});

describe("collegeNames", () => {
  it("drops everything but the two names, and keeps null", () => {
    expect(collegeNames({ name: "成都文理学院", shortName: "文理", updatedAt: new Date() } as never)).toEqual({
      name: "成都文理学院",
      shortName: "文理",
    });
    expect(collegeNames(null)).toBeNull();
  });
});

describe("browserTitle", () => {
  it("is the app's name alone while the college is not set", () => {
    expect(browserTitle("回访", null)).toEqual({ default: "回访", template: "%s · 回访" });
  });
  it("carries the short name, never the full one, once set", () => {
    expect(browserTitle("回访", { name: "成都文理学院", shortName: "文理" })).toEqual({
      default: "回访 · 文理",
      template: "%s · 回访 · 文理",
    });
  });
});

describe("collegeOf", () => {
  it("reads the one row by its id, and answers null when the table is empty", async () => {
    const asked: unknown[] = [];
    const reader = (row: unknown) => ({
      college: {
        findUnique: (args: unknown) => {
          asked.push(args);
          return Promise.resolve(row);
        },
      },
    });
    expect(await collegeOf(reader(null) as never)).toBeNull();
    const row = { name: "成都文理学院", shortName: "文理", updatedAt: new Date(0) };
    expect(await collegeOf(reader(row) as never)).toBe(row);
    expect(asked[0]).toMatchObject({ where: { id: COLLEGE_ID } });
  });
});
