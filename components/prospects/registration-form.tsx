"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { registerSource } from "@/app/(app)/consultations/actions";
import { Field, Input } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";

/** 生源报备 of one prospect the person consulted: the external system's number and the day, folded away. */
export function RegistrationForm({ prospectId, today }: { prospectId: string; today: string }) {
  const t = useTranslations("prospects.register");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const [draft, setDraft] = useState({ number: "", registeredOn: today });
  return (
    <details className="mt-2" data-testid="registration">
      <summary className="inline-flex min-h-9 cursor-pointer items-center text-sm text-brand-700 underline">
        {t("open")}
      </summary>
      <form
        ref={formRef}
        noValidate
        className="mt-2 grid gap-3 sm:grid-cols-3 sm:items-start"
        onSubmit={async (event) => {
          event.preventDefault();
          await run(() => registerSource({ prospectId, ...draft }));
        }}
      >
        <Field label={t("number")} hint={t("numberHint")} errors={fieldErrors.number}>
          {(control) => (
            <Input
              {...control}
              value={draft.number}
              onChange={(e) => setDraft((d) => ({ ...d, number: e.target.value }))}
              autoComplete="off"
              className="w-full"
              data-testid="registration-number"
            />
          )}
        </Field>
        <Field label={t("day")} errors={fieldErrors.registeredOn}>
          {(control) => (
            <Input
              {...control}
              type="date"
              max={today}
              value={draft.registeredOn}
              onChange={(e) => setDraft((d) => ({ ...d, registeredOn: e.target.value }))}
              className="w-full"
              data-testid="registration-day"
            />
          )}
        </Field>
        <SubmitRow
          pending={pending}
          label={t("submit")}
          pendingLabel={t("submitting")}
          error={error}
          testId="save-registration"
          messageTestId="registration-message"
          className="sm:pt-7"
        />
      </form>
    </details>
  );
}
