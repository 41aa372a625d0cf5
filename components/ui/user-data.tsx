// User data (people's names, group and campaign names, notes, reasons typed by users) is shown as
// written, in Chinese, whatever the screen language: it is marked lang="zh" so the browser reads and
// hyphenates it as Chinese, and an English page knows every other word is its own.
import type { ReactNode } from "react";

/** One datum as written, marked as Chinese; `title`, shown on hover, is marked with it. */
export function Zh({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span lang="zh" title={title}>
      {children}
    </span>
  );
}

// Private-use characters around a datum inside a rendered sentence: they occur in no sentence of the
// catalogue and in no name.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKED = /\uE000([^\uE001]*)\uE001/;

/** A datum as a sentence's value, for <Marked>: it comes out marked as Chinese wherever the sentence put it. */
export function markData(datum: string): string {
  return `${OPEN}${datum}${CLOSE}`;
}

/**
 * A rendered sentence whose marked data (markData) are each wrapped in lang="zh". The marks may sit
 * anywhere, also in the values of nested sentences (a subsidy step's list of members).
 */
export function Marked({ sentence }: { sentence: string }) {
  // split with a capture group: even parts are the sentence's own words, odd ones a datum
  return sentence.split(MARKED).map((part, i) =>
    i % 2 === 0 ? (
      part
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
      <Zh key={i}>{part}</Zh>
    ),
  );
}

/**
 * A catalogue sentence holding user data, each datum marked as Chinese:
 * `withData((v) => t("subtitle", v), { group: group.name })`.
 */
export function withData(
  render: (values: Record<string, string>) => string,
  data: Readonly<Record<string, string>>,
): ReactNode {
  const marked = Object.fromEntries(Object.entries(data).map(([name, datum]) => [name, markData(datum)]));
  return <Marked sentence={render(marked)} />;
}
