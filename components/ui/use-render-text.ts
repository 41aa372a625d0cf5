"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { renderText, type Text, type TranslateFn } from "@/lib/i18n/text";

/** Renders sentences built in `lib` (a preview's row errors, a payout's steps) in the reader's language. */
export function useRenderText(): (sentence: Text) => string {
  const t = useTranslations();
  return useCallback((sentence: Text) => renderText(t as unknown as TranslateFn, sentence), [t]);
}
