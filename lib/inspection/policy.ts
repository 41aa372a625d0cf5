import { z } from "zod";
import { messageKey } from "@/lib/action/errors";
import { storedPolicyValues } from "@/lib/workflow/policy";

/**
 * The inspection team's policy values: the size of the weekly sample and the thresholds of the
 * suspicious-log rules. Defaults are the product's reading of the plan (四(四) 督查组工作要求: "随时抽查",
 * "不定时抽查"); each value can be set per campaign (Campaign.inspectionPolicy, read value by value).
 */
const fields = z
  .object({
    /** every caller with logs in the week gets at least this many of them checked… */
    sampleMinPerCaller: z.number().int().min(1).max(50),
    /** …or this share of their week's logs (permille), whichever is more… */
    sampleSharePermille: z.number().int().min(0).max(1000),
    /** …but never more than this many */
    sampleMaxPerCaller: z.number().int().min(1).max(200),
    /** a phone call that reached the candidate, logged with at most this many seconds */
    reachedCallMaxSeconds: z.number().int().min(0).max(60),
    /** this many logs by one caller started in the same minute */
    sameMinuteLogs: z.number().int().min(2).max(50),
    /** working hours in Beijing time: a log starting before `dayStartHour` or at/after `dayEndHour` */
    dayStartHour: z.number().int().min(0).max(23),
    dayEndHour: z.number().int().min(1).max(24),
    /** the same note (at least this many characters) on at least `copiedNotesCandidates` candidates */
    copiedNotesMinLength: z.number().int().min(1).max(200),
    copiedNotesCandidates: z.number().int().min(2).max(50),
    /** a reached result within this many hours after a wrong-number result on the same candidate */
    wrongNumberWindowHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 14),
    /** a caller whose contacts per working hour are at least this many times everyone's median… */
    rateOutlierFactor: z.number().min(1.5).max(20),
    /** …with at least this many logs in the week (a handful of calls in one hour is no pattern) */
    rateOutlierMinLogs: z.number().int().min(1).max(1000),
    /** flag a WeChat or QQ contact kept without any screenshot (off by default: a reason to look, if wanted) */
    flagChatWithoutEvidence: z.boolean(),
  })
  .strict();

export const inspectionPolicySchema = fields
  .refine((p) => p.dayStartHour < p.dayEndHour, {
    path: ["dayEndHour"],
    message: messageKey("inspection.errors.dayEndBeforeStart"),
  })
  .refine((p) => p.sampleMinPerCaller <= p.sampleMaxPerCaller, {
    path: ["sampleMaxPerCaller"],
    message: messageKey("inspection.errors.sampleMaxBelowMin"),
  });

export type InspectionPolicy = z.infer<typeof inspectionPolicySchema>;

// Every policy keeps its defaults beside its schema (the workflow's in lib/workflow/policy.ts reads alike):
// one object per settings section, read through storedPolicyValues.
export const DEFAULT_INSPECTION_POLICY: InspectionPolicy = {
  sampleMinPerCaller: 2,
  sampleSharePermille: 50,
  sampleMaxPerCaller: 10,
  reachedCallMaxSeconds: 0,
  sameMinuteLogs: 3,
  dayStartHour: 8,
  dayEndHour: 22,
  copiedNotesMinLength: 10,
  copiedNotesCandidates: 3,
  wrongNumberWindowHours: 24,
  rateOutlierFactor: 3,
  rateOutlierMinLogs: 10,
  flagChatWithoutEvidence: false,
};

/**
 * The campaign's stored policy, value by value: a missing or invalid value falls back to its default
 * without discarding the valid ones beside it; a combination that breaks a cross-field rule falls back
 * to the defaults as a whole.
 */
export function inspectionPolicyOf(stored: unknown): InspectionPolicy {
  const policy = storedPolicyValues(fields.shape, DEFAULT_INSPECTION_POLICY, stored);
  const checked = inspectionPolicySchema.safeParse(policy);
  return checked.success ? checked.data : { ...DEFAULT_INSPECTION_POLICY };
}
