"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { editContact } from "@/app/(app)/calls/actions";
import { Button } from "@/components/ui/button";
import { Input, Select, TextArea } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { CHANNELS } from "@/lib/workflow/phases";

/** Corrects one of the caller's own recent logs (the result stays: a new result is a new contact). */
export function EditLogForm({
  log,
}: {
  log: { id: string; channel: string; durationSeconds: number; notes: string | null };
}) {
  const t = useTranslations("workspace");
  const tChannel = useTranslations("channel");
  const [open, setOpen] = useState(false);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minutes = Number(form.get("minutes") || 0);
    const seconds = Number(form.get("seconds") || 0);
    const result = await run(() =>
      editContact({
        logId: log.id,
        channel: String(form.get("channel")),
        durationSeconds: minutes * 60 + seconds,
        notes: String(form.get("notes") ?? ""),
      }),
    );
    if (result.ok) setOpen(false);
  }

  if (!open) {
    return (
      <button type="button" className="text-sm text-brand-700 underline" onClick={() => setOpen(true)}>
        {t("edit")}
      </button>
    );
  }
  return (
    <form ref={formRef} onSubmit={onSubmit} className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3 text-left">
      <Select
        name="channel"
        defaultValue={log.channel}
        aria-label={t("channel")}
        aria-invalid={Boolean(fieldErrors.channel)}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {tChannel(c)}
          </option>
        ))}
      </Select>
      <div className="flex items-center gap-1">
        <Input
          name="minutes"
          inputMode="numeric"
          defaultValue={Math.floor(log.durationSeconds / 60)}
          aria-label={t("minutes")}
          aria-invalid={Boolean(fieldErrors.durationSeconds)}
          className="w-16"
        />
        {t("minutes")}
        <Input
          name="seconds"
          inputMode="numeric"
          defaultValue={log.durationSeconds % 60}
          aria-label={t("seconds")}
          aria-invalid={Boolean(fieldErrors.durationSeconds)}
          className="w-16"
        />
        {t("seconds")}
      </div>
      <TextArea
        name="notes"
        defaultValue={log.notes ?? ""}
        lang="zh"
        rows={2}
        maxLength={1000}
        aria-label={t("notes")}
        aria-invalid={Boolean(fieldErrors.notes)}
        className="w-full"
      />
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} className="min-h-9">
          {t("saveEdit")}
        </Button>
        <Button type="button" variant="ghost" className="min-h-9" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
