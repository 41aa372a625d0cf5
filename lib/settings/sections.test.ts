import { describe, expect, it } from "vitest";
import { DEFAULT_INSPECTION_POLICY } from "@/lib/inspection/policy";
import { DEFAULT_POLICY } from "@/lib/subsidy/policy";
import { beijingDateTime, parseBeijingDateTime } from "@/lib/time";
import { parsePhaseRows } from "./phases";
import { applySection, defaultSettings, SECTIONS, sectionForm } from "./sections";

const base = defaultSettings(1403);

describe("a section's form and its stored policy", () => {
  it.each(SECTIONS)("the %s form of the stored settings saves back to the same settings", (section) => {
    expect(applySection(base, section, sectionForm(base, section))).toEqual({ ok: true, next: base });
  });

  it("shows money in 元 and rates in %", () => {
    const form = sectionForm(base, "subsidy");
    expect(form.tiers?.[0]).toEqual({ bound: "99", inclusive: true, yuan: "100" });
    expect(form.values["step.fenPerStep"]).toBe("0.5");
    expect(form.values["step.sizePermille"]).toBe("0.1");
    expect(sectionForm(base, "campaign").values.basicRatePermille).toBe("93");
  });

  it("stores a changed tier in fen and keeps the workload standard in both policies", () => {
    const form = sectionForm(base, "subsidy");
    const tiers = form.tiers?.map((t, i) => (i === 4 ? { ...t, yuan: "72.5" } : t));
    const applied = applySection(base, "subsidy", {
      values: { ...form.values, "workload.contactsPerAssigned": "5", "workload.minutesPerAssigned": "25" },
      tiers,
    });
    if (!applied.ok) throw new Error(JSON.stringify(applied.issues));
    expect(applied.next.subsidy.tiers[4]).toEqual({ lowerBoundPermille: 950, inclusive: false, fenPerStudent: 7250 });
    expect(applied.next.subsidy.workload).toMatchObject({ contactsPerAssigned: 5, minutesPerAssigned: 25 });
    expect(applied.next.workflow).toMatchObject({ contactsPerCandidate: 5, minutesPerCandidate: 25 });
  });

  it("keeps the basic and target tasks in the columns and in the subsidy policy", () => {
    const form = sectionForm(base, "campaign");
    const applied = applySection(base, "campaign", {
      values: { ...form.values, basicRatePermille: "92.5", targetRatePermille: "96" },
    });
    if (!applied.ok) throw new Error("refused");
    expect(applied.next).toMatchObject({ basicRatePermille: 925, targetRatePermille: 960 });
    expect(applied.next.subsidy).toMatchObject({ basicTaskPermille: 925, targetTaskPermille: 960 });
  });

  it("names each refused field, with the cross-field rules of the policies", () => {
    const campaign = sectionForm(base, "campaign");
    expect(
      applySection(base, "campaign", {
        values: { ...campaign.values, basicRatePermille: "96", targetRatePermille: "95" },
      }),
    ).toEqual({
      ok: false,
      issues: [{ key: "targetRatePermille", code: "rule", message: "subsidy.policy.targetBelowBasic" }],
    });

    const subsidy = sectionForm(base, "subsidy");
    const unordered = subsidy.tiers?.map((t, i) => (i === 1 ? { ...t, bound: "99.5" } : t));
    const refused = applySection(base, "subsidy", {
      values: { ...subsidy.values, "fraud.minPercent": "0", "leaderBonus.atBasicFen": "abc" },
      tiers: unordered,
    });
    expect(refused).toEqual({
      ok: false,
      issues: [
        { key: "leaderBonus.atBasicFen", code: "notNumber" },
        { key: "fraud.minPercent", code: "tooSmall", min: "1" },
      ],
    });
    const onlyOrder = applySection(base, "subsidy", { values: subsidy.values, tiers: unordered });
    expect(onlyOrder).toMatchObject({ ok: false, issues: [{ key: "tiers.1.lowerBoundPermille", code: "rule" }] });
    expect(applySection(base, "subsidy", { values: subsidy.values, tiers: [] })).toMatchObject({
      ok: false,
      issues: [{ key: "tiers", code: "required" }],
    });

    const inspection = sectionForm(base, "inspection");
    expect(
      applySection(base, "inspection", { values: { ...inspection.values, dayStartHour: "22", dayEndHour: "8" } }),
    ).toMatchObject({ ok: false, issues: [{ key: "dayEndHour", code: "rule" }] });
  });

  it("refuses a field the section does not have", () => {
    expect(applySection(base, "strike", { values: { lostContactDays: "3", sampleMinPerCaller: "2" } })).toMatchObject({
      ok: false,
      issues: [{ key: "sampleMinPerCaller", code: "invalid" }],
    });
  });

  it("starts from the plan's defaults", () => {
    expect(base.subsidy).toBe(DEFAULT_POLICY);
    expect(base.inspection).toBe(DEFAULT_INSPECTION_POLICY);
    expect(base).toMatchObject({ basicRatePermille: 930, targetRatePermille: 950, retentionDays: 365 });
  });
});

describe("phase windows in Beijing time", () => {
  const rows = [
    { phase: 1, opensAt: "2024-06-01T08:00", closesAt: "2024-06-20T00:00" },
    { phase: 2, opensAt: "2024-06-20T00:00", closesAt: "2024-07-10T00:00" },
    { phase: 3, opensAt: "2024-07-10T00:00", closesAt: "2024-08-01T00:00" },
    { phase: 4, opensAt: "2024-08-01T00:00", closesAt: "2024-09-10T18:30" },
  ];

  it("reads a wall-clock time as UTC+8 and shows it back", () => {
    const instant = parseBeijingDateTime("2024-06-01T08:00");
    expect(instant?.toISOString()).toBe("2024-06-01T00:00:00.000Z");
    expect(beijingDateTime(instant as Date)).toBe("2024-06-01T08:00");
    expect(parseBeijingDateTime("2024-02-30T08:00")).toBeNull();
    expect(parseBeijingDateTime("tomorrow")).toBeNull();
  });

  it("accepts windows in order that touch, refuses overlap and inverted windows", () => {
    expect(parsePhaseRows(rows, 2024)).toMatchObject({ ok: true });
    const overlapping = rows.map((r) => (r.phase === 3 ? { ...r, opensAt: "2024-07-09T00:00" } : r));
    expect(parsePhaseRows(overlapping, 2024)).toEqual({
      ok: false,
      issues: [{ key: "phases.3.opensAt", code: "overlapsPrevious" }],
    });
    const inverted = rows.map((r) => (r.phase === 1 ? { ...r, closesAt: "2024-05-01T00:00" } : r));
    expect(parsePhaseRows(inverted, 2024)).toMatchObject({
      ok: false,
      issues: [{ key: "phases.1.closesAt", code: "closesBeforeOpens" }],
    });
    expect(parsePhaseRows(rows.slice(0, 3), 2024)).toMatchObject({ ok: false, issues: [{ key: "phases" }] });
    const blank = rows.map((r) => (r.phase === 2 ? { ...r, opensAt: "" } : r));
    expect(parsePhaseRows(blank, 2024)).toMatchObject({
      ok: false,
      issues: [{ key: "phases.2.opensAt", code: "required" }],
    });
  });

  it("refuses windows outside the campaign's year and the next, naming the allowed days", () => {
    const endless = rows.map((r) => (r.phase === 4 ? { ...r, closesAt: "9999-12-31T00:00" } : r));
    expect(parsePhaseRows(endless, 2024)).toEqual({
      ok: false,
      issues: [{ key: "phases.4.closesAt", code: "outsideCampaignYears", first: "2024-01-01", last: "2025-12-31" }],
    });
    // the same dates belong to a 2023 campaign (its next year is 2024), not to a 2025 one
    expect(parsePhaseRows(rows, 2023)).toMatchObject({ ok: true });
    expect(parsePhaseRows(rows, 2025)).toMatchObject({
      ok: false,
      issues: [1, 2, 3, 4].map((phase) => ({ key: `phases.${phase}.opensAt`, code: "outsideCampaignYears" })),
    });
  });
});
