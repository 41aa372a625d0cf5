import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Field, FieldError, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action/result";
import type { PhaseRow } from "@/lib/settings/phases";
import { SaveFooter, useSave, useServerState } from "./save-bar";

/** The four phase windows, Beijing time, saved together. */
export function PhasesCard({
  initial,
  save,
  onSaved,
}: {
  initial: PhaseRow[];
  save: (rows: PhaseRow[]) => Promise<ActionResult<{ version: string }>>;
  onSaved: (version: string) => void;
}) {
  const t = useTranslations();
  const [rows, setRows] = useServerState(initial);
  const { pending, errors, message, run, formRef } = useSave();
  const set = (phase: number, patch: Partial<PhaseRow>) =>
    setRows((all) => all.map((row) => (row.phase === phase ? { ...row, ...patch } : row)));
  return (
    <Card title={t("settings.sections.phases.title")}>
      <form
        ref={formRef}
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
                    <Field key={edge} label={t(`settings.phases.${edge}`)} errors={errors[key]}>
                      {(control) => (
                        <Input
                          {...control}
                          type="datetime-local"
                          className="w-full tabular-nums"
                          value={row[edge]}
                          onChange={(e) => set(row.phase, { [edge]: e.target.value })}
                          data-testid={`phase-${row.phase}-${edge}`}
                        />
                      )}
                    </Field>
                  );
                })}
              </div>
            </li>
          ))}
        </ol>
        <FieldError id="phases-error" errors={errors.phases} />
        <SaveFooter pending={pending} message={message} testId="phases" />
      </form>
    </Card>
  );
}
