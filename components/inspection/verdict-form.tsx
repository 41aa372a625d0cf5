"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordVerdict } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { FieldError, WordsField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

const VERDICTS = ["CONFIRMED", "DOUBTFUL", "FALSE"] as const;
type Verdict = (typeof VERDICTS)[number];

/** Confirmed / doubtful / false, with the evidence; locked once a finding rests on it. */
export function VerdictForm({
  logId,
  verdict,
  evidence,
  locked,
  screenshots,
  citedEvidenceId,
}: {
  logId: string;
  verdict: Verdict | null;
  evidence: string | null;
  locked: boolean;
  /** the log's screenshots, in order: the verdict may cite one */
  screenshots: { id: string }[];
  citedEvidenceId: string | null;
}) {
  const t = useTranslations("inspection");
  const [choice, setChoice] = useState<Verdict | "">(verdict ?? "");
  const [text, setText] = useState(evidence ?? "");
  const [cited, setCited] = useState(citedEvidenceId ?? "");
  const tEvidence = useTranslations("evidence");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    if ((await run(() => recordVerdict({ logId, verdict: choice, evidence: text, citedEvidenceId: cited }))).ok)
      setSaved(true);
  }

  const tone: Record<Verdict, string> = {
    CONFIRMED: "border-emerald-600 bg-emerald-50 text-emerald-800",
    DOUBTFUL: "border-amber-600 bg-amber-50 text-amber-800",
    FALSE: "border-rose-600 bg-rose-50 text-rose-800",
  };

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate>
      <fieldset disabled={locked} aria-describedby={`verdict-error-${logId}`}>
        <legend className="sr-only">{t("verdictForm.title")}</legend>
        <div className="grid grid-cols-3 gap-2">
          {VERDICTS.map((v) => (
            <label
              key={v}
              className={`flex min-h-11 cursor-pointer items-center justify-center rounded-lg border text-sm font-medium ${
                choice === v ? tone[v] : "border-slate-300"
              }`}
            >
              <input
                type="radio"
                name="verdict"
                value={v}
                checked={choice === v}
                onChange={() => setChoice(v)}
                aria-invalid={Boolean(fieldErrors.verdict?.length)}
                className="sr-only"
                data-testid={`verdict-${v}`}
              />
              {t(`verdict.${v}`)}
            </label>
          ))}
        </div>
        <FieldError id={`verdict-error-${logId}`} errors={fieldErrors.verdict} />
        <WordsField
          label={t("verdictForm.evidence")}
          hint={t("verdictForm.evidenceHint")}
          errors={fieldErrors.evidence}
          className="mt-3"
          value={text}
          onChange={setText}
          rows={3}
          maxLength={1000}
          testId="verdict-evidence"
        />
        {screenshots.length > 0 ? (
          <div className="mt-3">
            <label htmlFor={`cite-${logId}`} className="mb-1 block text-sm font-medium">
              {tEvidence("cite")}
            </label>
            <select
              id={`cite-${logId}`}
              value={cited}
              onChange={(e) => setCited(e.target.value)}
              aria-describedby={`cite-error-${logId}`}
              className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm"
              data-testid="verdict-cite"
            >
              <option value="">{tEvidence("citeNone")}</option>
              {screenshots.map((s, index) => (
                <option key={s.id} value={s.id}>
                  {tEvidence("numbered", { n: index + 1 })}
                </option>
              ))}
            </select>
            <FieldError id={`cite-error-${logId}`} errors={fieldErrors.citedEvidenceId} />
          </div>
        ) : null}
      </fieldset>
      {locked ? (
        <p className="text-sm text-slate-500">{t("verdictForm.locked")}</p>
      ) : (
        <Button type="submit" disabled={pending} data-testid="save-verdict">
          {pending ? t("verdictForm.saving") : t("verdictForm.save")}
        </Button>
      )}
      <p aria-live="polite" className="text-sm" data-testid="verdict-message">
        {error ? <span className="text-rose-700">{error}</span> : saved ? t("verdictForm.saved") : null}
      </p>
    </form>
  );
}
