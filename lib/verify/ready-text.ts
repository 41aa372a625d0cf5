// The ready text a member sends a family (SMS or WeChat): written on the server, where the page's address
// is not known, with a mark where the browser puts it. Pure and without Node: the card's client component
// imports it too. The mark lives here and not in that client file: a server module importing a value from a
// "use client" file receives a client reference, not the value (lib/client-boundary.test.ts).
import type { TranslateFn } from "@/lib/i18n/text";
import type { Honorific } from "./rules";

/** Where the page's address goes in the ready text. */
export const LINK_MARK = "[[link]]";

/** The ready text with the mark in place of the page's address; `t` is the Chinese translator (root namespace). */
export function readyText(
  t: TranslateFn,
  card: { team: string; surname: string; honorific: Honorific; code: string },
): string {
  return t(card.honorific === "STUDENT" ? "verify.mine.messageStudent" : "verify.mine.messageTeacher", {
    team: card.team,
    surname: card.surname,
    link: LINK_MARK,
    code: card.code,
  });
}

/** The ready text with the public page's address in place of the mark. */
export function withLink(template: string, link: string): string {
  return template.replace(LINK_MARK, link);
}
