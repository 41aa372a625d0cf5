// Neither client nor server only: the payout page, the dashboards and the inspection cards all show steps.
import type { ReactNode } from "react";
import { Marked, markData } from "@/components/ui/user-data";
import type { Text } from "@/lib/i18n/text";
import { type SubsidyStep, stepText } from "@/lib/subsidy/steps";

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
  return <Marked sentence={render(stepText(step, (id) => markData(names.get(id) ?? id)))} />;
}
