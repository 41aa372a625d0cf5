"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { editContact } from "@/app/(app)/calls/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";
import { CHANNELS } from "@/lib/workflow/phases";

/** Corrects one of the caller's own recent logs (the result stays: a new result is a new contact). */
export function EditLogForm({
  log,
}: {
  log: { id: string; channel: string; durationSeconds: number; notes: string | null };
}) {
  const t = useTranslations("workspace");
  const tChannel = useTranslations("channel");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minutes = Number(form.get("minutes") || 0);
    const seconds = Number(form.get("seconds") || 0);
    setPending(true);
    const result = await editContact({
      logId: log.id,
      channel: String(form.get("channel")),
      durationSeconds: minutes * 60 + seconds,
      notes: String(form.get("notes") ?? ""),
    });
    setPending(false);
    if (result.ok) {
      setOpen(false);
      setError(null);
      router.refresh();
    } else {
      setError(firstError(result));
    }
  }

  if (!open) {
    return (
      <button type="button" className="text-sm text-brand-700 underline" onClick={() => setOpen(true)}>
        {t("edit")}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2 rounded-lg bg-slate-50 p-3 text-left">
      <select
        name="channel"
        defaultValue={log.channel}
        className="min-h-10 rounded-md border border-slate-300 px-2"
        aria-label={t("channel")}
      >
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {tChannel(c)}
          </option>
        ))}
      </select>
      <div className="flex items-center gap-1">
        <input
          name="minutes"
          inputMode="numeric"
          defaultValue={Math.floor(log.durationSeconds / 60)}
          aria-label={t("minutes")}
          className="min-h-10 w-16 rounded-md border border-slate-300 px-2"
        />
        {t("minutes")}
        <input
          name="seconds"
          inputMode="numeric"
          defaultValue={log.durationSeconds % 60}
          aria-label={t("seconds")}
          className="min-h-10 w-16 rounded-md border border-slate-300 px-2"
        />
        {t("seconds")}
      </div>
      <textarea
        name="notes"
        defaultValue={log.notes ?? ""}
        rows={2}
        maxLength={1000}
        aria-label={t("notes")}
        className="w-full rounded-md border border-slate-300 px-2 py-1"
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
