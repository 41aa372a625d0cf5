"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { resolveEscalation } from "@/app/(app)/strike/actions";
import { Button } from "@/components/ui/button";
import { WordsField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

const OUTCOMES = ["HANDED_BACK", "ENROLLED", "LOST"] as const;

/** Closes a claimed case: handed back, enrolled, or definitively lost with the reason. */
export function ResolveForm({ escalationId, examNo }: { escalationId: string; examNo: string }) {
  const t = useTranslations("strike.resolve");
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number] | "">("");
  const [note, setNote] = useState("");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    await run(() => resolveEscalation({ escalationId, outcome, note }));
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-2" noValidate data-testid={`resolve-${examNo}`}>
      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("outcome")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {OUTCOMES.map((o) => (
            <label
              key={o}
              className={`flex min-h-11 cursor-pointer items-center rounded-lg border px-3 text-sm ${
                outcome === o ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300"
              }`}
            >
              <input
                type="radio"
                name={`outcome-${escalationId}`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
                className="sr-only"
                aria-invalid={Boolean(fieldErrors.outcome?.length)}
                data-testid={`resolve-outcome-${o}`}
              />
              {t(o)}
            </label>
          ))}
        </div>
      </fieldset>
      <WordsField
        label={t("note")}
        hint={t("noteHint")}
        errors={fieldErrors.note}
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={500}
        testId="resolve-note"
      />
      <Button type="submit" disabled={pending} data-testid="resolve-submit">
        {pending ? t("saving") : t("save")}
      </Button>
      <p aria-live="polite" className="text-sm text-rose-700" data-testid="resolve-error">
        {error}
      </p>
    </form>
  );
}
