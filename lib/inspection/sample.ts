// The weekly spot check: a random sample of the week's contact logs, stratified by caller so that every
// caller who logged anything that week is checked, and reproducible: the same logs and the same seed
// always give the same draw. The seed is shown on the page; anyone can re-run the draw with it.
import type { InspectionPolicy } from "./policy";

/** 32-bit FNV-1a hash of a string: turns a seed (any text) into the PRNG's state. */
export function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-mixed 32-bit PRNG. Numbers in [0, 1). Not for secrets, only for draws. */
export function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** How many of a caller's `count` logs the week's sample checks. */
export function sampleSize(
  count: number,
  policy: Pick<InspectionPolicy, "sampleMinPerCaller" | "sampleSharePermille" | "sampleMaxPerCaller">,
): number {
  const byShare = Math.ceil((count * policy.sampleSharePermille) / 1000);
  return Math.min(count, policy.sampleMaxPerCaller, Math.max(policy.sampleMinPerCaller, byShare));
}

export interface SampleLog {
  id: string;
  callerId: string;
}

export interface CallerDraw {
  callerId: string;
  /** the caller's logs that could be drawn (the week's, minus those already checked this week) */
  population: number;
  picked: string[];
}

/**
 * Draws the week's sample. Every caller with at least one log that was not checked yet this week gets
 * `sampleSize` of them; a log already checked this week (`alreadyChecked`) is never drawn again. Each
 * caller's draw uses its own stream seeded with `${seed}:${callerId}`, and logs are taken in id order,
 * so the draw depends only on the set of logs and the seed, never on the order they were read in.
 */
export function drawWeeklySample(
  logs: readonly SampleLog[],
  seed: string,
  policy: Pick<InspectionPolicy, "sampleMinPerCaller" | "sampleSharePermille" | "sampleMaxPerCaller">,
  alreadyChecked: ReadonlySet<string> = new Set(),
): CallerDraw[] {
  const byCaller = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const log of logs) {
    if (alreadyChecked.has(log.id) || seen.has(log.id)) continue;
    seen.add(log.id);
    byCaller.set(log.callerId, [...(byCaller.get(log.callerId) ?? []), log.id]);
  }
  const callers = [...byCaller.keys()].sort();
  return callers.map((callerId) => {
    const ids = (byCaller.get(callerId) ?? []).sort();
    const take = sampleSize(ids.length, policy);
    const random = seededRandom(`${seed}:${callerId}`);
    // partial Fisher-Yates: the first `take` places end up a uniform random subset
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (ids.length - i));
      [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    }
    return { callerId, population: ids.length, picked: ids.slice(0, take).sort() };
  });
}

/** A fresh seed for a draw: 8 hex digits, short enough to read out over the phone. */
export function newSeed(randomBytes: Uint8Array): string {
  return [...randomBytes.slice(0, 4)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
