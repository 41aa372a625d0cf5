import { z } from "zod";
import { storedPolicyValues } from "@/lib/workflow/policy";

/**
 * Phase 1's points (积分) for 生源报备 (Campaign.prospectPolicy when stored; null = the defaults). The plan
 * defers the money to the college's separate scheme, so by default points are recorded and pay nothing.
 */
const fields = z
  .object({
    /** points one registration earns its registrar */
    pointsPerRegistration: z.number().int().min(0).max(100),
    /** fen paid per point; 0 = points recorded, no money */
    fenPerPoint: z.number().int().min(0).max(100_000),
  })
  .strict();

export const prospectPolicySchema = fields;
export type ProspectPolicy = z.infer<typeof fields>;

export const DEFAULT_PROSPECT_POLICY: ProspectPolicy = { pointsPerRegistration: 1, fenPerPoint: 0 };

/** The stored policy value by value; a missing or invalid value falls back to its default. */
export function prospectPolicyOf(stored: unknown): ProspectPolicy {
  return storedPolicyValues(fields.shape, DEFAULT_PROSPECT_POLICY, stored);
}
