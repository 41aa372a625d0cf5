// How the strike team closes a case. The outcome is stored in Escalation.outcome (the 零失联 board
// reads it) and written at the head of Escalation.resolution too, the text the caller reads on the
// candidate page.
export const STRIKE_OUTCOMES = ["HANDED_BACK", "ENROLLED", "LOST"] as const;
export type StrikeOutcome = (typeof STRIKE_OUTCOMES)[number];

export const OUTCOME_HEADINGS: Record<StrikeOutcome, string> = {
  HANDED_BACK: "突击组已联系上，交回回访人员跟进",
  ENROLLED: "突击组劝来，考生已报到",
  LOST: "突击组确认流失",
};

export function resolutionText(outcome: StrikeOutcome, note: string | undefined): string {
  const trimmed = note?.trim();
  return trimmed ? `${OUTCOME_HEADINGS[outcome]}：${trimmed}` : OUTCOME_HEADINGS[outcome];
}

/** The outcome a resolution text was written with (null for one not written by the strike team). */
export function outcomeOf(resolution: string | null): StrikeOutcome | null {
  if (!resolution) return null;
  return STRIKE_OUTCOMES.find((o) => resolution.startsWith(OUTCOME_HEADINGS[o])) ?? null;
}

/** The note after the heading, for display next to the outcome's own label. */
export function noteOf(resolution: string | null): string | null {
  const outcome = outcomeOf(resolution);
  if (!resolution || !outcome) return resolution;
  return resolution.slice(OUTCOME_HEADINGS[outcome].length).replace(/^：/, "") || null;
}
