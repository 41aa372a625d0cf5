"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveCollege } from "@/app/(app)/admin/college/actions";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import type { CollegeNames } from "@/lib/college/college";
import { COLLEGE_NAME, COLLEGE_SHORT_NAME } from "@/lib/college/limits";
import { useServerState } from "./save-bar";

/** 学校名称: the college's full name (statements, login page) and short name (the browser title). */
export function CollegeCard({ initial }: { initial: CollegeNames | null }) {
  const t = useTranslations();
  const [names, setNames] = useServerState<CollegeNames>(initial ?? { name: "", shortName: "" });
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();
  const [notice, setNotice] = useState<string | null>(null);
  // a refused field is marked under it; the footer says the form was not saved, as each section does
  const refusal = error && (Object.keys(fieldErrors).length > 0 ? t("settings.failed") : error);

  async function submit() {
    setNotice(null);
    const result = await run(() => saveCollege(names));
    if (result.ok) setNotice(t(result.data.changed ? "settings.saved" : "settings.unchanged"));
  }

  return (
    <Card title={t("college.title")} className="mb-4">
      <form
        ref={formRef}
        noValidate
        data-testid="college-card"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="mb-4 text-sm text-slate-500">{t("college.hint")}</p>
        {initial ? null : (
          <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="college-not-set">
            {t("college.notSet")}
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Field
            label={t("college.name")}
            hint={t("college.nameHint", COLLEGE_NAME)}
            errors={fieldErrors.name}
            errorTestId="college-name-error"
          >
            {(control) => (
              <Input
                {...control}
                value={names.name}
                onChange={(e) => setNames((n) => ({ ...n, name: e.target.value }))}
                maxLength={COLLEGE_NAME.max}
                lang="zh"
                placeholder={t("college.namePlaceholder")}
                className="w-full"
                data-testid="college-name"
              />
            )}
          </Field>
          <Field
            label={t("college.shortName")}
            hint={t("college.shortNameHint", COLLEGE_SHORT_NAME)}
            errors={fieldErrors.shortName}
            errorTestId="college-short-name-error"
          >
            {(control) => (
              <Input
                {...control}
                value={names.shortName}
                onChange={(e) => setNames((n) => ({ ...n, shortName: e.target.value }))}
                maxLength={COLLEGE_SHORT_NAME.max}
                lang="zh"
                placeholder={t("college.shortNamePlaceholder")}
                className="w-full"
                data-testid="college-short-name"
              />
            )}
          </Field>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
          <Button type="submit" disabled={pending} data-testid="save-college">
            {pending ? t("settings.saving") : t("settings.save")}
          </Button>
          <p
            aria-live="polite"
            data-testid="message-college"
            className={`text-sm ${refusal ? "text-rose-700" : "text-emerald-700"}`}
          >
            {refusal || notice}
          </p>
        </div>
      </form>
    </Card>
  );
}
