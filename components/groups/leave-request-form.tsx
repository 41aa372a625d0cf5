"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { requestLeave } from "@/app/(app)/calls/leave/actions";
import { Field, Input, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";

/** 申请请假: first and last day (Beijing days, as the date inputs give them) and the reason. */
export function LeaveRequestForm({ today }: { today: string }) {
  const t = useTranslations("roster.mine");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const empty = { startsOn: "", endsOn: "", reason: "" };
  const [draft, setDraft] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (patch: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      data-testid="leave-request"
      onSubmit={async (event) => {
        event.preventDefault();
        setNotice(null);
        if ((await run(() => requestLeave(draft))).ok) {
          setNotice(t("submitted"));
          setDraft(empty);
        }
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("startsOn")} errors={fieldErrors.startsOn}>
          {(control) => (
            <Input
              {...control}
              type="date"
              min={today}
              value={draft.startsOn}
              onChange={(e) => update({ startsOn: e.target.value })}
              className="w-full"
              data-testid="leave-starts"
            />
          )}
        </Field>
        <Field label={t("endsOn")} errors={fieldErrors.endsOn}>
          {(control) => (
            <Input
              {...control}
              type="date"
              min={draft.startsOn || today}
              value={draft.endsOn}
              onChange={(e) => update({ endsOn: e.target.value })}
              className="w-full"
              data-testid="leave-ends"
            />
          )}
        </Field>
      </div>
      <WordsField
        label={t("reason")}
        errors={fieldErrors.reason}
        value={draft.reason}
        onChange={(reason) => update({ reason })}
        rows={2}
        maxLength={200}
        testId="leave-reason"
      />
      <SubmitRow
        pending={pending}
        label={t("submit")}
        pendingLabel={t("submitting")}
        error={error}
        notice={notice}
        testId="send-leave"
        messageTestId="leave-form-message"
      />
    </form>
  );
}
