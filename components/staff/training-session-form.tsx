"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordTraining } from "@/app/(app)/staff-pool/actions";
import { ChoiceField, DayField, FieldError, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { TRAINING_TOPICS } from "@/lib/staff/training-topics";

export interface Pickable {
  id: string;
  name: string;
  login: string;
  group: string | null;
}

/** Records one training session: the day, the module, a note, and a tick for everyone who attended. */
export function TrainingSessionForm({ people, today }: { people: Pickable[]; today: string }) {
  const t = useTranslations("training");
  const [heldOn, setHeldOn] = useState(today);
  const [topic, setTopic] = useState("");
  const [note, setNote] = useState("");
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [done, setDone] = useState<number | null>(null);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  function toggle(id: string) {
    const next = new Set(picked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(null);
    const result = await run(() => recordTraining({ heldOn, topic, note, profileIds: [...picked] }));
    if (result.ok) {
      setDone(result.data.attended);
      setNote("");
      setPicked(new Set());
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-3" data-testid="training-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <DayField
          label={t("session.heldOn")}
          errors={fieldErrors.heldOn}
          errorTestId="training-error-heldOn"
          value={heldOn}
          max={today}
          onChange={setHeldOn}
          testId="training-heldOn"
        />
        <ChoiceField
          label={t("session.topic")}
          errors={fieldErrors.topic}
          errorTestId="training-error-topic"
          value={topic}
          onChange={setTopic}
          emptyLabel="—"
          choices={TRAINING_TOPICS.map((k) => ({ value: k, label: t(`topics.${k}`) }))}
          testId="training-topic"
        />
      </div>
      <WordsField
        label={t("session.note")}
        errors={fieldErrors.note}
        errorTestId="training-error-note"
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={300}
        testId="training-note"
      />
      <fieldset aria-describedby="training-attendance-hint training-attendance-error">
        <legend className="mb-1 text-sm font-medium">{t("session.attendance")}</legend>
        <span id="training-attendance-hint" className="mb-2 block text-xs text-slate-500">
          {t("session.attendanceHint")}
        </span>
        <ul className="grid max-h-72 gap-1 overflow-y-auto rounded-lg border border-slate-200 p-2 sm:grid-cols-2">
          {people.map((p) => (
            <li key={p.id}>
              <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded px-2 hover:bg-slate-50">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={picked.has(p.id)}
                  onChange={() => toggle(p.id)}
                  data-testid={`attend-${p.login}`}
                />
                <span lang="zh">{p.name}</span>
                <code className="text-xs text-slate-500">{p.login}</code>
                {p.group ? (
                  <span lang="zh" className="ml-auto text-xs text-slate-500">
                    {p.group}
                  </span>
                ) : null}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id="training-attendance-error" errors={fieldErrors.profileIds} testId="training-error-profileIds" />
      </fieldset>
      <SubmitRow
        pending={pending}
        label={t("session.submit")}
        pendingLabel={t("session.saving")}
        error={error}
        notice={done === null ? null : t("session.done", { count: done })}
        testId="save-training"
        messageTestId="training-message"
      />
    </form>
  );
}
