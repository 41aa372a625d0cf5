// The campaign's settings as the admin edits them: one form per section, each converted to and from the
// stored policy (lib/subsidy, lib/workflow, lib/inspection, lib/strike) and validated by that policy's
// own schema. Pure: no Prisma, no Next, no clock.
import {
  DEFAULT_INSPECTION_POLICY,
  type InspectionPolicy,
  inspectionPolicyOf,
  inspectionPolicySchema,
} from "@/lib/inspection/policy";
import {
  DEFAULT_PROSPECT_POLICY,
  type ProspectPolicy,
  prospectPolicyOf,
  prospectPolicySchema,
} from "@/lib/prospects/policy";
import { DEFAULT_STRIKE_POLICY, type StrikePolicy, strikePolicyOf, strikePolicySchema } from "@/lib/strike/policy";
import { DEFAULT_POLICY, type SubsidyPolicy, subsidyPolicySchema } from "@/lib/subsidy/policy";
import {
  DEFAULT_WORKFLOW_POLICY,
  type WorkflowPolicy,
  workflowPolicyOf,
  workflowPolicySchema,
} from "@/lib/workflow/policy";
import { type FieldIssue, type FieldSpec, type FieldValue, formatField, getPath, parseField, setPath } from "./fields";

export const SECTIONS = ["campaign", "subsidy", "workflow", "inspection", "strike", "prospects"] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Everything the settings page edits except the phase windows (their own rows, see ./phases). */
export interface CampaignSettings {
  planSize: number;
  basicRatePermille: number;
  targetRatePermille: number;
  retentionDays: number;
  subsidy: SubsidyPolicy;
  workflow: WorkflowPolicy;
  inspection: InspectionPolicy;
  strike: StrikePolicy;
  prospects: ProspectPolicy;
}

export interface TierRow {
  /** lower bound in %, as typed */
  bound: string;
  /** the bound itself belongs to the tier (≥ rather than >) */
  inclusive: boolean;
  /** 元 per enrolled student, as typed */
  yuan: string;
}

export interface SectionForm {
  values: Record<string, FieldValue>;
  /** the subsidy section's tier table, highest tier first */
  tiers?: TierRow[];
}

export const MAX_TIERS = 20;
const MAX_YUAN = 10_000_000;

export const SECTION_FIELDS: Record<SectionId, readonly FieldSpec[]> = {
  campaign: [
    { key: "planSize", kind: "int", unit: "people", min: 1, max: 100_000 },
    { key: "basicRatePermille", kind: "rate", unit: "percent", min: 0, max: 100 },
    { key: "targetRatePermille", kind: "rate", unit: "percent", min: 0, max: 100 },
    { key: "retentionDays", kind: "int", unit: "days", min: 1, max: 3650 },
  ],
  subsidy: [
    { key: "step.sizePermille", kind: "rate", unit: "percent", min: 0.1, max: 100 },
    { key: "step.fenPerStep", kind: "yuan", unit: "yuanPerStudent", min: 0, max: MAX_YUAN },
    { key: "workload.contactsPerAssigned", kind: "int", unit: "timesPerStudent", min: 0, max: 100 },
    { key: "workload.minutesPerAssigned", kind: "int", unit: "minutesPerStudent", min: 0, max: 1000 },
    { key: "workload.deductionFenPerStudent", kind: "yuan", unit: "yuanPerStudent", min: 0, max: MAX_YUAN },
    { key: "leaderBonus.groupRate", kind: "choice", options: ["pooled", "mean"] },
    { key: "leaderBonus.atBasicFen", kind: "yuan", unit: "yuan", min: 0, max: MAX_YUAN },
    { key: "leaderBonus.atTargetFen", kind: "yuan", unit: "yuan", min: 0, max: MAX_YUAN },
    { key: "mistakenWithdrawal.payoutPercent", kind: "int", unit: "percent", min: 0, max: 100 },
    { key: "mistakenWithdrawal.coversOvertime", kind: "bool" },
    { key: "bottomRank.count", kind: "int", unit: "people", min: 0, max: 1000 },
    { key: "bottomRank.overtimePayoutPercent", kind: "int", unit: "percent", min: 0, max: 100 },
    { key: "fraud.minPercent", kind: "int", unit: "percent", min: 1, max: 100 },
    { key: "fraud.maxPercent", kind: "int", unit: "percent", min: 1, max: 100 },
    { key: "fraud.coversOvertime", kind: "bool" },
    { key: "fraud.coversLeaderBonus", kind: "bool" },
    { key: "slander.deductionPercent", kind: "int", unit: "percent", min: 0, max: 100 },
  ],
  workflow: [
    { key: "editWindowHours", kind: "int", unit: "hours", min: 0, max: 24 * 14 },
    { key: "backdateHours", kind: "int", unit: "hours", min: 0, max: 24 * 7 },
    { key: "unreachableAttempts", kind: "int", unit: "times", min: 1, max: 20 },
    { key: "unreachableMinDays", kind: "int", unit: "days", min: 1, max: 14 },
    { key: "escalateRegretted", kind: "bool" },
    { key: "escalateWillNotCome", kind: "bool" },
    { key: "escalateNotEnrolled", kind: "bool" },
    { key: "cleanupDays", kind: "int", unit: "days", min: 0, max: 60 },
    { key: "evidencePerContact", kind: "int", unit: "screenshots", min: 1, max: 10 },
  ],
  inspection: [
    { key: "sampleMinPerCaller", kind: "int", unit: "logs", min: 1, max: 50 },
    { key: "sampleSharePermille", kind: "rate", unit: "percent", min: 0, max: 100 },
    { key: "sampleMaxPerCaller", kind: "int", unit: "logs", min: 1, max: 200 },
    { key: "reachedCallMaxSeconds", kind: "int", unit: "seconds", min: 0, max: 60 },
    { key: "sameMinuteLogs", kind: "int", unit: "logs", min: 2, max: 50 },
    { key: "dayStartHour", kind: "int", unit: "hour", min: 0, max: 23 },
    { key: "dayEndHour", kind: "int", unit: "hour", min: 1, max: 24 },
    { key: "copiedNotesMinLength", kind: "int", unit: "characters", min: 1, max: 200 },
    { key: "copiedNotesCandidates", kind: "int", unit: "candidates", min: 2, max: 50 },
    { key: "wrongNumberWindowHours", kind: "int", unit: "hours", min: 1, max: 24 * 14 },
    { key: "rateOutlierFactor", kind: "decimal", unit: "factor", min: 1.5, max: 20 },
    { key: "rateOutlierMinLogs", kind: "int", unit: "logs", min: 1, max: 1000 },
    { key: "flagChatWithoutEvidence", kind: "bool" },
  ],
  strike: [{ key: "lostContactDays", kind: "int", unit: "days", min: 1, max: 60 }],
  // phase 1's 生源报备: points each, and what a point pays (0 = recorded, no money)
  prospects: [
    { key: "pointsPerRegistration", kind: "int", unit: "points", min: 0, max: 100 },
    { key: "fenPerPoint", kind: "yuan", unit: "yuanPerPoint", min: 0, max: 1000 },
  ],
};

/** The settings a campaign row holds; a stored policy that no longer validates reads as its defaults. */
export function settingsOf(row: {
  planSize: number;
  basicRatePermille: number;
  targetRatePermille: number;
  retentionDays: number;
  subsidyPolicy: unknown;
  workflowPolicy: unknown;
  inspectionPolicy: unknown;
  strikePolicy: unknown;
  prospectPolicy: unknown;
}): CampaignSettings {
  const subsidy = subsidyPolicySchema.safeParse(row.subsidyPolicy);
  return {
    planSize: row.planSize,
    basicRatePermille: row.basicRatePermille,
    targetRatePermille: row.targetRatePermille,
    retentionDays: row.retentionDays,
    subsidy: subsidy.success ? subsidy.data : DEFAULT_POLICY,
    workflow: workflowPolicyOf(row.workflowPolicy),
    inspection: inspectionPolicyOf(row.inspectionPolicy),
    strike: strikePolicyOf(row.strikePolicy),
    prospects: prospectPolicyOf(row.prospectPolicy),
  };
}

/** The plan's defaults (the product's defaults); the plan size is the campaign's own, it has none. */
export function defaultSettings(planSize: number): CampaignSettings {
  return {
    planSize,
    basicRatePermille: DEFAULT_POLICY.basicTaskPermille,
    targetRatePermille: DEFAULT_POLICY.targetTaskPermille,
    retentionDays: 365,
    subsidy: DEFAULT_POLICY,
    workflow: DEFAULT_WORKFLOW_POLICY,
    inspection: DEFAULT_INSPECTION_POLICY,
    strike: DEFAULT_STRIKE_POLICY,
    prospects: DEFAULT_PROSPECT_POLICY,
  };
}

function sectionSource(settings: CampaignSettings, section: SectionId): unknown {
  switch (section) {
    case "campaign":
      return settings;
    case "subsidy":
      return settings.subsidy;
    case "workflow":
      return settings.workflow;
    case "inspection":
      return settings.inspection;
    case "strike":
      return settings.strike;
    case "prospects":
      return settings.prospects;
  }
}

/** One section of the stored settings as its form shows it. */
export function sectionForm(settings: CampaignSettings, section: SectionId): SectionForm {
  const source = sectionSource(settings, section);
  const values: Record<string, FieldValue> = {};
  for (const spec of SECTION_FIELDS[section]) values[spec.key] = formatField(spec, getPath(source, spec.key));
  if (section !== "subsidy") return { values };
  return {
    values,
    tiers: settings.subsidy.tiers.map((tier) => ({
      bound: formatField({ key: "", kind: "rate" }, tier.lowerBoundPermille) as string,
      inclusive: tier.inclusive,
      yuan: formatField({ key: "", kind: "yuan" }, tier.fenPerStudent) as string,
    })),
  };
}

type Applied = { ok: true; next: CampaignSettings } | { ok: false; issues: FieldIssue[] };

/** The zod issues of a policy schema as field issues, keyed by the stored path (the form's keys). */
function schemaIssues(
  error: { issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[] },
  rename: (key: string) => string = (key) => key,
): FieldIssue[] {
  return error.issues.map((issue) => {
    const key = rename(issue.path.map(String).join("."));
    return issue.code === "custom" ? { key, code: "rule", message: issue.message } : { key, code: "invalid" };
  });
}

/**
 * The settings after one section's form is saved, or every refused field. Two values live in two
 * policies and are kept equal here: the basic and target rates (the campaign's columns, read by the
 * dashboards, and the subsidy policy's tasks, read by the payout) and the workload standard (the
 * subsidy's minimum workload and the workflow's standard shown to callers).
 */
export function applySection(current: CampaignSettings, section: SectionId, form: SectionForm): Applied {
  const issues: FieldIssue[] = [];
  const parsed: Record<string, unknown> = {};
  const specs = SECTION_FIELDS[section];
  const known = new Set(specs.map((s) => s.key));
  for (const key of Object.keys(form.values)) {
    if (!known.has(key)) issues.push({ key, code: "invalid" });
  }
  for (const spec of specs) {
    const result = parseField(spec, form.values[spec.key]);
    if (result.ok) setPath(parsed, spec.key, result.value);
    else issues.push(result.issue);
  }
  if (section === "subsidy") {
    const rows = form.tiers ?? [];
    if (rows.length === 0) issues.push({ key: "tiers", code: "required" });
    if (rows.length > MAX_TIERS) issues.push({ key: "tiers", code: "invalid" });
    parsed.tiers = rows.slice(0, MAX_TIERS).map((row, index) => {
      const bound = parseField({ key: `tiers.${index}.lowerBoundPermille`, kind: "rate", min: 0, max: 100 }, row.bound);
      const yuan = parseField({ key: `tiers.${index}.fenPerStudent`, kind: "yuan", min: 0, max: MAX_YUAN }, row.yuan);
      if (!bound.ok) issues.push(bound.issue);
      if (!yuan.ok) issues.push(yuan.issue);
      return {
        lowerBoundPermille: bound.ok ? bound.value : 0,
        inclusive: row.inclusive === true,
        fenPerStudent: yuan.ok ? yuan.value : 0,
      };
    });
  } else if (form.tiers !== undefined) {
    issues.push({ key: "tiers", code: "invalid" });
  }
  if (issues.length > 0) return { ok: false, issues };

  switch (section) {
    case "campaign": {
      const numbers = parsed as Pick<
        CampaignSettings,
        "planSize" | "basicRatePermille" | "targetRatePermille" | "retentionDays"
      >;
      const subsidy = subsidyPolicySchema.safeParse({
        ...current.subsidy,
        basicTaskPermille: numbers.basicRatePermille,
        targetTaskPermille: numbers.targetRatePermille,
      });
      if (!subsidy.success) {
        const rename = (key: string) =>
          key === "basicTaskPermille" ? "basicRatePermille" : key === "targetTaskPermille" ? "targetRatePermille" : key;
        return { ok: false, issues: schemaIssues(subsidy.error, rename) };
      }
      return { ok: true, next: { ...current, ...numbers, subsidy: subsidy.data } };
    }
    case "subsidy": {
      const subsidy = subsidyPolicySchema.safeParse({
        ...parsed,
        basicTaskPermille: current.subsidy.basicTaskPermille,
        targetTaskPermille: current.subsidy.targetTaskPermille,
      });
      if (!subsidy.success) return { ok: false, issues: schemaIssues(subsidy.error) };
      const workflow = workflowPolicySchema.safeParse({
        ...current.workflow,
        contactsPerCandidate: subsidy.data.workload.contactsPerAssigned,
        minutesPerCandidate: subsidy.data.workload.minutesPerAssigned,
      });
      if (!workflow.success) {
        const rename = (key: string) =>
          key === "contactsPerCandidate"
            ? "workload.contactsPerAssigned"
            : key === "minutesPerCandidate"
              ? "workload.minutesPerAssigned"
              : key;
        return { ok: false, issues: schemaIssues(workflow.error, rename) };
      }
      return { ok: true, next: { ...current, subsidy: subsidy.data, workflow: workflow.data } };
    }
    case "workflow": {
      const workflow = workflowPolicySchema.safeParse({ ...current.workflow, ...parsed });
      return workflow.success
        ? { ok: true, next: { ...current, workflow: workflow.data } }
        : { ok: false, issues: schemaIssues(workflow.error) };
    }
    case "inspection": {
      const inspection = inspectionPolicySchema.safeParse(parsed);
      return inspection.success
        ? { ok: true, next: { ...current, inspection: inspection.data } }
        : { ok: false, issues: schemaIssues(inspection.error) };
    }
    case "strike": {
      const strike = strikePolicySchema.safeParse(parsed);
      return strike.success
        ? { ok: true, next: { ...current, strike: strike.data } }
        : { ok: false, issues: schemaIssues(strike.error) };
    }
    case "prospects": {
      const prospects = prospectPolicySchema.safeParse(parsed);
      return prospects.success
        ? { ok: true, next: { ...current, prospects: prospects.data } }
        : { ok: false, issues: schemaIssues(prospects.error) };
    }
  }
}

/** What one section writes, for the audit row's before and after. */
export function sectionSnapshot(settings: CampaignSettings, section: SectionId): Record<string, unknown> {
  switch (section) {
    case "campaign":
      return {
        planSize: settings.planSize,
        basicRatePermille: settings.basicRatePermille,
        targetRatePermille: settings.targetRatePermille,
        retentionDays: settings.retentionDays,
      };
    case "subsidy":
      return {
        subsidyPolicy: settings.subsidy,
        workload: {
          contactsPerCandidate: settings.workflow.contactsPerCandidate,
          minutesPerCandidate: settings.workflow.minutesPerCandidate,
        },
      };
    case "workflow":
      return { workflowPolicy: settings.workflow };
    case "inspection":
      return { inspectionPolicy: settings.inspection };
    case "strike":
      return { strikePolicy: settings.strike };
    case "prospects":
      return { prospectPolicy: settings.prospects };
  }
}
