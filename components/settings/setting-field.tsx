import { useTranslations } from "next-intl";
import { Field, FieldError, Input, Select } from "@/components/ui/field";
import type { FieldSpec, FieldValue } from "@/lib/settings/fields";

function useShown() {
  const t = useTranslations("settings");
  return (spec: Pick<FieldSpec, "kind" | "unit" | "key">, value: FieldValue | undefined): string => {
    if (value === undefined) return "—";
    if (typeof value === "boolean") return value ? t("yes") : t("no");
    if (spec.kind === "choice") return t(`groupRate.${value}` as "groupRate.pooled");
    return spec.unit ? `${value} ${t(`units.${spec.unit}`)}` : value;
  };
}

/** One policy value: its label, input (a number with its unit, a choice or a checkbox) and default. */
export function SettingField({
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
  const hint = defaultValue === undefined ? t("noDefault") : t("defaultValue", { value: shown(spec, defaultValue) });
  if (spec.kind === "bool") {
    // a checkbox reads its label after the box, so it is wired by hand rather than through Field
    return (
      <div>
        <label className="flex min-h-11 items-center gap-3 text-sm" htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            className="size-5 accent-brand-600"
            checked={value === true}
            aria-invalid={Boolean(errors?.length)}
            aria-describedby={`${id}-hint ${id}-error`}
            onChange={(e) => onChange(e.target.checked)}
            data-testid={`field-${spec.key}`}
          />
          <span className="font-medium text-slate-700">{label}</span>
        </label>
        <span id={`${id}-hint`} className="block text-xs text-slate-500">
          {hint}
        </span>
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
    );
  }
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <div className="flex items-center gap-2">
          {spec.kind === "choice" ? (
            <Select
              {...control}
              className="w-full tabular-nums"
              value={String(value)}
              onChange={(e) => onChange(e.target.value)}
              data-testid={`field-${spec.key}`}
            >
              {spec.options?.map((option) => (
                <option key={option} value={option}>
                  {t(`groupRate.${option}` as "groupRate.pooled")}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              {...control}
              className="w-full tabular-nums"
              inputMode={spec.kind === "int" ? "numeric" : "decimal"}
              value={String(value)}
              onChange={(e) => onChange(e.target.value)}
              data-testid={`field-${spec.key}`}
            />
          )}
          {spec.unit ? <span className="shrink-0 text-sm text-slate-600">{t(`units.${spec.unit}`)}</span> : null}
        </div>
      )}
    </Field>
  );
}
