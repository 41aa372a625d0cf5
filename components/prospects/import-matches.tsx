"use client";

import { useTranslations } from "next-intl";
import { withData } from "@/components/ui/user-data";
import type { PreviewResponse } from "@/lib/import/preview";

/**
 * In a 投档 list's preview: phase 1's prospects the list names, matched by exam number, else by phone and
 * name (lib/prospects/match.ts). Matched ones are linked on apply; ambiguous and unmatched ones are not.
 */
export function ImportMatches({ prospects }: { prospects: NonNullable<PreviewResponse["prospects"]> }) {
  const t = useTranslations("prospects.importPreview");
  const total = prospects.matched + prospects.ambiguous + prospects.unmatched;
  if (total === 0) return null;
  const rows = (list: typeof prospects.matchedRows) =>
    list.map((m) => (
      <li key={m.prospectId}>
        {withData((v) => t("row", { ...v, rows: m.rows.map((r) => r.row).join(", ") }), {
          name: m.name,
        })}
        <span className="tabular-nums text-slate-500"> {m.rows.map((r) => r.examNo).join(" / ")}</span>
      </li>
    ));
  return (
    <div className="rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200" data-testid="import-prospects">
      <p className="font-medium">{t("title")}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4">
        <li data-testid="import-prospects-matched">{t("matched", { count: prospects.matched })}</li>
        <li data-testid="import-prospects-ambiguous">{t("ambiguous", { count: prospects.ambiguous })}</li>
        <li data-testid="import-prospects-unmatched">{t("unmatched", { count: prospects.unmatched })}</li>
      </ul>
      {prospects.matchedRows.length > 0 ? (
        <details className="mt-1">
          <summary>{t("matchedList")}</summary>
          <ul className="mt-1">{rows(prospects.matchedRows)}</ul>
        </details>
      ) : null}
      {prospects.ambiguousRows.length > 0 ? (
        <div className="mt-1 text-amber-800">
          <p>{t("ambiguousNote")}</p>
          <ul>{rows(prospects.ambiguousRows)}</ul>
        </div>
      ) : null}
    </div>
  );
}
