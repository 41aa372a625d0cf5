"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { savePhaseWindows, saveSettingsSection } from "@/app/(app)/admin/settings/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/action/result";
import type { FieldSpec, FieldValue } from "@/lib/settings/fields";
import type { PhaseRow } from "@/lib/settings/phases";
import type { SectionForm, SectionId, TierRow } from "@/lib/settings/sections";

export interface SectionProps {
  id: SectionId;
  fields: readonly FieldSpec[];
  current: SectionForm;
  defaults: SectionForm;
}

type Message = { tone: "ok" | "bad"; text: string; stale?: boolean } | null;

const INPUT =
  "min-h-11 w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 text-base tabular-nums focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-rose-500 aria-[invalid=true]:bg-rose-50";

/** Every section of the campaign's settings; one version shared by all, moved on by each save. */
export function SettingsEditor({
  campaignId,
  version: initialVersion,
  sections,
  phases,
}: {
  campaignId: string;
  version: string;
  sections: SectionProps[];
  phases: PhaseRow[];
}) {
  const [version, setVersion] = useState(initialVersion);
  return (
    <div className="space-y-4">
      {sections.map((section) => (
        <SectionCard
          key={section.id}
          section={section}
          save={(form) => saveSettingsSection({ campaignId, version, section: section.id, ...form })}
          onSaved={setVersion}
        />
      ))}
      <PhasesCard
        initial={phases}
        save={(rows) => savePhaseWindows({ campaignId, version, phases: rows })}
        onSaved={setVersion}
      />
    </div>
  );
}

function useSave() {
  const t = useTranslations("settings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const run = (call: () => Promise<ActionResult<{ version: string }>>, onSaved: (version: string) => void) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setErrors({});
        setMessage({ tone: "ok", text: t("saved") });
        onSaved(result.data.version);
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      if (result.code === "STALE") setMessage({ tone: "bad", text: t("stale"), stale: true });
      else if (result.code === "INVALID_INPUT") setMessage({ tone: "bad", text: t("failed") });
      else setMessage({ tone: "bad", text: result.error });
    });
  // bring the first refused field into view once React has marked it (on a phone it is often a screen
  // above the button); an effect runs after the commit, when aria-invalid is on the page
  useEffect(() => {
    if (Object.keys(errors).length > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return { pending, errors, message, setMessage, run };
}

function Footer({
  pending,
  message,
  onReset,
  testId,
}: {
  pending: boolean;
  message: Message;
  onReset?: () => void;
  testId: string;
}) {
  const t = useTranslations("settings");
  const router = useRouter();
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
      <Button type="submit" disabled={pending} data-testid={`save-${testId}`}>
        {pending ? t("saving") : t("save")}
      </Button>
      {onReset ? (
        <Button type="button" variant="secondary" onClick={onReset} data-testid={`reset-${testId}`}>
          {t("reset")}
        </Button>
      ) : null}
      <p
        aria-live="polite"
        data-testid={`message-${testId}`}
        className={`text-sm ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
        {message?.stale ? (
          <button type="button" className="ml-2 underline" onClick={() => router.refresh()}>
            {t("refresh")}
          </button>
        ) : null}
      </p>
    </div>
  );
}

function SectionCard({
  section,
  save,
  onSaved,
}: {
  section: SectionProps;
  save: (form: SectionForm) => Promise<ActionResult<{ version: string }>>;
  onSaved: (version: string) => void;
}) {
  const t = useTranslations("settings");
  const [values, setValues] = useState(section.current.values);
  const [tiers, setTiers] = useState(section.current.tiers);
  const { pending, errors, message, setMessage, run } = useSave();
  const setValue = (key: string, value: FieldValue) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <Card title={t(`sections.${section.id}.title`)}>
      <form
        data-testid={`section-${section.id}`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run(() => save({ values, ...(tiers ? { tiers } : {}) }), onSaved);
        }}
      >
        <p className="mb-4 text-sm text-slate-500">{t(`sections.${section.id}.hint`)}</p>
        {tiers ? (
          <TierTable rows={tiers} defaults={section.defaults.tiers ?? []} errors={errors} onChange={setTiers} />
        ) : null}
        <div className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          {section.fields.map((spec) => (
            <Field
              key={spec.key}
              spec={spec}
              value={values[spec.key] ?? ""}
              defaultValue={section.defaults.values[spec.key]}
              errors={errors[spec.key]}
              onChange={(value) => setValue(spec.key, value)}
            />
          ))}
        </div>
        <Footer
          pending={pending}
          message={message}
          testId={section.id}
          onReset={() => {
            setValues(section.defaults.values);
            setTiers(section.defaults.tiers);
            setMessage({ tone: "ok", text: t("resetDone") });
          }}
        />
      </form>
    </Card>
  );
}

function useShown() {
  const t = useTranslations("settings");
  return (spec: Pick<FieldSpec, "kind" | "unit" | "key">, value: FieldValue | undefined): string => {
    if (value === undefined) return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (spec.kind === "choice") return t(`groupRate.${value}` as "groupRate.pooled");
    return spec.unit ? `${value} ${t(`units.${spec.unit}`)}` : value;
  };
}

// on a wide screen a tier is one line: rank, fields, remove
const TIER_ROW = "rounded-lg border border-slate-200 p-3 md:flex md:flex-wrap md:items-end md:gap-4 md:py-2";

function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm text-rose-700">
      {errors?.join(" ")}
    </p>
  );
}

function Field({
  spec,
  value,
  defaultValue,
  errors,
  onChange,
}: {
  spec: FieldSpec;
  value: FieldValue;
  defaultValue: FieldValue | undefined;
  errors: string[] | undefined;
  onChange: (value: FieldValue) => void;
}) {
  const t = useTranslations("settings");
  const shown = useShown();
  const id = `setting-${spec.key}`;
  const label = t(`fields.${spec.key}` as "fields.planSize");
  const hint = (
    <span className="text-xs text-slate-500">
      {defaultValue === undefined ? t("noDefault") : t("defaultValue", { value: shown(spec, defaultValue) })}
    </span>
  );
  if (spec.kind === "bool") {
    return (
      <div>
        <label className="flex min-h-11 items-center gap-3 text-sm" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            className="size-5 accent-brand-600"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            data-testid={`field-${spec.key}`}
          />
          <span className="font-medium text-slate-700">{label}</span>
        </label>
        {hint}
        <FieldErrors id={`${id}-error`} errors={errors} />
      </div>
    );
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-center gap-2">
        {spec.kind === "choice" ? (
          <select
            id={id}
            className={INPUT}
            value={String(value)}
            onChange={(e) => onChange(e.target.value)}
            data-testid={`field-${spec.key}`}
          >
            {spec.options?.map((option) => (
              <option key={option} value={option}>
                {t(`groupRate.${option}` as "groupRate.pooled")}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            className={INPUT}
            inputMode={spec.kind === "int" ? "numeric" : "decimal"}
            value={String(value)}
            aria-invalid={errors ? true : undefined}
            aria-describedby={`${id}-error`}
            onChange={(e) => onChange(e.target.value)}
            data-testid={`field-${spec.key}`}
          />
        )}
        {spec.unit ? <span className="shrink-0 text-sm text-slate-600">{t(`units.${spec.unit}`)}</span> : null}
      </div>
      {hint}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function TierTable({
  rows,
  defaults,
  errors,
  onChange,
}: {
  rows: TierRow[];
  defaults: TierRow[];
  errors: Record<string, string[]>;
  onChange: (rows: TierRow[]) => void;
}) {
  const t = useTranslations("settings");
  const set = (index: number, patch: Partial<TierRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const defaultText = defaults
    .map((d) => `${d.inclusive ? "≥" : ">"}${d.bound}% ${d.yuan}${t("units.yuan")}`)
    .join("、");
  return (
    <fieldset className="mb-6">
      <legend className="mb-2 text-sm font-semibold text-slate-800">{t("tiers.title")}</legend>
      <ol className="space-y-2" data-testid="tiers">
        {rows.map((row, index) => {
          const boundErrors = errors[`tiers.${index}.lowerBoundPermille`];
          const yuanErrors = errors[`tiers.${index}.fenPerStudent`];
          const rowId = `tier-${index}`;
          return (
            // rows have no identity of their own: the index is the tier's rank
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className={TIER_ROW} data-testid={rowId}>
              <div className="mb-2 flex items-center justify-between text-sm md:contents">
                <span className="font-medium text-slate-700 md:order-first md:w-14 md:pb-3">
                  {t("tiers.row", { n: index + 1 })}
                </span>
                <button
                  type="button"
                  className="min-h-11 px-2 text-sm text-rose-700 underline disabled:text-slate-400 md:order-last md:ml-auto"
                  disabled={rows.length <= 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  {t("tiers.remove")}
                </button>
              </div>
              <div className="grid grid-cols-2 gap-3 sm:max-w-2xl sm:grid-cols-[1fr_1fr_auto] sm:items-end md:flex-1">
                <div>
                  <label htmlFor={`${rowId}-bound`} className="mb-1 block text-xs text-slate-600">
                    {t("tiers.bound")}
                  </label>
                  <div className="flex items-center gap-2">
                    <input
                      id={`${rowId}-bound`}
                      className={INPUT}
                      inputMode="decimal"
                      value={row.bound}
                      aria-invalid={boundErrors ? true : undefined}
                      onChange={(e) => set(index, { bound: e.target.value })}
                      data-testid={`${rowId}-bound`}
                    />
                    <span className="text-sm text-slate-600">{t("units.percent")}</span>
                  </div>
                </div>
                <div>
                  <label htmlFor={`${rowId}-yuan`} className="mb-1 block text-xs text-slate-600">
                    {t("tiers.yuan")}
                  </label>
                  <div className="flex items-center gap-2">
                    <input
                      id={`${rowId}-yuan`}
                      className={INPUT}
                      inputMode="decimal"
                      value={row.yuan}
                      aria-invalid={yuanErrors ? true : undefined}
                      onChange={(e) => set(index, { yuan: e.target.value })}
                      data-testid={`${rowId}-yuan`}
                    />
                    <span className="shrink-0 text-sm text-slate-600">{t("units.yuanPerStudent")}</span>
                  </div>
                </div>
                <label className="col-span-2 flex min-h-11 items-center gap-2 text-sm sm:col-span-1">
                  <input
                    type="checkbox"
                    className="size-5 accent-brand-600"
                    checked={row.inclusive}
                    onChange={(e) => set(index, { inclusive: e.target.checked })}
                  />
                  {t("tiers.inclusive")}
                </label>
              </div>
              <div className="md:order-last md:basis-full">
                <FieldErrors id={`${rowId}-error`} errors={[...(boundErrors ?? []), ...(yuanErrors ?? [])]} />
              </div>
            </li>
          );
        })}
      </ol>
      <FieldErrors id="tiers-error" errors={errors.tiers} />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={rows.length >= 20}
          onClick={() => onChange([...rows, { bound: "", inclusive: false, yuan: "" }])}
        >
          {t("tiers.add")}
        </Button>
        <span className="text-xs text-slate-500">{t("tiers.floor")}</span>
      </div>
      <p className="mt-2 text-xs text-slate-500">{t("tiers.defaultTiers", { tiers: defaultText })}</p>
    </fieldset>
  );
}

function PhasesCard({
  initial,
  save,
  onSaved,
}: {
  initial: PhaseRow[];
  save: (rows: PhaseRow[]) => Promise<ActionResult<{ version: string }>>;
  onSaved: (version: string) => void;
}) {
  const t = useTranslations();
  const [rows, setRows] = useState(initial);
  const { pending, errors, message, run } = useSave();
  const set = (phase: number, patch: Partial<PhaseRow>) =>
    setRows((all) => all.map((row) => (row.phase === phase ? { ...row, ...patch } : row)));
  return (
    <Card title={t("settings.sections.phases.title")}>
      <form
        data-testid="section-phases"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          run(() => save(rows), onSaved);
        }}
      >
        <p className="mb-4 text-sm text-slate-500">{t("settings.sections.phases.hint")}</p>
        <ol className="space-y-3">
          {rows.map((row) => (
            <li key={row.phase} className="rounded-lg border border-slate-200 p-3">
              <p className="mb-2 text-sm font-medium text-slate-700">
                {row.phase}. {t(`phases.${row.phase}` as "phases.1")}
              </p>
              <div className="grid gap-3 sm:grid-cols-2">
                {(["opensAt", "closesAt"] as const).map((edge) => {
                  const key = `phases.${row.phase}.${edge}`;
                  return (
                    <div key={edge}>
                      <label htmlFor={key} className="mb-1 block text-xs text-slate-600">
                        {t(`settings.phases.${edge}`)}
                      </label>
                      <input
                        id={key}
                        type="datetime-local"
                        className={INPUT}
                        value={row[edge]}
                        aria-invalid={errors[key] ? true : undefined}
                        onChange={(e) => set(row.phase, { [edge]: e.target.value })}
                        data-testid={`phase-${row.phase}-${edge}`}
                      />
                      <FieldErrors id={`${key}-error`} errors={errors[key]} />
                    </div>
                  );
                })}
              </div>
            </li>
          ))}
        </ol>
        <FieldErrors id="phases-error" errors={errors.phases} />
        <Footer pending={pending} message={message} testId="phases" />
      </form>
    </Card>
  );
}
