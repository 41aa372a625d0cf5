import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { versionToSave } from "./versions";

describe("versionToSave", () => {
  it.each([
    { latest: 0, base: 0, expected: { ok: true, version: 1 } },
    { latest: 3, base: 3, expected: { ok: true, version: 4 } },
    { latest: 3, base: 2, expected: { ok: false, latest: 3 } },
    { latest: 3, base: 0, expected: { ok: false, latest: 3 } },
    { latest: 0, base: 1, expected: { ok: false, latest: 0 } },
  ])("latest $latest, opened on $base → $expected", ({ latest, base, expected }) => {
    expect(versionToSave(latest, base)).toEqual(expected);
  });

  it("never reuses a stored version and never skips one", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (latest, base) => {
        const check = versionToSave(latest, base);
        if (check.ok) expect(check.version).toBe(latest + 1);
        else expect(base).not.toBe(latest);
      }),
    );
  });
});
