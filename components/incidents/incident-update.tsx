"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { addIncidentAction, changeIncidentStatus } from "@/app/(app)/inspection/incidents/actions";
import { Field, Input, Select, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import type { IncidentStatus } from "@/generated/prisma/enums";

/** Appends an action taken, with its time, to the incident's timeline (from the version the page shows). */
export function IncidentActionForm({ incidentId, version, now }: { incidentId: string; version: number; now: string }) {
  const t = useTranslations("incidents");
  const [takenAt, setTakenAt] = useState(now);
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await run(() => addIncidentAction({ incidentId, version, takenAt, note }));
    if (result.ok) {
      setSaved(true);
      setNote("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate data-testid="incident-action-form">
      <Field label={t("field.takenAt")} errors={fieldErrors.takenAt}>
        {(control) => (
          <Input
            {...control}
            type="datetime-local"
            value={takenAt}
            max={now}
            onChange={(e) => setTakenAt(e.target.value)}
            className="w-full"
            data-testid="incident-taken-at"
          />
        )}
      </Field>
      <WordsField
        label={t("field.note")}
        errors={fieldErrors.note}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={2000}
        testId="incident-note"
      />
      <SubmitRow
        pending={pending}
        label={t("detail.addAction")}
        pendingLabel={t("detail.adding")}
        error={error}
        notice={saved ? t("detail.added") : null}
        testId="add-incident-action"
        messageTestId="incident-action-message"
      />
    </form>
  );
}

/** Moves the incident on (lib/incidents/status.ts); closing asks for the closing summary. */
export function IncidentStatusForm({
  incidentId,
  version,
  next,
}: {
  incidentId: string;
  version: number;
  next: readonly IncidentStatus[];
}) {
  const t = useTranslations("incidents");
  const [status, setStatus] = useState<IncidentStatus>(next[0] ?? "CLOSED");
  const [note, setNote] = useState("");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await run(() => changeIncidentStatus({ incidentId, version, status, note }));
    if (result.ok) {
      setSaved(true);
      setNote("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate data-testid="incident-status-form">
      <Field label={t("field.status")} errors={fieldErrors.status}>
        {(control) => (
          <Select
            {...control}
            value={status}
            onChange={(e) => setStatus(e.target.value as IncidentStatus)}
            className="w-full"
            data-testid="incident-status"
          >
            {next.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <WordsField
        label={status === "CLOSED" ? t("field.summary") : t("field.statusNote")}
        errors={fieldErrors.note}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={2000}
        testId="incident-status-note"
      />
      <SubmitRow
        pending={pending}
        label={t("detail.changeStatus")}
        pendingLabel={t("detail.changing")}
        error={error}
        notice={saved ? t("detail.changed") : null}
        testId="change-incident-status"
        messageTestId="incident-status-message"
      />
    </form>
  );
}
