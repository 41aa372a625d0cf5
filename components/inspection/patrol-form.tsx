"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { recordPatrol } from "@/app/(app)/inspection/patrols/actions";
import { DayField, TextField, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";

/** Records an on-site patrol: the day (today unless changed), the place, who was present, what was seen. */
export function PatrolForm({ today }: { today: string }) {
  const t = useTranslations("inspection.patrols");
  const [day, setDay] = useState(today);
  const [place, setPlace] = useState("");
  const [present, setPresent] = useState("");
  const [observations, setObservations] = useState("");
  const [saved, setSaved] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(false);
    const result = await run(() => recordPatrol({ day, place, present, observations }));
    if (result.ok) {
      setSaved(true);
      setPlace("");
      setPresent("");
      setObservations("");
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-3" noValidate data-testid="patrol-form">
      <DayField
        label={t("field.day")}
        errors={fieldErrors.day}
        value={day}
        onChange={setDay}
        max={today}
        testId="patrol-day"
      />
      <TextField
        label={t("field.place")}
        hint={t("field.placeHint")}
        errors={fieldErrors.place}
        value={place}
        onChange={setPlace}
        maxLength={100}
        testId="patrol-place"
      />
      <WordsField
        label={t("field.present")}
        hint={t("field.presentHint")}
        errors={fieldErrors.present}
        value={present}
        onChange={setPresent}
        rows={2}
        maxLength={500}
        testId="patrol-present"
      />
      <WordsField
        label={t("field.observations")}
        errors={fieldErrors.observations}
        value={observations}
        onChange={setObservations}
        rows={4}
        maxLength={2000}
        testId="patrol-observations"
      />
      <SubmitRow
        pending={pending}
        label={t("save")}
        pendingLabel={t("saving")}
        error={error}
        notice={saved ? t("saved") : null}
        testId="save-patrol"
        messageTestId="patrol-message"
      />
    </form>
  );
}
