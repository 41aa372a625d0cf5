"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { reportIncident } from "@/app/(app)/inspection/incidents/actions";
import { ChoiceField, Field, Input, Select, TextField, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { INCIDENT_KINDS, INCIDENT_SEVERITIES } from "@/lib/incidents/status";

type Person = { id: string; label: string };

/** Records an incident on the register: what, how grave, when, who raised it, who is involved, who owns it. */
export function IncidentForm({ staff, inspectors, now }: { staff: Person[]; inspectors: Person[]; now: string }) {
  const t = useTranslations("incidents");
  const [kind, setKind] = useState("");
  const [severity, setSeverity] = useState("GENERAL");
  const [reportedAt, setReportedAt] = useState(now);
  const [reportedBy, setReportedBy] = useState("");
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [examNos, setExamNos] = useState("");
  const [staffIds, setStaffIds] = useState<string[]>([]);
  const [ownerId, setOwnerId] = useState("");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await run(() =>
      reportIncident({ kind, severity, reportedAt, reportedBy, title, description, examNos, staffIds, ownerId }),
    );
    if (result.ok) {
      setSaved(true);
      setKind("");
      setSeverity("GENERAL");
      setReportedBy("");
      setTitle("");
      setDescription("");
      setExamNos("");
      setStaffIds([]);
      setOwnerId("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate data-testid="incident-form">
      <ChoiceField
        label={t("field.kind")}
        errors={fieldErrors.kind}
        value={kind}
        onChange={setKind}
        choices={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        emptyLabel={t("field.choose")}
        testId="incident-kind"
      />
      <Field label={t("field.severity")} errors={fieldErrors.severity}>
        {(control) => (
          <Select
            {...control}
            value={severity}
            onChange={(e) => setSeverity(e.target.value)}
            className="w-full"
            data-testid="incident-severity"
          >
            {INCIDENT_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("field.reportedAt")} errors={fieldErrors.reportedAt}>
        {(control) => (
          <Input
            {...control}
            type="datetime-local"
            value={reportedAt}
            max={now}
            onChange={(e) => setReportedAt(e.target.value)}
            className="w-full"
            data-testid="incident-reported-at"
          />
        )}
      </Field>
      <TextField
        label={t("field.reportedBy")}
        hint={t("field.reportedByHint")}
        errors={fieldErrors.reportedBy}
        value={reportedBy}
        onChange={setReportedBy}
        maxLength={100}
        testId="incident-reported-by"
      />
      <TextField
        label={t("field.title")}
        errors={fieldErrors.title}
        value={title}
        onChange={setTitle}
        maxLength={100}
        testId="incident-title"
      />
      <WordsField
        label={t("field.description")}
        errors={fieldErrors.description}
        value={description}
        onChange={setDescription}
        rows={4}
        maxLength={2000}
        testId="incident-description"
      />
      <TextField
        label={t("field.examNos")}
        hint={t("field.examNosHint")}
        errors={fieldErrors.examNos}
        value={examNos}
        onChange={setExamNos}
        maxLength={2000}
        code
        testId="incident-exam-nos"
      />
      <Field label={t("field.staffIds")} hint={t("field.staffIdsHint")} errors={fieldErrors.staffIds}>
        {(control) => (
          <Select
            {...control}
            multiple
            value={staffIds}
            onChange={(e) => setStaffIds(Array.from(e.target.selectedOptions, (o) => o.value))}
            className="h-28 w-full"
            data-testid="incident-staff"
          >
            {staff.map((p) => (
              <option key={p.id} value={p.id} lang="zh">
                {p.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <ChoiceField
        label={t("field.ownerId")}
        errors={fieldErrors.ownerId}
        value={ownerId}
        onChange={setOwnerId}
        choices={inspectors.map((p) => ({ value: p.id, label: p.label, lang: "zh" }))}
        emptyLabel={t("field.ownerSelf")}
        testId="incident-owner"
      />
      <SubmitRow
        pending={pending}
        label={t("save")}
        pendingLabel={t("saving")}
        error={error}
        notice={saved ? t("saved") : null}
        testId="save-incident"
        messageTestId="incident-message"
      />
    </form>
  );
}
