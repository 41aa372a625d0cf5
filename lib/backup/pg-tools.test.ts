import { describe, expect, it } from "vitest";
import { chooseTools, clientPackage, parseToolMajor, serverMajor } from "./pg-tools";

describe("pg_dump's version", () => {
  it.each([
    ["pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)", 15],
    ["pg_dump (PostgreSQL) 17.2", 17],
    ["pg_restore (PostgreSQL) 16beta1", 16],
    ["pg_dump (PostgreSQL) 9.6.24", 9.6],
    ["pg_dump: not what we expected", null],
  ])("%s → %s", (line, major) => {
    expect(parseToolMajor(line)).toBe(major);
  });

  it("reads the server's major version", () => {
    expect(serverMajor("150020")).toBe(15);
    expect(serverMajor(170002)).toBe(17);
  });
});

describe("chooseTools", () => {
  const tools = (major: number) => ({ pgDump: `/pg${major}/pg_dump`, pgRestore: `/pg${major}/pg_restore`, major });

  it("takes the newest tools when they are at least the server's version", () => {
    expect(chooseTools([tools(15), tools(17), tools(16)], 16)).toEqual(tools(17));
    expect(chooseTools([tools(15)], 15)).toEqual(tools(15));
  });

  it("refuses tools older than the server, or none at all", () => {
    expect(chooseTools([tools(15), tools(9.6)], 16)).toBeNull();
    expect(chooseTools([], 15)).toBeNull();
  });

  it("names Debian's package for the server's version", () => {
    expect(clientPackage(16)).toBe("postgresql-client-16");
  });
});
