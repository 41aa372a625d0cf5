import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

// What a reader of a page is shown, as text, for the language walk (tests/e2e/languages.spec.ts): every
// text node of the document and every attribute or control value a browser shows or reads out, each with
// whether it sits inside user data marked `lang="zh…"` (names, notes, frozen payout texts).

/** One piece of shown text and where it was found. */
export interface ShownText {
  text: string;
  /** the closest `[lang]` says zh…: user data, exempt from the English check */
  zh: boolean;
  /** "text", the attribute's name ("title", "aria-label", "placeholder"…), "value" or "document.title" */
  kind: string;
  /** a hint where on the page: the closest data-testid and the heading of the section */
  where: string;
}

/** CJK ideographs, CJK punctuation (、。「」) and full-width forms (（）：，): what the literal scan looks for too. */
export const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

const MESSAGES_DIR = path.join(import.meta.dirname, "..", "..", "..", "lib", "i18n", "messages");

/** Every catalogue of the app, by locale, read from lib/i18n/messages (a new area's file is read too). */
export function catalogues(locale: "zh-CN" | "en"): Record<string, unknown>[] {
  return readdirSync(MESSAGES_DIR)
    .filter((file) => file.endsWith(`.${locale}.json`))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(MESSAGES_DIR, file), "utf8")) as Record<string, unknown>);
}

/** A sentence of the catalogues by its key, e.g. `message("en", "workspace.edit")`. */
export function message(locale: "zh-CN" | "en", key: string): string {
  for (const catalogue of catalogues(locale)) {
    let node: unknown = catalogue;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node === "string") return node;
  }
  throw new Error(`no sentence ${key} in the ${locale} catalogues`);
}

/**
 * The English catalogue's sentences that have no placeholder and hold a word: one of them inside an
 * element marked lang="zh" says the mark covers more than the user data.
 */
export function englishSentences(): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (typeof node === "string") {
      if (!node.includes("{") && /[A-Za-z]{2}/.test(node)) found.add(node.replace(/\s+/g, " ").trim());
    } else if (typeof node === "object" && node !== null) {
      for (const value of Object.values(node)) visit(value);
    }
  };
  for (const catalogue of catalogues("en")) visit(catalogue);
  return found;
}

/**
 * A raw catalogue key as next-intl shows it when a sentence is missing or fails to format
 * (its fallback is `namespace.key`): one of the catalogues' top-level namespaces, a dot, a path.
 * A file name such as "calls.xlsx" is not a key.
 */
export function rawKeyPattern(): RegExp {
  const namespaces = [...new Set(catalogues("zh-CN").flatMap((c) => Object.keys(c)))];
  const alternatives = namespaces.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return new RegExp(
    `(?<![\\w./@-])(?:${alternatives})(?:\\.[A-Za-z0-9_]+)+(?![\\w/@-])(?<!\\.(?:xlsx|xls|csv|pdf|png|jpe?g|zip|json|txt))`,
    "g",
  );
}

/** Reads every text a reader is shown or read out on the page as it is now. */
export async function shownTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const found: { text: string; zh: boolean; kind: string; where: string }[] = [];
    const inZh = (element: Element | null) => /^zh\b/i.test(element?.closest("[lang]")?.getAttribute("lang") ?? "");
    const where = (element: Element | null) => {
      const testId = element?.closest("[data-testid]")?.getAttribute("data-testid");
      const section = element?.closest("section, dialog, form, nav, header, main, td, li");
      const heading = section?.querySelector("h1, h2, h3")?.textContent?.trim().slice(0, 40);
      return [element?.tagName.toLowerCase(), testId ? `#${testId}` : "", heading ? `under "${heading}"` : ""]
        .filter(Boolean)
        .join(" ");
    };
    const push = (text: string | null | undefined, element: Element | null, kind: string) => {
      const trimmed = text?.replace(/\s+/g, " ").trim();
      if (trimmed) found.push({ text: trimmed, zh: inZh(element), kind, where: where(element) });
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // code and styles are not read; Next's route announcer repeats the document's title
      if (!parent || parent.closest("script, style, template, noscript, next-route-announcer")) continue;
      push(node.nodeValue, parent, "text");
    }
    const attributes = [
      "title",
      "aria-label",
      "aria-description",
      "aria-roledescription",
      "aria-valuetext",
      "placeholder",
      "alt",
    ];
    for (const attribute of attributes) {
      for (const element of document.body.querySelectorAll(`[${attribute}]`)) {
        push(element.getAttribute(attribute), element, attribute);
      }
    }
    // what a control shows: a typed or prefilled value, a button-like input's label (an <option>'s
    // text and a <textarea>'s first text are text nodes, read above: only a value changed since is new)
    const unseen = new Set(["hidden", "password", "checkbox", "radio", "file", "range", "color"]);
    for (const input of document.body.querySelectorAll("input")) {
      if (!unseen.has(input.type)) push(input.value, input, "value");
    }
    // a text field's suggestions (a datalist's options have no text, only a value)
    for (const option of document.body.querySelectorAll("datalist option")) {
      push((option as HTMLOptionElement).value, option, "value");
    }
    for (const area of document.body.querySelectorAll("textarea")) {
      if (area.value !== area.defaultValue) push(area.value, area, "value");
    }
    // the tab's title, in the page's language (a title cannot hold marked user data)
    push(document.title, document.documentElement, "document.title");
    return found;
  });
}
