"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { StepLine } from "@/components/payouts/step-line";
import { Badge, EmptyState } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { type Column, Table } from "@/components/ui/table";
import { useRenderText } from "@/components/ui/use-render-text";
import { Marked, markData } from "@/components/ui/user-data";
import {
  CALLER_FILTERS,
  CALLER_SORT_KEYS,
  type CallerFilter,
  type CallerRow,
  type CallerSortKey,
  contactsPerCandidate,
  filterCallers,
  minutesPerCandidate,
  sortCallers,
} from "@/lib/dashboard/callers";
import { formatPermille } from "@/lib/subsidy/money";
import { yuan } from "@/lib/subsidy/steps";

const oneDecimal = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/**
 * The group leader's per-caller table: sortable (column headers on a desktop, the sort menu on a phone),
 * filterable, and each caller's projected subsidy opens its line-by-line explanation.
 */
export function CallerTable({
  rows,
  basic,
  target,
  standard,
}: {
  rows: CallerRow[];
  basic: number;
  target: number;
  standard: { contacts: number; minutes: number };
}) {
  const t = useTranslations("callerTable");
  const tRecord = useTranslations("enrollmentDashboard");
  const render = useRenderText();
  const filterId = useId();
  const sortId = useId();
  const [sortKey, setSortKey] = useState<CallerSortKey>("rate");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  const [filter, setFilter] = useState<CallerFilter>("all");
  const [explained, setExplained] = useState<CallerRow | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const shown = useMemo(
    () => sortCallers(filterCallers(rows, filter, basic), sortKey, direction),
    [rows, filter, basic, sortKey, direction],
  );

  const sortBy = (key: CallerSortKey) => {
    if (key === sortKey) setDirection(direction === "asc" ? "desc" : "asc");
    else {
      setSortKey(key);
      setDirection(key === "name" ? "asc" : "desc");
    }
  };
  const header = (key: CallerSortKey) => (
    <button
      type="button"
      onClick={() => sortBy(key)}
      className="inline-flex items-center gap-0.5 hover:text-slate-900"
      data-testid={`sort-${key}`}
    >
      {t(`columns.${key}`)}
      {sortKey === key ? <span aria-hidden>{direction === "asc" ? "↑" : "↓"}</span> : null}
    </button>
  );
  const open = (row: CallerRow) => {
    setExplained(row);
    dialog.current?.showModal();
  };

  const rateTone = (permille: number | null) =>
    permille === null ? "default" : permille >= target ? "good" : permille >= basic ? "info" : "warn";
  const warnIfAny = (value: number) => (value > 0 ? <Badge tone="warn">{value}</Badge> : value);
  const columns: Column<CallerRow>[] = [
    {
      key: "name",
      label: header("name"),
      primary: true,
      cell: (r) => (
        <span className="inline-flex items-center gap-1">
          <span lang="zh">{r.name}</span>
          {r.isLeader ? <Badge tone="info">{t("leader")}</Badge> : null}
        </span>
      ),
    },
    { key: "assigned", label: header("assigned"), cell: (r) => r.assigned, align: "right" },
    { key: "reached", label: header("reached"), cell: (r) => r.reached, align: "right" },
    { key: "admitted", label: header("admitted"), cell: (r) => r.admitted, align: "right" },
    { key: "enrolled", label: header("enrolled"), cell: (r) => r.enrolled, align: "right" },
    // beside the callers' claims, what the 报到 list or the data team has recorded (what pay counts)
    { key: "confirmed", label: tRecord("confirmed"), cell: (r) => r.confirmed, align: "right" },
    {
      key: "rate",
      label: header("rate"),
      align: "right",
      cell: (r) => <Badge tone={rateTone(r.ratePermille)}>{formatPermille(r.ratePermille)}</Badge>,
    },
    {
      key: "contactsPer",
      label: header("contactsPer"),
      align: "right",
      cell: (r) => {
        const value = contactsPerCandidate(r);
        return (
          <span className={value !== null && value < standard.contacts ? "text-amber-700" : ""}>
            {oneDecimal(value)}
          </span>
        );
      },
    },
    {
      key: "minutesPer",
      label: header("minutesPer"),
      align: "right",
      cell: (r) => {
        const value = minutesPerCandidate(r);
        return (
          <span className={value !== null && value < standard.minutes ? "text-amber-700" : ""}>
            {oneDecimal(value)}
          </span>
        );
      },
    },
    {
      key: "neverContacted",
      label: header("neverContacted"),
      cell: (r) => warnIfAny(r.neverContacted),
      align: "right",
    },
    { key: "overdue", label: header("overdue"), cell: (r) => warnIfAny(r.overdue), align: "right" },
    {
      key: "openEscalations",
      label: header("openEscalations"),
      cell: (r) => warnIfAny(r.openEscalations),
      align: "right",
    },
    {
      key: "subsidy",
      label: header("subsidy"),
      align: "right",
      cell: (r) => (
        <button
          type="button"
          onClick={() => open(r)}
          className="whitespace-nowrap text-brand-700 underline decoration-dotted underline-offset-2 hover:text-brand-600"
          data-testid="explain-subsidy"
        >
          {render(yuan(r.subsidyFen))}
          {/* the button's name says whose explanation it opens; the name itself is marked as Chinese */}
          <span className="sr-only">
            {" "}
            <Marked sentence={t("explainTitle", { name: markData(r.name) })} />
          </span>
        </button>
      ),
    },
  ];

  return (
    <div data-testid="caller-table">
      <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        <label htmlFor={filterId} className="flex flex-col gap-1">
          <span className="text-slate-500">{t("filter")}</span>
          <Select
            id={filterId}
            value={filter}
            onChange={(e) => setFilter(e.target.value as CallerFilter)}
            size="compact"
            data-testid="caller-filter"
          >
            {CALLER_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`filters.${f}`)}
              </option>
            ))}
          </Select>
        </label>
        <label htmlFor={sortId} className="flex flex-col gap-1 md:hidden">
          <span className="text-slate-500">{t("sort")}</span>
          <Select
            id={sortId}
            value={sortKey}
            onChange={(e) => setSortKey(e.target.value as CallerSortKey)}
            size="compact"
          >
            {CALLER_SORT_KEYS.map((k) => (
              <option key={k} value={k}>
                {t(`columns.${k}`)}
              </option>
            ))}
          </Select>
        </label>
        <button
          type="button"
          onClick={() => setDirection(direction === "asc" ? "desc" : "asc")}
          className="min-h-9 rounded-lg border border-slate-300 bg-white px-3 md:hidden"
        >
          {direction === "asc" ? t("ascending") : t("descending")}
        </button>
        <span className="ml-auto text-slate-500" aria-live="polite">
          {t("shown", { shown: shown.length, total: rows.length })}
        </span>
      </div>
      {shown.length === 0 ? (
        <EmptyState>{t("noMatch")}</EmptyState>
      ) : (
        <div className="md:overflow-x-auto">
          <Table columns={columns} rows={shown} rowKey={(r) => r.callerId} caption={t("caption")} />
        </div>
      )}
      <dialog
        ref={dialog}
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl p-0 backdrop:bg-slate-900/40"
        data-testid="subsidy-explanation"
        onClose={() => setExplained(null)}
      >
        {explained ? (
          <div className="p-4">
            <h2 className="text-base font-semibold">
              <Marked sentence={t("explainTitle", { name: markData(explained.name) })} />
            </h2>
            <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm">
              {explained.steps.map((step, i) => (
                // the steps are an ordered explanation; the index is their identity
                // biome-ignore lint/suspicious/noArrayIndexKey: steps can repeat and never reorder
                <li key={i}>
                  <StepLine step={step} names={new Map(Object.entries(explained.names))} render={render} />
                </li>
              ))}
            </ol>
            <p className="mt-3 text-xs text-slate-500">{t("explainNote")}</p>
            <form method="dialog" className="mt-4 text-right">
              <button type="submit" className="min-h-9 rounded-lg border border-slate-300 px-4 text-sm">
                {t("close")}
              </button>
            </form>
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
