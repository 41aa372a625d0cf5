import { compareRates } from "./money";
import type { CallerInput } from "./types";

export type BottomRanking = {
  /** Callers who have a rate and so take part in the ranking. */
  rankedCount: number;
  /** callerId -> place from the bottom (1 = lowest; tied callers share a place), bottom N only. */
  bottom: Map<string, number>;
};

/**
 * 倒数3名: the N lowest rates, everyone tied with the N-th included. Only callers with admitted
 * candidates have a rate to rank. Rates are compared exactly, not by their floored permille, so two
 * callers who both show 95.6% are still told apart by what they achieved.
 */
export function findBottomRanking(callers: readonly CallerInput[], count: number): BottomRanking {
  const ranked = callers
    .filter((caller) => caller.admitted > 0)
    .sort((a, b) => compareRates(a.enrolled, a.admitted, b.enrolled, b.admitted));
  const bottom = new Map<string, number>();
  const cutoff = ranked[Math.min(count, ranked.length) - 1];
  if (count === 0 || cutoff === undefined) {
    return { rankedCount: ranked.length, bottom };
  }
  for (const caller of ranked) {
    if (compareRates(caller.enrolled, caller.admitted, cutoff.enrolled, cutoff.admitted) > 0) {
      break;
    }
    const lower = ranked.filter(
      (other) => compareRates(other.enrolled, other.admitted, caller.enrolled, caller.admitted) < 0,
    ).length;
    bottom.set(caller.callerId, lower + 1);
  }
  return { rankedCount: ranked.length, bottom };
}
