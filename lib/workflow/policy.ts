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

/** The campaign's stored policy, or the defaults where it has none (older campaigns). */
export function workflowPolicyOf(stored: unknown): WorkflowPolicy {
  const parsed = workflowPolicySchema.partial().safeParse(stored ?? {});
  return { ...DEFAULT_WORKFLOW_POLICY, ...(parsed.success ? parsed.data : {}) };
}
