import { z } from "zod";
import { storedPolicyValues } from "@/lib/workflow/policy";

/** The strike team's policy values (Campaign.strikePolicy when stored; null = the defaults). */
const fields = z
  .object({
    /** 零失联: a candidate still in play with no contact that reached them in this many days is on the board */
    lostContactDays: z.number().int().min(1).max(60),
  })
  .strict();

export const strikePolicySchema = fields;
export type StrikePolicy = z.infer<typeof fields>;

export const DEFAULT_STRIKE_POLICY: StrikePolicy = { lostContactDays: 3 };

/** The stored policy value by value; a missing or invalid value falls back to its default. */
export function strikePolicyOf(stored: unknown): StrikePolicy {
  return storedPolicyValues(fields.shape, DEFAULT_STRIKE_POLICY, stored);
}
