// Pure, so the payout screens' client components can use it without the database.

/**
 * lib/subsidy names people and groups by id in its explanation ("组长 ck… 实得…"); a page shows their
 * names instead. Each word of a line is looked up whole, so a page of 5,000 callers' lines costs one pass
 * over its text, and a word that is not an id (an amount, a count) stays as it is.
 */
export function withNames(lines: readonly string[], names: ReadonlyMap<string, string>): string[] {
  if (names.size === 0) return [...lines];
  return lines.map((line) => line.replace(/[A-Za-z0-9_-]+/g, (word) => names.get(word) ?? word));
}
