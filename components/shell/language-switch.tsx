"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";

// Each language is offered in its own words, marked as that language (the English page's "中文" is Chinese).
const LABELS: Record<(typeof LOCALES)[number], string> = { "zh-CN": "中文", en: "English" };

export function LanguageSwitch() {
  const t = useTranslations("app");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="inline-flex items-center gap-1 text-sm text-slate-600">
      <span className="sr-only">{t("language")}</span>
      <select
        className="min-h-9 rounded-md border border-slate-300 bg-white px-1 text-sm sm:px-2"
        data-testid="language-switch"
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
