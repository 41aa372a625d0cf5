"use client";

import { useRenderText } from "@/components/ui/use-render-text";
import type { Text, TextValue } from "@/lib/i18n/text";

// Private-use marks around a value's index: they survive the catalogue's formatting unchanged.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKED = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

/**
 * A sentence about a list file (a row error, a warning) in the reader's language, where every string
 * value is the file's or the campaign's data (a cell, a header, a region, a group's name): those are
 * shown as written, inside `lang="zh"`. Numbers and nested sentences are the reader's.
 */
export function FileText({ sentence }: { sentence: Text }) {
  const render = useRenderText();
  const data: string[] = [];
  const mark = (value: TextValue): TextValue => {
    if (typeof value === "string") return `${OPEN}${data.push(value) - 1}${CLOSE}`;
    if (typeof value === "number") return value;
    return value.values
      ? { key: value.key, values: Object.fromEntries(Object.entries(value.values).map(([n, v]) => [n, mark(v)])) }
      : value;
  };
  const parts = render(mark(sentence) as Text).split(MARKED);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence, in a fixed order
          <span key={i} lang="zh">
            {data[Number(part)]}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
