"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { enterOvertime } from "@/app/(app)/staff-pool/actions";
import { Field, Input, WordsField } from "@/components/ui/field";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { fenToYuan } from "@/lib/settings/fields";
import { formatYuanNumber } from "@/lib/subsidy/money";

/** One person's overtime pay in yuan (to the fen) and the reason their statement shows. */
export function OvertimeForm({
  profileId,
  overtimeFen,
  overtimeReason,
}: {
  profileId: string;
  overtimeFen: number;
  overtimeReason: string | null;
}) {
  const t = useTranslations("training.overtime");
  const [amount, setAmount] = useState(overtimeFen > 0 ? fenToYuan(overtimeFen) : "");
  const [reason, setReason] = useState(overtimeReason ?? "");
  const [notice, setNotice] = useState<string | null>(null);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    const result = await run(() => enterOvertime({ profileId, amount, reason }));
    if (result.ok) {
      setNotice(
        result.data.changed
          ? t("done", {
              before: formatYuanNumber(result.data.beforeFen),
              after: formatYuanNumber(result.data.afterFen),
            })
          : t("unchanged"),
      );
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-3" data-testid="overtime-form">
      <Field label={t("amount")} hint={t("amountHint")} errors={fieldErrors.amount} errorTestId="overtime-error-amount">
        {(control) => (
          <Input
            {...control}
            value={amount}
            inputMode="decimal"
            onChange={(e) => setAmount(e.target.value)}
            className="w-40 tabular-nums"
            data-testid="overtime-amount"
          />
        )}
      </Field>
      <WordsField
        label={t("reason")}
        hint={t("reasonHint")}
        errors={fieldErrors.reason}
        errorTestId="overtime-error-reason"
        value={reason}
        onChange={setReason}
        rows={2}
        maxLength={200}
        testId="overtime-reason"
      />
      <p className="text-xs text-slate-500">{t("frozenNote")}</p>
      <SubmitRow
        pending={pending}
        label={t("submit")}
        pendingLabel={t("saving")}
        error={error}
        notice={notice}
        testId="save-overtime"
        messageTestId="overtime-message"
      />
    </form>
  );
}
