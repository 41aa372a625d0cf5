// User data (people's names, group and campaign names, notes, reasons typed by users) is shown as
// written, in Chinese, whatever the screen language: it is marked lang="zh" so the browser reads and
// hyphenates it as Chinese, and an English page knows every other word is its own.
import type { ReactNode } from "react";

/** One datum as written, marked as Chinese. */
export function Zh({ children }: { children: ReactNode }) {
  return <span lang="zh">{children}</span>;
}

// Private-use characters around a value's name: they occur in no sentence of the catalogue.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARK = new RegExp(`${OPEN}(\\w+)${CLOSE}`);

/**
 * A catalogue sentence holding user data, each datum marked as Chinese:
 * `withData((v) => t("subtitle", v), { group: group.name })`. The sentence is rendered with a mark in
 * place of each datum, then the marks are replaced by the data.
 */
export function withData(
  render: (values: Record<string, string>) => string,
  data: Readonly<Record<string, string>>,
): ReactNode {
  const marks = Object.fromEntries(Object.keys(data).map((name) => [name, `${OPEN}${name}${CLOSE}`]));
  const parts = render(marks).split(MARK);
  // split with a capture group: even parts are the sentence's own words, odd ones a datum's name
  return parts.map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts never move
      <Zh key={i}>{data[part]}</Zh>
    ),
  );
}
