import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FieldError, Input } from "@/components/ui/field";
import type { TierRow } from "@/lib/settings/sections";

// on a wide screen a tier is one line: rank, fields, remove
const TIER_ROW = "rounded-lg border border-slate-200 p-3 md:flex md:flex-wrap md:items-end md:gap-4 md:py-2";

/** The subsidy's tier table (补贴标准), one row per tier, highest first. */
export function TierTable({
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
    .map((d) => t("tiers.defaultTier", { edge: `${d.inclusive ? "≥" : ">"}${d.bound}%`, yuan: d.yuan }))
    .join(t("tiers.separator"));
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
                    <Input
                      id={`${rowId}-bound`}
                      className="w-full tabular-nums"
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
                    <Input
                      id={`${rowId}-yuan`}
                      className="w-full tabular-nums"
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
                <FieldError id={`${rowId}-error`} errors={[...(boundErrors ?? []), ...(yuanErrors ?? [])]} />
              </div>
            </li>
          );
        })}
      </ol>
      <FieldError id="tiers-error" errors={errors.tiers} />
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
