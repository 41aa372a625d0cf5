import { z } from "zod";

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
  const policy: Record<string, unknown> = { ...DEFAULT_STRIKE_POLICY };
  if (typeof stored === "object" && stored !== null) {
    for (const [key, schema] of Object.entries(fields.shape)) {
      const parsed = schema.safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) policy[key] = parsed.data;
    }
  }
  return policy as StrikePolicy;
}
