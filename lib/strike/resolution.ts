// How the strike team closes a case. The outcome is stored in Escalation.outcome (the 零失联 board
// reads it) and written at the head of Escalation.resolution too, the text the caller reads on the
// candidate page. That text is a record, kept in Chinese (the campaign's language) whoever writes it:
// it sits beside the leaders' and callers' own notes, and older records are read back the same way.
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, type Text, text } from "@/lib/i18n/text";

export const STRIKE_OUTCOMES = ["HANDED_BACK", "ENROLLED", "LOST"] as const;
export type StrikeOutcome = (typeof STRIKE_OUTCOMES)[number];

/** The heading a resolution starts with: what the strike team did. */
export function outcomeHeading(outcome: StrikeOutcome): Text {
  return text(`strike.resolution.${outcome}`);
}

/** The resolution as a sentence: the outcome's heading, then the member's note if there is one. */
export function resolutionText(outcome: StrikeOutcome, note: string | undefined): Text {
  const trimmed = note?.trim();
  return trimmed
    ? text("strike.resolution.withNote", { heading: outcomeHeading(outcome), note: trimmed })
    : outcomeHeading(outcome);
}

const stored = (sentence: Text) => renderText(translatorFor("zh-CN"), sentence);

/** The resolution as Escalation.resolution stores it. */
export function storedResolution(outcome: StrikeOutcome, note: string | undefined): string {
  return stored(resolutionText(outcome, note));
}

/** The outcome a stored resolution was written with (null for one not written by the strike team). */
export function outcomeOf(resolution: string | null): StrikeOutcome | null {
  if (!resolution) return null;
  return STRIKE_OUTCOMES.find((o) => resolution.startsWith(stored(outcomeHeading(o)))) ?? null;
}

/** The note after the heading, for display next to the outcome's own label. */
export function noteOf(resolution: string | null): string | null {
  const outcome = outcomeOf(resolution);
  if (!resolution || !outcome) return resolution;
  // the heading and the separator before the note, as resolutionText writes them
  const lead = stored(text("strike.resolution.withNote", { heading: outcomeHeading(outcome), note: "" }));
  const rest = resolution.startsWith(lead)
    ? resolution.slice(lead.length)
    : resolution.slice(stored(outcomeHeading(outcome)).length);
  return rest || null;
}
