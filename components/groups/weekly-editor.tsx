"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveWeeklyDraft, submitWeeklyReport } from "@/app/(app)/groups/[groupId]/weekly/actions";
import { Button } from "@/components/ui/button";
import { WordsField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

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
  const [sending, setSending] = useState<"save" | "submit" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // where to go after a save depends on which button it was, so the editor navigates itself
  const { run, pending, error, fieldErrors } = useActionRunner({ refresh: "never" });

  async function send(kind: "save" | "submit") {
    setSending(kind);
    setNotice(null);
    const action = kind === "save" ? saveWeeklyDraft : submitWeeklyReport;
    const result = await run(() => action({ groupId, weekStart, body }));
    setSending(null);
    if (!result.ok) return;
    setNotice(kind === "save" ? t("savedDraft") : t("submitted"));
    // stay on this week: once it is submitted, the page would otherwise open the next one due
    if (kind === "submit") router.replace(`?week=${weekStart}`);
    else router.refresh();
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("draftNote")}</p>
      {/* the leader's own text (it starts as the draft, names included) */}
      <WordsField
        label={t("body")}
        errors={fieldErrors.body}
        value={body}
        onChange={setBody}
        rows={18}
        maxLength={8000}
        textAreaClassName="w-full font-sans leading-relaxed md:text-sm"
        testId="weekly-textarea"
      />
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
        <Button onClick={() => send("submit")} disabled={pending} data-testid="weekly-submit">
          {sending === "submit" ? t("submitting") : t("submit")}
        </Button>
        <Button variant="secondary" onClick={() => send("save")} disabled={pending} data-testid="weekly-save">
          {t("saveDraft")}
        </Button>
        <Button variant="ghost" onClick={() => setBody(freshDraft)} disabled={pending}>
          {t("regenerate")}
        </Button>
        {savedAt ? <span className="text-xs text-slate-500">{t("lastSaved", { at: savedAt })}</span> : null}
      </div>
    </div>
  );
}
