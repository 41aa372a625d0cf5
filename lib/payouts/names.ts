// Pure, so the payout screens' client components can use it without the database.
import type { Text } from "@/lib/i18n/text";
import { type SubsidyStep, stepText } from "@/lib/subsidy/steps";

/** Names as they were when the payout was computed, so a frozen run reads the same years later. */
export interface PayoutNames {
  people: Record<string, string>;
  groups: Record<string, string>;
  /** 加班补贴's reason by person, as entered (app/(app)/staff-pool); absent on runs signed before it was kept */
  overtimeReasons?: Record<string, string>;
}

/** Every person's and group's name by id, as the steps name them. */
export function nameMap(names: PayoutNames): Map<string, string> {
  return new Map([...Object.entries(names.people), ...Object.entries(names.groups)]);
}

/**
 * lib/subsidy names people and groups by id, in the steps' own fields ("leaderId", "groupId",
 * "memberIds"); a page shows their names instead. An id without a name stays as it is.
 */
export function withNames(step: SubsidyStep, names: ReadonlyMap<string, string>): Text {
  return stepText(step, (id) => names.get(id) ?? id);
}
