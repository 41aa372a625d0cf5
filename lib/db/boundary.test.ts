import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const APP = join(import.meta.dirname, "../../app");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("lib/db's boundary", () => {
  // Pages read through their area's lib/<area>/queries.ts and actions write through the wrapper's
  // transaction, so what the app asks of the database is found in lib, next to its tests.
  // Route handlers too: they read through lib as pages do (lib/import/upload-store.ts, lib/admin).
  it("is crossed by no page, layout, action or route handler under app/", () => {
    const crossing = sources(APP)
      .filter((file) => /from\s+["']@\/lib\/db(\/[^"']*)?["']/.test(readFileSync(file, "utf8")))
      .map((file) => relative(APP, file));
    expect(crossing).toEqual([]);
  });
});
