/**
 * Who reads one change: each person once, without the one who made it (they know), and without the empty
 * places (a candidate nobody holds). Order kept, so the notices are written in a predictable order.
 */
export function readersOf(ids: readonly (string | null | undefined)[], actorId: string): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === "string" && id !== "" && id !== actorId))];
}
