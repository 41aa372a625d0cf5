// What a script or the manual may contain once rendered: headings, paragraphs, lists, emphasis, quotes,
// code, rules and links. Pure configuration for components/scripts/markdown.tsx (react-markdown with
// rehype-sanitize), shared by the pages and the editor's preview so both show the same thing.
import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

export const ALLOWED_TAGS = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "hr",
  "ul",
  "ol",
  "li",
  "strong",
  "em",
  "del",
  "blockquote",
  "code",
  "pre",
  "a",
] as const;

/** Link targets a script may use: the web, mail and a telephone number, and addresses inside the app. */
export const LINK_PROTOCOLS = ["http", "https", "mailto", "tel"] as const;

/**
 * GitHub's sanitising schema narrowed to the tags above: no image, no table, no raw HTML, no attribute
 * but a link's address and title and an ordered list's start, no scheme but LINK_PROTOCOLS.
 */
export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...ALLOWED_TAGS],
  attributes: { a: ["href", "title"], ol: ["start"] },
  protocols: { href: [...LINK_PROTOCOLS] },
  required: {},
  clobber: [],
  strip: ["script", "style"],
};

/**
 * A link's address as rendered: one with an allowed scheme, or relative; anything else (javascript:,
 * data:, vbscript:, a scheme hidden by whitespace or an entity) becomes no address at all.
 */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  const colon = trimmed.indexOf(":");
  const firstDelimiter = trimmed.search(/[/?#]/);
  // no scheme: a relative address ("/manual", "#话术", "?v=2")
  if (colon === -1 || (firstDelimiter !== -1 && colon > firstDelimiter)) return trimmed;
  const scheme = trimmed.slice(0, colon).toLowerCase();
  return (LINK_PROTOCOLS as readonly string[]).includes(scheme) ? trimmed : null;
}

/** A link inside the app opens in place; any other opens in a new tab that cannot reach back to this one. */
export function isInternalHref(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\");
}
