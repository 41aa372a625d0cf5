"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { applyOvertimeImport, previewOvertimeImport } from "@/app/(app)/staff-pool/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { type Column, Table } from "@/components/ui/table";
import { useActionRunner } from "@/components/ui/use-action";
import { formatYuanNumber } from "@/lib/subsidy/money";

type Preview = Extract<Awaited<ReturnType<typeof previewOvertimeImport>>, { ok: true }>["data"];
type Change = Preview["changes"][number];

/**
 * An overtime xlsx: previewed first (each row's change, each bad row's problem), then applied as a whole
 * once every row is right. The file is sent again to apply and checked again there.
 */
export function OvertimeImport() {
  const t = useTranslations("training.overtime.import");
  const file = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  const form = () => {
    const data = new FormData();
    const chosen = file.current?.files?.[0];
    if (chosen) data.set("file", chosen);
    return data;
  };

  async function onPreview(event: React.FormEvent) {
    event.preventDefault();
    setPreview(null);
    setImported(null);
    const result = await run(() => previewOvertimeImport(form()));
    if (result.ok) setPreview(result.data);
  }

  async function onApply() {
    setImported(null);
    const result = await run(() => applyOvertimeImport(form()));
    if (result.ok) {
      setImported(result.data.imported);
      setPreview(null);
      if (file.current) file.current.value = "";
    }
  }

  const columns: Column<Change>[] = [
    { key: "row", label: t("columns.row"), cell: (c) => c.row },
    {
      key: "name",
      label: t("columns.name"),
      primary: true,
      cell: (c) => (
        <span>
          <span lang="zh">{c.name}</span> <code className="text-xs text-slate-500">{c.login}</code>
        </span>
      ),
    },
    { key: "before", label: t("columns.before"), align: "right", cell: (c) => formatYuanNumber(c.beforeFen) },
    { key: "after", label: t("columns.after"), align: "right", cell: (c) => formatYuanNumber(c.afterFen) },
    { key: "reason", label: t("columns.reason"), cell: (c) => <span lang="zh">{c.reason ?? "—"}</span> },
  ];
  const clean = preview !== null && preview.errors.length === 0;

  return (
    <div className="space-y-4">
      <form ref={formRef} onSubmit={onPreview} noValidate className="space-y-3" data-testid="overtime-import-form">
        <p className="text-sm text-slate-600">{t("explain")}</p>
        <Field label={t("file")} errors={fieldErrors.file} errorTestId="overtime-import-error-file">
          {(control) => (
            <input
              {...control}
              ref={file}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={() => {
                setPreview(null);
                setImported(null);
              }}
              className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3"
              data-testid="overtime-import-file"
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending} data-testid="overtime-import-preview">
            {pending ? t("previewing") : t("preview")}
          </Button>
          {clean && preview.changes.length > 0 ? (
            <Button type="button" disabled={pending} onClick={onApply} data-testid="overtime-import-apply">
              {pending ? t("applying") : t("apply", { count: preview.changes.length })}
            </Button>
          ) : null}
        </div>
        <div aria-live="polite" className="text-sm" data-testid="overtime-import-message">
          {error ? <p className="text-rose-700">{error}</p> : null}
          {fieldErrors.rows ? (
            <ul className="mt-1 list-disc pl-5 text-rose-700">
              {fieldErrors.rows.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {imported !== null ? <p className="text-emerald-700">{t("done", { count: imported })}</p> : null}
        </div>
      </form>
      {preview ? (
        <div className="space-y-3" data-testid="overtime-import-preview-result">
          {preview.errors.length > 0 ? (
            <div className="rounded-lg bg-rose-50 p-3 text-sm text-rose-800" data-testid="overtime-import-row-errors">
              <p>{t("withErrors", { count: preview.errors.length })}</p>
              <ul className="mt-1 list-disc pl-5">
                {preview.errors.map((e) => (
                  <li key={e.row}>{t("rowLine", { row: e.row, message: e.message })}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-emerald-700">{t("clean", { count: preview.changes.length })}</p>
          )}
          {preview.changes.length > 0 ? (
            <Table columns={columns} rows={preview.changes} rowKey={(c) => String(c.row)} caption={t("title")} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
