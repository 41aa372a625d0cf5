import { describe, expect, it } from "vitest";
import { errorFields, requestIdOr } from "./index";

describe("requestIdOr", () => {
  it("keeps the web server's id and replaces anything else", () => {
    const id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    expect(requestIdOr(id)).toBe(id);
    for (const sent of [null, undefined, "", "13800001111", `${id}; drop`]) {
      expect(requestIdOr(sent)).toMatch(/^[0-9a-f-]{36}$/);
      expect(requestIdOr(sent)).not.toBe(sent);
    }
  });
});

describe("errorFields", () => {
  it("keeps a database error's class, code and frames, never its message", () => {
    const error = Object.assign(new Error("Key (phone)=(13800001111) already exists"), {
      name: "PrismaClientKnownRequestError",
      code: "P2002",
      clientVersion: "6.19.3",
    });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ type: "PrismaClientKnownRequestError", code: "P2002" });
    expect(fields.stack).toMatch(/^\s*at /);
    expect(JSON.stringify(fields)).not.toContain("13800001111");
  });

  it("drops PostgreSQL's own detail too", () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "欧阳晓明"'), { severity: "ERROR" });
    expect(JSON.stringify(errorFields(error))).not.toContain("欧阳晓明");
  });

  it("keeps the message of the app's own errors", () => {
    expect(errorFields(new Error("contact.create: a mutation must describe exactly one audit entry"))).toMatchObject({
      type: "Error",
      message: "contact.create: a mutation must describe exactly one audit entry",
    });
    expect(errorFields("a string")).toEqual({ type: "string" });
  });
});
