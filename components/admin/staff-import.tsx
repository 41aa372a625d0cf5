"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { applyStaffList } from "@/app/(app)/admin/staff/import/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { useActionRunner } from "@/components/ui/use-action";
import { Zh } from "@/components/ui/user-data";
import type { StaffImportResult } from "@/lib/staff/import";
import type { StaffPreviewResponse } from "@/lib/staff/import-plan";
import { StaffImportCredentials } from "./staff-import-credentials";

type Preview = StaffPreviewResponse;

/** Upload and check (the preview route), the preview, the apply, then the credentials shown once. */
export function StaffImport({ collegeName }: { collegeName: string }) {
  const t = useTranslations("staffImport");
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  // the only copy of the temporary passwords: this state, from the apply's answer
  const [result, setResult] = useState<StaffImportResult | null>(null);
  const { run, pending: applying, error } = useActionRunner({ refresh: "never" });

  async function onCheck(event: React.FormEvent) {
    event.preventDefault();
    if (!file) {
      setMessage({ tone: "error", text: t("chooseFile") });
      return;
    }
    setChecking(true);
    setMessage(null);
    setPreview(null);
    const form = new FormData();
    form.set("file", file);
    try {
      const response = await fetch("/admin/staff/import/preview", { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as (Preview & { error?: string }) | null;
      if (response.ok && body) setPreview(body);
      else setMessage({ tone: "error", text: body?.error ?? t("failed") });
    } catch {
      setMessage({ tone: "error", text: t("offline") });
    }
    setChecking(false);
  }

  async function onApply() {
    if (!preview) return;
    const answer = await run(() =>
      applyStaffList({ fileHash: preview.fileHash, format: preview.format, fileName: preview.fileName }),
    );
    if (!answer.ok) return;
    setPreview(null);
    setFile(null);
    if (fileInput.current) fileInput.current.value = "";
    setResult(answer.data);
    setMessage({
      tone: "ok",
      text: t("applied", {
        created: answer.data.created.length,
        joined: answer.data.joined,
        updated: answer.data.updated,
      }),
    });
  }

  const busy = checking || applying;
  return (
    <div className="space-y-4">
      {result ? (
        <StaffImportCredentials people={result.created} collegeName={collegeName} onDone={() => setResult(null)} />
      ) : null}
      <form onSubmit={onCheck} className="space-y-3 print:hidden" noValidate>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("file")}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm"
            data-testid="staff-import-file"
          />
        </label>
        <Button type="submit" disabled={busy} data-testid="staff-import-check">
          {checking ? t("uploading") : t("check")}
        </Button>
      </form>
      <p
        aria-live="polite"
        data-testid="staff-import-message"
        className={`min-h-5 text-sm print:hidden ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </p>
      {preview ? (
        <PreviewPanel preview={preview} applying={applying} error={error} onApply={onApply} disabled={busy} />
      ) : null}
    </div>
  );
}

function PreviewPanel({
  preview,
  applying,
  error,
  disabled,
  onApply,
}: {
  preview: Preview;
  applying: boolean;
  error: string | null;
  disabled: boolean;
  onApply: () => void;
}) {
  const t = useTranslations("staffImport");
  const { counts } = preview;
  const toImport = counts.created + counts.existing;
  const shown = (count: number) => t("sections.firstRows", { shown: Math.min(count, 20), count });
  const person: Column<Preview["created"][number]>[] = [
    { key: "row", label: t("columns.row"), cell: (p) => p.row },
    { key: "login", label: t("columns.login"), cell: (p) => <code className="text-xs">{p.login}</code> },
    { key: "name", label: t("columns.name"), cell: (p) => <Zh>{p.name}</Zh>, primary: true },
    { key: "identity", label: t("columns.identity"), cell: (p) => t(`identity.${p.identity}`) },
    { key: "department", label: t("columns.department"), cell: (p) => (p.department ? <Zh>{p.department}</Zh> : "—") },
    { key: "source", label: t("columns.source"), cell: (p) => t(`sources.${p.source}`) },
    {
      key: "pool",
      label: t("columns.pool"),
      cell: (p) => <Badge tone={p.poolStatus === "APPROVED" ? "good" : "info"}>{t(`pool.${p.poolStatus}`)}</Badge>,
    },
  ];
  const known: Column<Preview["existing"][number]>[] = [
    { key: "row", label: t("columns.row"), cell: (p) => p.row },
    { key: "login", label: t("columns.login"), cell: (p) => <code className="text-xs">{p.login}</code> },
    { key: "name", label: t("columns.name"), cell: (p) => <Zh>{p.name}</Zh>, primary: true },
    { key: "identity", label: t("columns.identity"), cell: (p) => t(`identity.${p.identity}`) },
    {
      key: "pool",
      label: t("columns.pool"),
      cell: (p) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={p.joins ? "info" : "default"}>{p.joins ? t("pool.joined") : t("pool.already")}</Badge>
          {p.disabled ? <Badge tone="warn">{t("pool.disabled")}</Badge> : null}
        </span>
      ),
    },
  ];
  const duplicateColumns: Column<Preview["duplicates"][number]>[] = [
    { key: "login", label: t("columns.login"), cell: (d) => <code className="text-xs">{d.login}</code>, primary: true },
    { key: "rows", label: t("columns.rows"), cell: (d) => t("rowsList", { rows: d.rows.join(", ") }) },
  ];
  return (
    <section
      className="space-y-4 rounded-xl border border-slate-200 bg-slate-50 p-4 print:hidden"
      data-testid="staff-import-preview"
    >
      <h3 className="font-semibold">{t("previewTitle", { fileName: preview.fileName })}</h3>
      <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="staff-import-counts">
        <li className="rounded-lg bg-white p-2">{t("counts.created", { count: counts.created })}</li>
        <li className="rounded-lg bg-white p-2">
          {t("counts.existing", { count: counts.existing })}
          {counts.disabled > 0 ? (
            <span className="block text-amber-800">{t("counts.disabled", { count: counts.disabled })}</span>
          ) : null}
        </li>
        <li className={`rounded-lg bg-white p-2 ${counts.errorRows > 0 ? "text-rose-700" : ""}`}>
          {t("counts.errors", { count: counts.errorRows })}
        </li>
        <li className={`rounded-lg bg-white p-2 ${counts.duplicates > 0 ? "text-rose-700" : ""}`}>
          {t("counts.duplicates", { count: counts.duplicates })}
        </li>
      </ul>
      {preview.errorCount > 0 ? (
        <div data-testid="staff-import-errors">
          <h4 className="mb-1 text-sm font-medium">
            {t("sections.errors")} <span className="font-normal text-slate-500">({shown(preview.errorCount)})</span>
          </h4>
          {/* one line each (a table squeezes the long sentences on a phone) */}
          <ul className="space-y-1 rounded-lg bg-white p-3 text-sm">
            {preview.errors.map((e) => (
              <li key={`${e.row}-${e.column}-${e.code}`} data-testid="staff-import-error" className="text-rose-700">
                {e.column
                  ? t("errorLine", { row: e.row, column: e.column, message: e.message })
                  : t("errorLineNoColumn", { row: e.row, message: e.message })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {counts.duplicates > 0 ? (
        <div data-testid="staff-import-duplicates">
          <h4 className="mb-1 text-sm font-medium">{t("sections.duplicates")}</h4>
          <Table columns={duplicateColumns} rows={preview.duplicates} rowKey={(d) => d.login} />
        </div>
      ) : null}
      {counts.created > 0 ? (
        <div data-testid="staff-import-created">
          <h4 className="mb-1 text-sm font-medium">
            {t("sections.created")} <span className="font-normal text-slate-500">({shown(counts.created)})</span>
          </h4>
          <Table columns={person} rows={preview.created} rowKey={(p) => p.login} />
        </div>
      ) : null}
      {counts.disabled > 0 ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="staff-import-disabled">
          {t("disabledWarning", { count: counts.disabled })}
        </p>
      ) : null}
      {counts.existing > 0 ? (
        <div data-testid="staff-import-existing">
          <h4 className="mb-1 text-sm font-medium">
            {t("sections.existing")} <span className="font-normal text-slate-500">({shown(counts.existing)})</span>
          </h4>
          <Table columns={known} rows={preview.existing} rowKey={(p) => p.login} />
        </div>
      ) : null}
      {preview.applicable ? (
        <Button onClick={onApply} disabled={disabled} data-testid="staff-import-apply">
          {applying ? t("applying") : t("apply", { count: toImport })}
        </Button>
      ) : (
        <p className="text-sm text-rose-700" data-testid="staff-import-blocked">
          {counts.errorRows + counts.duplicates > 0 ? t("blocked") : t("nothing")}
        </p>
      )}
      <p aria-live="polite" className="min-h-5 text-sm text-rose-700" data-testid="staff-import-apply-error">
        {error}
      </p>
    </section>
  );
}
