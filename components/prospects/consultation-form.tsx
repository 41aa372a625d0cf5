"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { logConsultation } from "@/app/(app)/consultations/actions";
import { Field, Input, Select, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { CONSULTATION_CHANNELS, type ConsultationChannelCode } from "@/lib/prospects";

/**
 * 登记咨询, phone first: the number is what the consultant has in hand while the call is on; then the name,
 * the exam number if the family knows it, the region, the channel, the question and the answer given.
 */
export function ConsultationForm({ regions }: { regions: readonly string[] }) {
  const t = useTranslations("prospects");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const empty = { phone: "", name: "", examNo: "", region: "", channel: "", question: "", answer: "" };
  const [draft, setDraft] = useState(empty);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (patch: Partial<typeof empty>) => setDraft((d) => ({ ...d, ...patch }));
  const text = (
    key: "phone" | "name" | "examNo" | "region",
    extra: Partial<React.InputHTMLAttributes<HTMLInputElement>> & { hint?: string } = {},
  ) => {
    const { hint, ...input } = extra;
    return (
      <Field label={t(`form.${key}`)} hint={hint} errors={fieldErrors[key]}>
        {(control) => (
          <Input
            {...control}
            {...input}
            value={draft[key]}
            onChange={(e) => update({ [key]: e.target.value })}
            className="w-full"
            data-testid={`consultation-${key}`}
          />
        )}
      </Field>
    );
  };

  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-4"
      data-testid="consultation-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setNotice(null);
        const result = await run(() => logConsultation(draft));
        if (result.ok) {
          setNotice(result.data.newProspect ? t("form.saved") : t("form.updated"));
          setDraft(empty);
        }
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {text("phone", { type: "tel", inputMode: "tel", autoComplete: "off", hint: t("form.phoneHint") })}
        {text("name", { lang: "zh", autoComplete: "off" })}
        {text("examNo", { inputMode: "numeric", autoComplete: "off" })}
        {text("region", { lang: "zh", list: "consultation-regions", autoComplete: "off" })}
        {/* the college's regions are its own data, in Chinese whatever the page's language */}
        <datalist id="consultation-regions" lang="zh">
          {regions.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        <Field label={t("form.channel")} errors={fieldErrors.channel}>
          {(control) => (
            <Select
              {...control}
              value={draft.channel}
              onChange={(e) => update({ channel: e.target.value as ConsultationChannelCode })}
              className="w-full"
              data-testid="consultation-channel"
            >
              <option value="">{t("form.chooseChannel")}</option>
              {CONSULTATION_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <WordsField
        label={t("form.question")}
        errors={fieldErrors.question}
        value={draft.question}
        onChange={(question) => update({ question })}
        rows={2}
        maxLength={1000}
        testId="consultation-question"
      />
      <WordsField
        label={t("form.answer")}
        errors={fieldErrors.answer}
        value={draft.answer}
        onChange={(answer) => update({ answer })}
        rows={3}
        maxLength={1000}
        testId="consultation-answer"
      />
      <SubmitRow
        pending={pending}
        label={t("form.submit")}
        pendingLabel={t("form.submitting")}
        error={error}
        notice={notice}
        testId="save-consultation"
        messageTestId="consultation-form-message"
      />
    </form>
  );
}
