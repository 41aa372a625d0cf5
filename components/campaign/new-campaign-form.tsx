"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createNewCampaign } from "@/app/(app)/admin/campaigns/actions";
import { DigitsField, Field, Input, Select } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { PHASES, type PhaseRow, shiftPhaseRows } from "@/lib/settings/phases";

/** An earlier campaign the new one can start from, with its phase windows in Beijing time. */
export interface CampaignSource {
  id: string;
  name: string;
  year: number;
  planSize: number;
  phases: PhaseRow[];
}

const EMPTY_PHASES: PhaseRow[] = PHASES.map((phase) => ({ phase, opensAt: "", closesAt: "" }));

/** The phases a source suggests for a year: its own windows moved on by the years between them. */
function suggestedPhases(source: CampaignSource | undefined, year: string): PhaseRow[] {
  if (!source || !/^\d{4}$/.test(year)) return EMPTY_PHASES;
  return shiftPhaseRows(source.phases, Number(year) - source.year);
}

/**
 * 新建回访工作计划: name, year, planned places, what to start from and the four phase windows. Choosing an
 * earlier campaign (or changing the year) fills the windows from it, a year on; the admin checks them.
 */
export function NewCampaignForm({ sources, suggestedYear }: { sources: CampaignSource[]; suggestedYear: number }) {
  const t = useTranslations();
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const latest = sources[0];
  const [name, setName] = useState("");
  const [year, setYear] = useState(String(suggestedYear));
  const [planSize, setPlanSize] = useState(latest ? String(latest.planSize) : "");
  const [copyFrom, setCopyFrom] = useState(latest?.id ?? "");
  const [phases, setPhases] = useState<PhaseRow[]>(() => suggestedPhases(latest, String(suggestedYear)));
  const [notice, setNotice] = useState<string | null>(null);
  const sourceOf = (id: string) => sources.find((s) => s.id === id);

  function choose(next: { copyFrom?: string; year?: string }) {
    const nextCopy = next.copyFrom ?? copyFrom;
    const nextYear = next.year ?? year;
    setCopyFrom(nextCopy);
    setYear(nextYear);
    // a different source or a complete year suggests the windows again; the plan's defaults have no
    // dates to offer, so what is typed stays
    if (sourceOf(nextCopy) && /^\d{4}$/.test(nextYear)) setPhases(suggestedPhases(sourceOf(nextCopy), nextYear));
  }

  function setEdge(phase: number, edge: "opensAt" | "closesAt", value: string) {
    setPhases((rows) => rows.map((row) => (row.phase === phase ? { ...row, [edge]: value } : row)));
  }

  async function submit() {
    setNotice(null);
    const result = await run(() => createNewCampaign({ name, year, planSize, copyFrom, phases }));
    if (!result.ok) return;
    const created = result.data;
    setNotice(
      [
        t(created.isCurrent ? "campaigns.new.createdCurrent" : "campaigns.new.createdNotCurrent", {
          name: created.name,
        }),
        created.groupsCopied > 0 ? t("campaigns.new.groupsCopied", { count: created.groupsCopied }) : "",
      ].join(" "),
    );
    setName("");
  }

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      data-testid="new-campaign"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <p className="text-sm text-slate-600">{t("campaigns.new.hint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("campaigns.new.name")} errors={fieldErrors.name}>
          {(control) => (
            <Input
              {...control}
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={40}
              lang="zh"
              placeholder={t("campaigns.new.namePlaceholder")}
              className="w-full"
              data-testid="campaign-name"
            />
          )}
        </Field>
        <Field label={t("campaigns.new.copyFrom")} errors={fieldErrors.copyFrom}>
          {(control) => (
            <Select
              {...control}
              value={copyFrom}
              onChange={(e) => choose({ copyFrom: e.target.value })}
              className="w-full"
              data-testid="campaign-copy-from"
            >
              <option value="">{t("campaigns.new.copyDefaults")}</option>
              {sources.map((s) => (
                <option key={s.id} value={s.id} lang="zh">
                  {t("campaigns.new.copyCampaign", { year: s.year, name: s.name })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <DigitsField
          label={t("campaigns.new.year")}
          errors={fieldErrors.year}
          value={year}
          onChange={(digits) => choose({ year: digits })}
          maxDigits={4}
          testId="campaign-year"
        />
        <DigitsField
          label={t("campaigns.new.planSize")}
          errors={fieldErrors.planSize}
          value={planSize}
          onChange={setPlanSize}
          maxDigits={6}
          inputClassName="w-32"
          testId="campaign-plan-size"
        />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("campaigns.new.phases")}</legend>
        <p className="text-xs text-slate-500">{t("campaigns.new.phasesHint")}</p>
        {phases.map((row) => (
          <div key={row.phase} className="rounded-lg border border-slate-200 p-3">
            <p className="mb-2 text-sm font-medium">
              {row.phase}. {t(`phases.${row.phase}` as "phases.1")}
            </p>
            <div className="grid gap-3 sm:grid-cols-2">
              {(["opensAt", "closesAt"] as const).map((edge) => (
                <Field
                  key={edge}
                  label={t(`settings.phases.${edge}`)}
                  errors={fieldErrors[`phases.${row.phase}.${edge}`]}
                >
                  {(control) => (
                    <Input
                      {...control}
                      type="datetime-local"
                      value={row[edge]}
                      onChange={(e) => setEdge(row.phase, edge, e.target.value)}
                      className="w-full tabular-nums"
                      data-testid={`campaign-phase-${row.phase}-${edge}`}
                    />
                  )}
                </Field>
              ))}
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitRow
        pending={pending}
        label={t("campaigns.new.submit")}
        pendingLabel={t("campaigns.new.submitting")}
        error={error}
        notice={notice}
        testId="create-campaign"
        messageTestId="campaign-message"
      />
    </form>
  );
}
