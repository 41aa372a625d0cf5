"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveVerifySettings } from "@/app/(app)/admin/verify/actions";
import { useServerState } from "@/components/settings/save-bar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

type Form = { enabled: boolean; admissionsPhone: string };

/** 防诈骗核验 on the settings page: the public page on or off, and the admissions office's number. */
export function VerifySettingsCard({ initial }: { initial: { enabled: boolean; admissionsPhone: string | null } }) {
  const t = useTranslations();
  const [form, setForm] = useServerState<Form>({
    enabled: initial.enabled,
    admissionsPhone: initial.admissionsPhone ?? "",
  });
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const [notice, setNotice] = useState<string | null>(null);
  const refusal = error && (fieldErrors.admissionsPhone ? t("settings.failed") : error);

  async function submit() {
    setNotice(null);
    const result = await run(() => saveVerifySettings(form));
    if (result.ok) setNotice(t(result.data.changed ? "settings.saved" : "settings.unchanged"));
  }

  return (
    <Card title={t("verify.settings.title")} className="mb-4">
      <form
        ref={formRef}
        noValidate
        data-testid="verify-settings"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="mb-4 text-sm text-slate-500">{t("verify.settings.hint")}</p>
        <label className="mb-4 flex min-h-11 items-center gap-3 text-sm font-medium">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(e) => setForm((f) => ({ ...f, enabled: e.target.checked }))}
            className="size-5"
            data-testid="verify-enabled"
          />
          {t("verify.settings.enabled")}
        </label>
        <Field
          label={t("verify.settings.officePhone")}
          hint={t("verify.settings.officePhoneHint")}
          errors={fieldErrors.admissionsPhone}
          errorTestId="verify-office-error"
        >
          {(control) => (
            <Input
              {...control}
              value={form.admissionsPhone}
              onChange={(e) => setForm((f) => ({ ...f, admissionsPhone: e.target.value }))}
              maxLength={24}
              inputMode="tel"
              className="w-full sm:w-64"
              data-testid="verify-office-phone"
            />
          )}
        </Field>
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <Button type="submit" disabled={pending} data-testid="save-verify">
            {pending ? t("settings.saving") : t("settings.save")}
          </Button>
          <p
            aria-live="polite"
            data-testid="message-verify"
            className={`text-sm ${refusal ? "text-rose-700" : "text-emerald-700"}`}
          >
            {refusal || notice}
          </p>
        </div>
      </form>
    </Card>
  );
}
