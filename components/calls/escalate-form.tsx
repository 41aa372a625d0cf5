"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { raiseEscalation } from "@/app/(app)/calls/actions";
import { Button } from "@/components/ui/button";
import { ChoiceField, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { MANUAL_ESCALATION_REASONS } from "@/lib/workflow/rules";

/**
 * 上报组长 on the candidate page: folded until the caller needs it, then a reason and what happened. What
 * was typed stays in the form after a refusal; the page shows the escalation once it is raised.
 */
export function EscalateForm({ candidateId }: { candidateId: string }) {
  const t = useTranslations("calls.escalate");
  const reasons = useTranslations("escalation.reason");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="open-escalate">
        {t("title")}
      </Button>
    );
  }
  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-4"
      data-testid="escalate-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await run(() => raiseEscalation({ candidateId, reason, note }));
        if (result.ok) setOpen(false);
      }}
    >
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <ChoiceField
        label={t("reason")}
        errors={fieldErrors.reason}
        value={reason}
        onChange={setReason}
        emptyLabel="—"
        choices={MANUAL_ESCALATION_REASONS.map((r) => ({ value: r, label: reasons(r) }))}
        testId="escalate-reason"
      />
      <WordsField
        label={t("note")}
        errors={fieldErrors.note}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={300}
        testId="escalate-note"
      />
      <SubmitRow
        pending={pending}
        label={t("submit")}
        pendingLabel={t("submitting")}
        error={error}
        notice={null}
        testId="submit-escalate"
        messageTestId="escalate-message"
      />
    </form>
  );
}
