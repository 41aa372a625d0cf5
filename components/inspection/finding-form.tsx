"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordFinding } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import type { DeductionRule } from "@/lib/inspection/findings";
import { useActionRunner } from "./use-action";

const KINDS = ["FAKE_CALLBACK", "FALSE_PROMISE", "MISTAKEN_WITHDRAWAL", "DERELICTION", "FRAUD"] as const;
type Kind = (typeof KINDS)[number];

/**
 * Records a finding: from a log judged false (the caller is the log's), or directly against a caller
 * chosen from the list. The percentage field appears only for the kinds that take one.
 */
export function FindingForm({
  inspectionId,
  callers,
  rules,
  defaultKind,
}: {
  inspectionId?: string;
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
  const { run, pending, error, fieldErrors } = useActionRunner();
  const rule = rules[kind];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const data = await run(() =>
      recordFinding({
        ...(inspectionId ? { inspectionId } : { callerId }),
        kind,
        deductionPercent: rule.type === "range" ? percent : "",
        description,
        correctionDeadline: deadline,
      }),
    );
    if (data) {
      setSaved(true);
      setPercent("");
      setDescription("");
      setDeadline("");
    }
  }

  const fieldError = (name: string) =>
    fieldErrors[name]?.[0] ? (
      <p className="mt-1 text-sm text-rose-700" data-testid={`finding-error-${name}`}>
        {fieldErrors[name]?.[0]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} className="space-y-3" noValidate data-testid="finding-form">
      {callers ? (
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("finding.caller")}</span>
          <select
            value={callerId}
            onChange={(e) => setCallerId(e.target.value)}
            className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
            data-testid="finding-caller"
          >
            <option value="">{t("finding.chooseCaller")}</option>
            {callers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {fieldError("callerId")}
        </label>
      ) : null}
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("finding.kind")}</span>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          className="min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base"
          data-testid="finding-kind"
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        {fieldError("kind")}
      </label>
      {rule.type === "range" ? (
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("finding.percent")}</span>
          <input
            value={percent}
            onChange={(e) => setPercent(e.target.value.replace(/\D/g, "").slice(0, 3))}
            inputMode="numeric"
            className="min-h-11 w-28 rounded-lg border border-slate-300 px-3 text-base tabular-nums"
            data-testid="finding-percent"
          />
          <span className="mt-1 block text-xs text-slate-500">
            {t("finding.percentHint", { min: rule.min, max: rule.max })}
          </span>
          {fieldError("deductionPercent")}
        </label>
      ) : (
        <p className="rounded-lg bg-slate-50 p-3 text-sm text-slate-600">
          {rule.type === "policy" ? t("finding.policyHint", { percent: rule.payoutPercent }) : t("finding.noneHint")}
        </p>
      )}
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("finding.description")}</span>
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          rows={3}
          maxLength={1000}
          className="w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
          data-testid="finding-description"
        />
        {fieldError("description")}
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("finding.deadline")}</span>
        <input
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          className="min-h-11 rounded-lg border border-slate-300 px-3 text-base"
          data-testid="finding-deadline"
        />
        {fieldError("correctionDeadline")}
      </label>
      <Button type="submit" disabled={pending} data-testid="save-finding">
        {pending ? t("finding.saving") : t("finding.save")}
      </Button>
      <p aria-live="polite" className="text-sm" data-testid="finding-message">
        {error ? <span className="text-rose-700">{error}</span> : saved ? t("finding.saved") : null}
      </p>
    </form>
  );
}
