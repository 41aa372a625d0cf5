"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveScript } from "@/app/(app)/admin/scripts/actions";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { documentSlug, SCRIPT_BODY, type ScriptDocument } from "@/lib/scripts/documents";
import { Markdown } from "./markdown";

/**
 * The admin's editor of one script or of the manual: the Markdown on the left (above, on a phone) and its
 * preview, rendered by the same sanitised renderer as the pages. The version it edits on top of is kept
 * here, not taken from the page: a save by someone else refreshes the page's `latest` but never moves
 * this one, so the next save is refused until the admin has read the newer version and says so.
 */
export function ScriptEditor({
  document,
  latest,
  initialBody,
}: {
  document: ScriptDocument;
  /** the newest stored version, 0 while there is none */
  latest: number;
  initialBody: string;
}) {
  const t = useTranslations("scripts.editor");
  const [body, setBody] = useState(initialBody);
  const [base, setBase] = useState(latest);
  const [notice, setNotice] = useState<string | null>(null);
  // a refusal refreshes the page too, so `latest` tells the admin which version was saved meanwhile
  const { run, pending, error, fieldErrors, formRef } = useActionRunner({ refresh: "always" });
  const stale = base !== latest;

  async function submit() {
    setNotice(null);
    const result = await run(() => saveScript({ document, baseVersion: base, body }));
    if (result.ok) {
      setBase(result.data.version);
      setNotice(t("saved", { version: result.data.version }));
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      data-testid="script-editor"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {stale ? (
        <div
          className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="script-stale"
        >
          <p className="font-semibold">{t("staleTitle")}</p>
          <p className="mt-1">{t("stale", { latest })}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <a
              href={`/admin/scripts/${documentSlug(document)}?version=${latest}`}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-11 items-center rounded-lg border border-amber-300 bg-white px-3 font-medium text-amber-900 underline"
            >
              {t("viewLatest", { latest })}
            </a>
            <Button type="button" variant="secondary" onClick={() => setBase(latest)} data-testid="script-rebase">
              {t("rebase", { latest })}
            </Button>
          </div>
        </div>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label={t("label")}
          hint={t("hint", { max: SCRIPT_BODY.max })}
          errors={fieldErrors.body}
          errorTestId="script-body-error"
        >
          {(control) => (
            <TextArea
              {...control}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={18}
              maxLength={SCRIPT_BODY.max}
              lang="zh"
              spellCheck={false}
              className="min-h-64 w-full font-mono text-sm"
              data-testid="script-body"
            />
          )}
        </Field>
        <section aria-label={t("preview")} className="text-sm">
          <h2 className="mb-1 font-medium">{t("preview")}</h2>
          <div className="min-h-64 rounded-lg border border-slate-200 bg-slate-50 p-3 md:max-h-[32rem] md:overflow-y-auto">
            {body.trim() ? (
              <Markdown source={body} testId="script-preview" />
            ) : (
              <p className="text-slate-500">{t("previewEmpty")}</p>
            )}
          </div>
        </section>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <Button type="submit" disabled={pending} data-testid="save-script">
          {pending ? t("saving") : t("save")}
        </Button>
        <span className="text-sm text-slate-500">{base > 0 ? t("basedOn", { version: base }) : t("basedOnNone")}</span>
        <p
          aria-live="polite"
          data-testid="script-message"
          className={`text-sm ${error ? "text-rose-700" : "text-emerald-700"}`}
        >
          {error && !fieldErrors.body ? error : notice}
        </p>
      </div>
    </form>
  );
}
