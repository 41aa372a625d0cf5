// Names are user data (in Chinese whatever the reader's language), so each one sits in its own
// lang="zh" element inside a sentence rendered in the reader's language. A sentence is rendered with
// each name marked, then split at the marks. Unlike components/ui/user-data's withData, the marks go
// into values anywhere in a step's nested sentences (a list of members), so they carry the name itself.
// Neither client nor server only.
import { Fragment, type ReactNode } from "react";
import { Zh } from "@/components/ui/user-data";
import type { Text } from "@/lib/i18n/text";
import { type SubsidyStep, stepText } from "@/lib/subsidy/steps";

// Private-use characters: they never occur in a catalogue sentence or a name.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const MARKED = /\uE000([^\uE001]*)\uE001/;

/** A value for a sentence that is a name: rendered by <Named> inside lang="zh". */
export function markName(name: string): string {
  return `${OPEN}${name}${CLOSE}`;
}

/** A rendered sentence whose marked names (markName) are wrapped in lang="zh". */
export function Named({ sentence }: { sentence: string }) {
  const parts = sentence.split(MARKED);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 0 ? (
          // the parts of one sentence never reorder: their position is their identity
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Fragment key={index}>{part}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Zh key={index}>{part}</Zh>
        ),
      )}
    </>
  );
}

/** One explanation step in the reader's language, people and groups by name (an unknown id as is). */
export function StepLine({
  step,
  names,
  render,
}: {
  step: SubsidyStep;
  names: ReadonlyMap<string, string>;
  render: (sentence: Text) => string;
}): ReactNode {
  return <Named sentence={render(stepText(step, (id) => markName(names.get(id) ?? id)))} />;
}
