"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { addIncidentAction, changeIncidentStatus } from "@/app/(app)/inspection/incidents/actions";
import { Field, Input, Select, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import type { IncidentStatus } from "@/generated/prisma/enums";

/**
 * What the form writes on the incident's timeline: an action taken, with when it was taken, or a move to
 * another status (lib/incidents/status.ts), for which closing asks the closing summary.
 */
export type IncidentUpdate = { kind: "action"; now: string } | { kind: "status"; next: readonly IncidentStatus[] };

// the form's words and test ids, by what it writes
const LABELS = {
  action: {
    submit: "detail.addAction",
    pending: "detail.adding",
    done: "detail.added",
    form: "incident-action-form",
    button: "add-incident-action",
    message: "incident-action-message",
    note: "incident-note",
  },
  status: {
    submit: "detail.changeStatus",
    pending: "detail.changing",
    done: "detail.changed",
    form: "incident-status-form",
    button: "change-incident-status",
    message: "incident-status-message",
    note: "incident-status-note",
  },
} as const;

/** One update of the incident, sent with the version the page shows (an older page is refused). */
export function IncidentUpdateForm({
  incidentId,
  version,
  update,
}: {
  incidentId: string;
  version: number;
  update: IncidentUpdate;
}) {
  const t = useTranslations("incidents");
  const [takenAt, setTakenAt] = useState(update.kind === "action" ? update.now : "");
  const [status, setStatus] = useState<IncidentStatus>(
    update.kind === "status" ? (update.next[0] ?? "CLOSED") : "CLOSED",
  );
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const labels = LABELS[update.kind];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await run(() =>
      update.kind === "action"
        ? addIncidentAction({ incidentId, version, takenAt, note })
        : changeIncidentStatus({ incidentId, version, status, note }),
    );
    if (result.ok) {
      setSaved(true);
      setNote("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate data-testid={labels.form}>
      {update.kind === "action" ? (
        <Field label={t("field.takenAt")} errors={fieldErrors.takenAt}>
          {(control) => (
            <Input
              {...control}
              type="datetime-local"
              value={takenAt}
              max={update.now}
              onChange={(e) => setTakenAt(e.target.value)}
              className="w-full"
              data-testid="incident-taken-at"
            />
          )}
        </Field>
      ) : (
        <Field label={t("field.status")} errors={fieldErrors.status}>
          {(control) => (
            <Select
              {...control}
              value={status}
              onChange={(e) => setStatus(e.target.value as IncidentStatus)}
              className="w-full"
              data-testid="incident-status"
            >
              {update.next.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <WordsField
        label={
          update.kind === "action" ? t("field.note") : status === "CLOSED" ? t("field.summary") : t("field.statusNote")
        }
        errors={fieldErrors.note}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={2000}
        testId={labels.note}
      />
      <SubmitRow
        pending={pending}
        label={t(labels.submit)}
        pendingLabel={t(labels.pending)}
        error={error}
        notice={saved ? t(labels.done) : null}
        testId={labels.button}
        messageTestId={labels.message}
      />
    </form>
  );
}
