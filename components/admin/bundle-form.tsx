"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useRenderText } from "@/components/ui/use-render-text";
import { bundleFilterOf } from "@/lib/withdrawals/bundle-plan";
import { WITHDRAWAL_KINDS } from "@/lib/withdrawals/kinds";

/**
 * The materials bundle's filter: kind and approval dates. A plain GET form, so the browser saves the zip
 * as it streams in; the filter is checked here first with the route's own rule, so a reversed range is
 * a sentence beside the button rather than a refused download.
 */
export function BundleForm() {
  const t = useTranslations();
  const render = useRenderText();
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      method="get"
      action="/admin/withdrawals/bundle"
      className="space-y-3"
      data-testid="bundle-form"
      onSubmit={(event) => {
        const query = new URLSearchParams();
        for (const [name, value] of new FormData(event.currentTarget)) query.set(name, String(value));
        const checked = bundleFilterOf(query);
        if (!checked.ok) {
          event.preventDefault();
          setError(render(checked.error));
        } else setError(null);
      }}
    >
      <p className="text-sm text-slate-600">{t("bundle.hint")}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("bundle.kind")}>
          {(control) => (
            <Select {...control} name="kind" defaultValue="" className="w-full" data-testid="bundle-kind">
              <option value="">{t("bundle.allKinds")}</option>
              {WITHDRAWAL_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`withdrawalKind.${kind}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("bundle.from")}>
          {(control) => <Input {...control} type="date" name="from" className="w-full" data-testid="bundle-from" />}
        </Field>
        <Field label={t("bundle.to")}>
          {(control) => <Input {...control} type="date" name="to" className="w-full" data-testid="bundle-to" />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" data-testid="bundle-download">
          {t("bundle.download")}
        </Button>
        <p aria-live="polite" className="text-sm text-rose-700" data-testid="bundle-error">
          {error}
        </p>
      </div>
    </form>
  );
}
