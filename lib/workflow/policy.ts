import { z } from "zod";

/**
 * The workflow's policy values, stored per campaign (Campaign.workflowPolicy) so an admin can change
 * them; the defaults are the plan's and the product's reading of it.
 */
export const workflowPolicySchema = z
  .object({
    /** a contact log can be corrected by its author for this long after it was recorded */
    editWindowHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 14),
    /** a contact may be logged this long after it happened (a call made before class) */
    backdateHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 7),
    /** unreachable results before the candidate goes to the group leader… */
    unreachableAttempts: z.number().int().min(1).max(20),
    /** …spread over at least this many different days */
    unreachableMinDays: z.number().int().min(1).max(14),
    /** the workload standard per assigned candidate (平均不得低于4次 / 20分钟) */
    contactsPerCandidate: z.number().int().min(0).max(100),
    minutesPerCandidate: z.number().int().min(0).max(1000),
  })
  .strict();

export type WorkflowPolicy = z.infer<typeof workflowPolicySchema>;

export const DEFAULT_WORKFLOW_POLICY: WorkflowPolicy = {
  editWindowHours: 24,
  backdateHours: 24,
  unreachableAttempts: 3,
  unreachableMinDays: 2,
  contactsPerCandidate: 4,
  minutesPerCandidate: 20,
};

/**
 * The campaign's stored policy, value by value: a value that is missing or invalid falls back to its
 * default without discarding the valid ones beside it (writes are validated by the schema, so this
 * only matters for data written by an older version).
 */
export function workflowPolicyOf(stored: unknown): WorkflowPolicy {
  const policy: WorkflowPolicy = { ...DEFAULT_WORKFLOW_POLICY };
  if (typeof stored !== "object" || stored === null) return policy;
  const shape = workflowPolicySchema.shape;
  for (const key of Object.keys(shape) as (keyof WorkflowPolicy)[]) {
    const parsed = shape[key].safeParse((stored as Record<string, unknown>)[key]);
    if (parsed.success) policy[key] = parsed.data;
  }
  return policy;
}
