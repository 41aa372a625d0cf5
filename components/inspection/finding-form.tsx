"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordFinding } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { DigitsField, Field, Input, Select, WordsField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { type DeductionRule, VIOLATION_KINDS } from "@/lib/inspection/findings";

type Kind = (typeof VIOLATION_KINDS)[number];

/** What the kind costs, when the inspector enters no percentage. */
function ruleHint(t: ReturnType<typeof useTranslations<"inspection">>, rule: DeductionRule): string {
  switch (rule.type) {
    case "policy":
      return t("finding.policyHint", { percent: rule.payoutPercent });
    case "policyDeduction":
      return rule.deductionPercent === 0
        ? t("finding.slanderFreeHint")
        : t("finding.slanderHint", { percent: rule.deductionPercent });
    default:
      return t("finding.noneHint");
  }
}

/**
 * Records a finding: from a log judged false (the caller is the log's), or against a caller chosen from
 * the list, directly or from an on-site patrol. The percentage field appears only for the kinds that take one.
 */
export function FindingForm({
  inspectionId,
  patrolId,
  callers,
  rules,
  defaultKind,
}: {
  inspectionId?: string;
  patrolId?: string;
  callers?: { id: string; label: string }[];
  rules: Record<Kind, DeductionRule>;
  defaultKind: Kind;
}) {
  const t = useTranslations("inspection");
  const [kind, setKind] = useState<Kind>(defaultKind);
  const [callerId, setCallerId] = useState("");
  const [percent, setPercent] = useState("");
  const [description, setDescription] = useState("");
  const [deadline, setDeadline] = useState("");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const rule = rules[kind];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await run(() =>
      recordFinding({
        ...(inspectionId ? { inspectionId } : { callerId }),
        ...(patrolId ? { patrolId } : {}),
        kind,
        deductionPercent: rule.type === "range" ? percent : "",
        description,
        correctionDeadline: deadline,
      }),
    );
    if (result.ok) {
      setSaved(true);
      setPercent("");
      setDescription("");
      setDeadline("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate data-testid="finding-form">
      {callers ? (
        <Field label={t("finding.caller")} errors={fieldErrors.callerId} errorTestId="finding-error-callerId">
          {(control) => (
            <Select
              {...control}
              value={callerId}
              onChange={(e) => setCallerId(e.target.value)}
              className="w-full"
              data-testid="finding-caller"
            >
              <option value="">{t("finding.chooseCaller")}</option>
              {callers.map((c) => (
                // a caller's name and group, in the college's own words
                <option key={c.id} value={c.id} lang="zh">
                  {c.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Field label={t("finding.kind")} errors={fieldErrors.kind} errorTestId="finding-error-kind">
        {(control) => (
          <Select
            {...control}
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
            className="w-full"
            data-testid="finding-kind"
          >
            {VIOLATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {rule.type === "range" ? (
        <DigitsField
          label={t("finding.percent")}
          hint={t("finding.percentHint", { min: rule.min, max: rule.max })}
          errors={fieldErrors.deductionPercent}
          errorTestId="finding-error-deductionPercent"
          value={percent}
          onChange={setPercent}
          maxDigits={3}
          testId="finding-percent"
        />
      ) : (
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-600">{ruleHint(t, rule)}</p>
      )}
      <WordsField
        label={t("finding.description")}
        errors={fieldErrors.description}
        errorTestId="finding-error-description"
        value={description}
        onChange={setDescription}
        rows={3}
        maxLength={1000}
        testId="finding-description"
      />
      <Field
        label={t("finding.deadline")}
        errors={fieldErrors.correctionDeadline}
        errorTestId="finding-error-correctionDeadline"
      >
        {(control) => (
          <Input
            {...control}
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            data-testid="finding-deadline"
          />
        )}
      </Field>
      <Button type="submit" disabled={pending} data-testid="save-finding">
        {pending ? t("finding.saving") : t("finding.save")}
      </Button>
      <p aria-live="polite" className="text-sm" data-testid="finding-message">
        {error ? <span className="text-rose-700">{error}</span> : saved ? t("finding.saved") : null}
      </p>
    </form>
  );
}
