import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INSPECTION_POLICY } from "./policy";
import { drawWeeklySample, hashSeed, newSeed, sampleSize, seededRandom } from "./sample";

const policy = DEFAULT_INSPECTION_POLICY; // at least 2, 5 %, at most 10 per caller

function weekOfLogs(perCaller: Record<string, number>) {
  return Object.entries(perCaller).flatMap(([callerId, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${callerId}-log${String(i).padStart(3, "0")}`, callerId })),
  );
}

// Logs of a week: up to 12 callers with 0-250 logs each, ids unique.
const logsArb = fc
  .array(fc.integer({ min: 0, max: 250 }), { minLength: 1, maxLength: 12 })
  .map((counts) => weekOfLogs(Object.fromEntries(counts.map((n, i) => [`caller${i}`, n]))));

describe("seededRandom", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = seededRandom("7f3a9c21");
    const b = seededRandom("7f3a9c21");
    const c = seededRandom("7f3a9c22");
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("stays in [0, 1)", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = random();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });

  it("hashes seeds to 32-bit unsigned integers (FNV-1a of the empty string is its offset basis)", () => {
    expect(hashSeed("")).toBe(0x811c9dc5);
    expect(hashSeed("a")).toBe(0xe40c292c);
  });
});

describe("sampleSize", () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [30, 2], // 5 % of 30 is 1.5 -> 2, the minimum
    [41, 3], // ceil(2.05)
    [100, 5],
    [500, 10], // capped
  ])("checks %i logs with %i", (count, expected) => {
    expect(sampleSize(count, policy)).toBe(expected);
  });
});

describe("drawWeeklySample", () => {
  it("reproduces the same draw from the same seed, whatever order the logs are read in", () => {
    const logs = weekOfLogs({ a: 40, b: 7, c: 120 });
    const first = drawWeeklySample(logs, "0badcafe", policy);
    expect(drawWeeklySample([...logs].reverse(), "0badcafe", policy)).toEqual(first);
    expect(drawWeeklySample(logs, "0badcaff", policy)).not.toEqual(first);
  });

  it("a hand-checked draw: 2 of caller a's 3 logs, the only log of b", () => {
    const draw = drawWeeklySample(weekOfLogs({ a: 3, b: 1 }), "seed", policy);
    expect(draw.map((d) => [d.callerId, d.population, d.picked.length])).toEqual([
      ["a", 3, 2],
      ["b", 1, 1],
    ]);
    expect(draw[1]?.picked).toEqual(["b-log000"]);
  });

  it("never draws a log already checked this week, and says how many were left to draw from", () => {
    const logs = weekOfLogs({ a: 3 });
    const checked = new Set(["a-log000", "a-log001"]);
    const draw = drawWeeklySample(logs, "x", policy, checked);
    expect(draw).toEqual([{ callerId: "a", population: 1, picked: ["a-log002"] }]);
    expect(drawWeeklySample(logs, "x", policy, new Set(logs.map((l) => l.id)))).toEqual([]);
  });

  it("property: every caller with a log is checked, with sampleSize of them, no log twice, only real logs", () => {
    fc.assert(
      fc.property(logsArb, fc.string({ maxLength: 12 }), (logs, seed) => {
        const draw = drawWeeklySample(logs, seed, policy);
        const callersWithLogs = new Set(logs.map((l) => l.callerId));
        expect(new Set(draw.map((d) => d.callerId))).toEqual(callersWithLogs);
        const picked = draw.flatMap((d) => d.picked);
        expect(new Set(picked).size).toBe(picked.length);
        const owner = new Map(logs.map((l) => [l.id, l.callerId]));
        for (const d of draw) {
          const own = logs.filter((l) => l.callerId === d.callerId).length;
          expect(d.population).toBe(own);
          expect(d.picked).toHaveLength(sampleSize(own, policy));
          for (const id of d.picked) expect(owner.get(id)).toBe(d.callerId);
        }
      }),
    );
  });

  it("property: a second draw in the same week (excluding the first) shares no log with it", () => {
    fc.assert(
      fc.property(logsArb, (logs) => {
        const first = drawWeeklySample(logs, "first", policy).flatMap((d) => d.picked);
        const second = drawWeeklySample(logs, "second", policy, new Set(first)).flatMap((d) => d.picked);
        return second.every((id) => !first.includes(id));
      }),
    );
  });

  it("property: one caller's draw does not depend on the other callers' logs", () => {
    fc.assert(
      fc.property(logsArb, fc.integer({ min: 1, max: 50 }), (logs, extra) => {
        const alone = drawWeeklySample(logs, "s", policy);
        const more = drawWeeklySample([...logs, ...weekOfLogs({ zzz: extra })], "s", policy);
        return JSON.stringify(more.filter((d) => d.callerId !== "zzz")) === JSON.stringify(alone);
      }),
    );
  });

  it("is roughly uniform: over many seeds each of a caller's logs is drawn about equally often", () => {
    const logs = weekOfLogs({ a: 10 });
    const counts = new Map<string, number>();
    for (let s = 0; s < 4000; s++) {
      for (const id of drawWeeklySample(logs, `s${s}`, policy)[0]?.picked ?? []) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    // 2 of 10 per draw: 800 expected each
    for (const log of logs) expect(counts.get(log.id)).toBeGreaterThan(650);
    for (const log of logs) expect(counts.get(log.id)).toBeLessThan(950);
  });
});

describe("newSeed", () => {
  it("writes 8 hex digits", () => {
    expect(newSeed(Uint8Array.from([0, 15, 255, 16, 99]))).toBe("000fff10");
  });
});
