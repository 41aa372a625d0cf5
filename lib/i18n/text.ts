// A sentence for a user, kept as a catalogue key and its values until it reaches the reader, who sees
// it in their own language. Pure and without the catalogues (client components import it): `lib`
// builds these; pages, actions and the command line render them.
import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

/** Every full key of the catalogue that names a sentence ("calls.errors.channelRequired"). */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;

/** A value may itself be a sentence ("误退：{what}" with `what` = the amount's name). */
export type TextValue = string | number | Text;
export type TextValues = Readonly<Record<string, TextValue>>;

export type Text = { readonly key: MessageKey; readonly values?: TextValues };

export function text(key: MessageKey, values?: TextValues): Text {
  return values ? { key, values } : { key };
}

export function isText(value: unknown): value is Text {
  return typeof value === "object" && value !== null && typeof (value as Text).key === "string";
}

/** next-intl's translator (root namespace), as the server and the client both have it. */
export type TranslateFn = (key: string, values?: Record<string, string | number>) => string;

/** The sentence in the translator's language; nested sentences are rendered first. */
export function renderText(t: TranslateFn, sentence: Text): string {
  if (!sentence.values) return t(sentence.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(sentence.values)) {
    values[name] = isText(value) ? renderText(t, value) : value;
  }
  return t(sentence.key, values);
}
