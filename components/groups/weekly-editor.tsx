"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveWeeklyDraft, submitWeeklyReport } from "@/app/(app)/groups/[groupId]/weekly/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

/** The leader's editor for one week's summary: starts from the automatic draft, saves or submits it. */
export function WeeklyEditor({
  groupId,
  weekStart,
  initialBody,
  freshDraft,
  savedAt,
}: {
  groupId: string;
  weekStart: string;
  initialBody: string;
  freshDraft: string;
  savedAt: string | null;
}) {
  const t = useTranslations("weekly");
  const router = useRouter();
  const [body, setBody] = useState(initialBody);
  const [pending, setPending] = useState<"save" | "submit" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function send(kind: "save" | "submit") {
    setPending(kind);
    setError(null);
    setNotice(null);
    const run = kind === "save" ? saveWeeklyDraft : submitWeeklyReport;
    const result = await run({ groupId, weekStart, body });
    setPending(null);
    if (!result.ok) {
      setError(firstError(result));
      return;
    }
    setNotice(kind === "save" ? t("savedDraft") : t("submitted"));
    // stay on this week: once it is submitted, the page would otherwise open the next one due
    if (kind === "submit") router.replace(`?week=${weekStart}`);
    else router.refresh();
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("draftNote")}</p>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{t("body")}</span>
        <textarea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={18}
          maxLength={8000}
          className="w-full rounded-lg border border-slate-300 px-3 py-2 font-sans text-base leading-relaxed md:text-sm"
          data-testid="weekly-textarea"
        />
      </label>
      <div aria-live="polite" className="text-sm">
        {error ? (
          <p className="text-rose-700" data-testid="weekly-error">
            {error}
          </p>
        ) : null}
        {notice ? (
          <p className="text-emerald-700" data-testid="weekly-notice">
            {notice}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => send("submit")} disabled={pending !== null} data-testid="weekly-submit">
          {pending === "submit" ? t("submitting") : t("submit")}
        </Button>
        <Button variant="secondary" onClick={() => send("save")} disabled={pending !== null} data-testid="weekly-save">
          {t("saveDraft")}
        </Button>
        <Button variant="ghost" onClick={() => setBody(freshDraft)} disabled={pending !== null}>
          {t("regenerate")}
        </Button>
        {savedAt ? <span className="text-xs text-slate-500">{t("lastSaved", { at: savedAt })}</span> : null}
      </div>
    </div>
  );
}
