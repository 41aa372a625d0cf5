"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordAssessmentResult } from "@/app/(app)/staff-pool/actions";
import { ChoiceField, DayField, DigitsField, FieldError, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { ASSESSMENT_KINDS } from "@/lib/staff/assessment-kinds";

/** Records one assessment of one person; choosing 未通过 says what it does before it is saved. */
export function AssessmentForm({ profileId, today }: { profileId: string; today: string }) {
  const t = useTranslations("training");
  const [kind, setKind] = useState("");
  const [heldOn, setHeldOn] = useState(today);
  const [score, setScore] = useState("");
  const [passed, setPassed] = useState<"" | "true" | "false">("");
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = await run(() => recordAssessmentResult({ profileId, kind, heldOn, score, passed, note }));
    if (result.ok) {
      setNotice(
        result.data.poolStatus === "REMOVED" && passed === "false"
          ? t("assessment.doneRemoved", { count: result.data.reassigned })
          : t("assessment.done"),
      );
      setScore("");
      setPassed("");
      setNote("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-3" data-testid="assessment-form">
      <div className="grid gap-3 sm:grid-cols-3">
        <ChoiceField
          label={t("assessment.kind")}
          errors={fieldErrors.kind}
          errorTestId="assessment-error-kind"
          value={kind}
          onChange={setKind}
          emptyLabel="—"
          choices={ASSESSMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          testId="assessment-kind"
        />
        <DayField
          label={t("assessment.heldOn")}
          errors={fieldErrors.heldOn}
          errorTestId="assessment-error-heldOn"
          value={heldOn}
          max={today}
          onChange={setHeldOn}
          testId="assessment-heldOn"
        />
        <DigitsField
          label={t("assessment.score")}
          hint={t("assessment.scoreHint")}
          errors={fieldErrors.score}
          errorTestId="assessment-error-score"
          value={score}
          onChange={setScore}
          maxDigits={3}
          testId="assessment-score"
        />
      </div>
      <fieldset aria-describedby="assessment-result-error">
        <legend className="mb-1 text-sm font-medium">{t("assessment.result")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["true", "false"] as const).map((value) => (
            <label
              key={value}
              className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 ${
                passed === value
                  ? value === "true"
                    ? "border-emerald-600 bg-emerald-50"
                    : "border-rose-600 bg-rose-50"
                  : "border-slate-300"
              }`}
            >
              <input
                type="radio"
                name="passed"
                value={value}
                checked={passed === value}
                onChange={() => setPassed(value)}
                data-testid={`assessment-${value === "true" ? "passed" : "failed"}`}
              />
              {value === "true" ? t("assessment.passed") : t("assessment.failed")}
            </label>
          ))}
        </div>
        <FieldError id="assessment-result-error" errors={fieldErrors.passed} testId="assessment-error-passed" />
      </fieldset>
      {passed === "false" ? (
        <p className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800" data-testid="assessment-fail-warning">
          {t("assessment.failWarning")}
        </p>
      ) : null}
      <WordsField
        label={t("assessment.note")}
        errors={fieldErrors.note}
        errorTestId="assessment-error-note"
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={300}
        testId="assessment-note"
      />
      <SubmitRow
        pending={pending}
        label={t("assessment.submit")}
        pendingLabel={t("assessment.saving")}
        error={error}
        notice={notice}
        testId="save-assessment"
        messageTestId="assessment-message"
      />
    </form>
  );
}
