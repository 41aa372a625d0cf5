import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/action/result";
import type { FieldValue } from "@/lib/settings/fields";
import type { SectionForm } from "@/lib/settings/sections";
import { SaveFooter, useSave, useServerState } from "./save-bar";
import { SettingField } from "./setting-field";
import type { SectionProps } from "./settings-editor";
import { TierTable } from "./tier-table";

/** A section of policy values (tasks, subsidy with its tier table, workflow…), saved and reset as one. */
export function SectionCard({
  section,
  save,
  onSaved,
}: {
  section: SectionProps;
  save: (form: SectionForm) => Promise<ActionResult<{ version: string }>>;
  onSaved: (version: string) => void;
}) {
  const t = useTranslations("settings");
  const [values, setValues] = useServerState(section.current.values);
  const [tiers, setTiers] = useServerState(section.current.tiers);
  const { pending, errors, message, setMessage, run, formRef } = useSave();
  const setValue = (key: string, value: FieldValue) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <Card title={t(`sections.${section.id}.title`)}>
      <form
        ref={formRef}
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
            <SettingField
              key={spec.key}
              spec={spec}
              value={values[spec.key] ?? ""}
              defaultValue={section.defaults.values[spec.key]}
              errors={errors[spec.key]}
              onChange={(value) => setValue(spec.key, value)}
            />
          ))}
        </div>
        <SaveFooter
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
