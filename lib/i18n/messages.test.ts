import { describe, expect, it } from "vitest";
import { CATALOGUES, MESSAGES } from "./messages";

const en = MESSAGES.en;
const zh = MESSAGES["zh-CN"];

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("defines each top-level namespace in one area file only", () => {
    const owners = new Map<string, string>();
    for (const [area, byLocale] of Object.entries(CATALOGUES)) {
      for (const namespace of Object.keys(byLocale["zh-CN"])) {
        expect(owners.get(namespace), `${namespace} in ${area}`).toBeUndefined();
        owners.set(namespace, area);
      }
      expect(Object.keys(byLocale.en).sort(), area).toEqual(Object.keys(byLocale["zh-CN"]).sort());
    }
  });

  it("English has exactly the keys Chinese has", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("has no empty message", () => {
    for (const catalogue of [zh, en]) {
      for (const key of keys(catalogue)) {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const key of keys(zh)) {
      const get = (c: unknown) =>
        key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], c) as string;
      expect(placeholders(get(en)), key).toEqual(placeholders(get(zh)));
    }
  });
});
