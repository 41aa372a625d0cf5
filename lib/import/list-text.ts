import { type TextValue, text } from "@/lib/i18n/text";

/**
 * Items as one value of a sentence, joined the reader's way ("宜宾一组、宜宾二组", "a, b"): each join is
 * a catalogue sentence of the two sides, so the separator comes from the reader's language. Items stay
 * as they are (a group's name, a row number).
 */
export function listText(items: readonly (string | number)[]): TextValue {
  const [first, ...rest] = items;
  if (first === undefined) return "";
  return rest.reduce<TextValue>((head, tail) => text("imports.list", { head, tail }), first);
}
