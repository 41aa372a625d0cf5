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
    /** 反悔 sends the candidate to the group leader at once (the plan: 对反悔的考生…及时上报) */
    escalateRegretted: z.boolean(),
    /** so does 明确不来 */
    escalateWillNotCome: z.boolean(),
    /** once the 报到 window has closed, a candidate still not enrolled goes to the group leader (未报到) */
    escalateNotEnrolled: z.boolean(),
    /**
     * days after the 报到 window closes in which the strike team and group leaders still log contacts on
     * escalated candidates (the plan's persuasion 报到结束后); retention counts from the end of these days
     */
    cleanupDays: z.number().int().min(0).max(60),
    /** screenshots a contact may keep (chats, the call log; 五(二)2 联系信息保存好，以便督察组抽查) */
    evidencePerContact: z.number().int().min(1).max(10),
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
  escalateRegretted: true,
  escalateWillNotCome: true,
  escalateNotEnrolled: true,
  cleanupDays: 7,
  evidencePerContact: 4,
};

/**
 * A stored policy read value by value against the schema's fields: a value that is missing or invalid
 * falls back to its default without discarding the valid ones beside it (writes are validated by the
 * schema, so this only matters for data written by an older version). The workflow, inspection and
 * strike policies are all read this way.
 */
export function storedPolicyValues<Policy extends Record<string, unknown>>(
  fields: { [Key in keyof Policy]: z.ZodType<Policy[Key]> },
  defaults: Policy,
  stored: unknown,
): Policy {
  const policy: Policy = { ...defaults };
  if (typeof stored !== "object" || stored === null) return policy;
  for (const key of Object.keys(fields) as (keyof Policy)[]) {
    const parsed = fields[key].safeParse((stored as Record<keyof Policy, unknown>)[key]);
    if (parsed.success) policy[key] = parsed.data;
  }
  return policy;
}

/** The campaign's stored workflow policy, value by value. */
export function workflowPolicyOf(stored: unknown): WorkflowPolicy {
  return storedPolicyValues(workflowPolicySchema.shape, DEFAULT_WORKFLOW_POLICY, stored);
}
