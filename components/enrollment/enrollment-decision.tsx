"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { confirmEnrollment } from "@/app/(app)/admin/enrollment/actions";
import { Button } from "@/components/ui/button";
import { WordsField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

/**
 * Confirm one candidate's 报到 by hand, or take back such a confirmation: the button opens the reason's
 * field (required, kept in the audit row), and the page refreshes with the row gone from the mismatches.
 */
export function EnrollmentDecision({
  candidateId,
  version,
  decision,
  name,
}: {
  candidateId: string;
  version: number;
  decision: "confirm" | "withdraw";
  /** the candidate's name, for the sentence that says what was done */
  name: string;
}) {
  const t = useTranslations("recordedEnrollment");
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await run(() => confirmEnrollment({ candidateId, version, decision, reason }));
    if (result.ok) {
      setWriting(false);
      setReason("");
      setDone(t(decision === "confirm" ? "confirmed" : "withdrawn", { name }));
    }
  }

  if (!writing) {
    return (
      <div className="space-y-1">
        <Button
          variant={decision === "confirm" ? "primary" : "secondary"}
          type="button"
          onClick={() => setWriting(true)}
          data-testid={`enrollment-${decision}-open`}
        >
          {t(decision)}
        </Button>
        <p aria-live="polite" className="text-sm text-emerald-700" data-testid="enrollment-done">
          {done}
        </p>
      </div>
    );
  }
  return (
    <form ref={formRef} onSubmit={submit} className="w-full min-w-56 space-y-2 text-left" noValidate>
      <WordsField
        label={t("reason")}
        errors={fieldErrors.reason}
        value={reason}
        onChange={setReason}
        rows={2}
        maxLength={500}
        testId="enrollment-reason"
        hint={t("reasonPlaceholder")}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} data-testid={`enrollment-${decision}-submit`}>
          {pending ? t("saving") : t("submit")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setWriting(false)}>
          {t("cancel")}
        </Button>
      </div>
      <p aria-live="polite" className="text-sm text-rose-700" data-testid="enrollment-error">
        {error}
      </p>
    </form>
  );
}
