"use client";

import { useTranslations } from "next-intl";
import { Fragment, useRef, useState } from "react";
import { applyUpload } from "@/app/(app)/admin/imports/actions";
import { ImportMatches } from "@/components/prospects/import-matches";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { firstError } from "@/lib/action/result";
import { text } from "@/lib/i18n/text";
import { LIST_KINDS, type ListKind, type MappingChoice } from "@/lib/import/columns";
import type { PreviewResponse } from "@/lib/import/preview";
import type { ApplyStage } from "@/lib/import/progress";
import { ColumnMapping } from "./column-mapping";
import { FileText } from "./file-text";

/** The upload route's answer (app/api/imports/route.ts). */
type Preview = PreviewResponse;

/** Upload with progress (XMLHttpRequest reports it; fetch does not), then the preview, then apply. */
function upload(form: FormData, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        reject(new Error("bad response"));
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

/** The full row-error report of the previewed file, as xlsx, checked with the same mapping. */
function errorReportHref(preview: Preview, mapping: MappingChoice | null): string {
  const query = new URLSearchParams({ fileHash: preview.fileHash, format: preview.format, kind: preview.kind });
  if (mapping) query.set("mapping", JSON.stringify(mapping));
  return `/api/imports/errors?${query}`;
}

export function ImportUploader() {
  const t = useTranslations("imports");
  const tEnrollment = useTranslations("enrollment");
  const tRecord = useTranslations("recordedEnrollment");
  const tRecordImport = useTranslations("enrollmentImport");
  const [kind, setKind] = useState<ListKind>("toudang");
  const [file, setFile] = useState<File | null>(null);
  // the input shows its own choice: cleared with `file`, or it would still name a file no longer chosen
  const fileInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  // the mapping corrected by hand that the preview shown used; it goes with the apply
  const [mapping, setMapping] = useState<MappingChoice | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  // one message line for the preview and the apply: the runner's own error would outlive a new preview
  const { run, pending: applyPending } = useActionRunner();
  const pending = uploading || applyPending;
  const [applying, setApplying] = useState<ApplyStage | null>(null);

  async function onPreview(event: React.FormEvent) {
    event.preventDefault();
    await runPreview(null);
  }

  async function runPreview(choice: MappingChoice | null) {
    if (!file) {
      setMessage({ tone: "error", text: t("chooseFile") });
      return;
    }
    setUploading(true);
    setMessage(null);
    setPreview(null);
    setProgress(0);
    const form = new FormData();
    form.set("file", file);
    form.set("kind", kind);
    if (choice) form.set("mapping", JSON.stringify(choice));
    try {
      const { status, body } = await upload(form, setProgress);
      if (status === 200) {
        setPreview(body as Preview);
        setMapping(choice);
      } else setMessage({ tone: "error", text: (body as { error?: string }).error ?? t("failed") });
    } catch {
      setMessage({ tone: "error", text: t("offline") });
    }
    setProgress(null);
    setUploading(false);
  }

  async function onApply() {
    if (!preview) return;
    setApplying({ stage: "checking" });
    // the apply is one long request; meanwhile its progress is read from the server, one request at a
    // time (under the embedded database a poll waits for the apply's transaction: then it just waits)
    let finished = false;
    const poll = async () => {
      while (!finished) {
        const response = await fetch(`/api/imports/progress?fileHash=${preview.fileHash}`).catch(() => null);
        const stage = response?.ok ? ((await response.json()) as ApplyStage) : null;
        if (!finished && stage && stage.stage !== "idle") setApplying(stage);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    void poll();
    const result = await run(() =>
      applyUpload({
        fileHash: preview.fileHash,
        format: preview.format,
        kind: preview.kind,
        fileName: preview.fileName,
        expectedRows: preview.valid,
        ...(mapping ? { mapping } : {}),
      }),
    ).finally(() => {
      finished = true;
    });
    setApplying(null);
    if (result.ok) {
      setPreview(null);
      setMapping(null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      setMessage({ tone: "ok", text: t("applied", result.data) });
    } else {
      setMessage({ tone: "error", text: firstError(result) });
    }
  }

  const separator = t("separator");
  // a value as the data team reads it: yes/no and statuses in their language, numbers joined, — for
  // nothing; any other text is the list's data, shown as written (lang="zh")
  const shown = (value: unknown) =>
    typeof value === "string" && ["PENDING", "ENROLLED", "NOT_ENROLLED"].includes(value) ? (
      tEnrollment(value as "PENDING")
    ) : value === "LIST" || value === "DATA_TEAM" ? (
      tRecord(`record.${value}`)
    ) : value === null || value === undefined || value === "" ? (
      "—"
    ) : typeof value === "boolean" ? (
      t(value ? "yes" : "no")
    ) : Array.isArray(value) ? (
      value.join(separator)
    ) : typeof value === "string" ? (
      <span lang="zh">{value}</span>
    ) : (
      String(value)
    );
  const plan = preview?.plan;
  const canApply = Boolean(
    plan && !preview?.alreadyApplied && plan.unknownCount === 0 && plan.create + plan.update > 0,
  );
  return (
    <div className="space-y-4">
      <form onSubmit={onPreview} className="space-y-3" noValidate>
        <Field label={t("kind")}>
          {(control) => (
            <Select {...control} value={kind} onChange={(e) => setKind(e.target.value as ListKind)}>
              {LIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <label className="block text-sm">
          <span className="mb-1 block font-medium">{t("file")}</span>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="block w-full text-sm"
            data-testid="import-file"
          />
          <span className="mt-1 block text-xs text-slate-500">{t("limits")}</span>
        </label>
        {progress !== null ? (
          <progress value={progress} max={100} className="w-full" aria-label={t("uploading")} />
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending && progress !== null ? t("uploading") : t("preview")}
        </Button>
      </form>
      <p
        aria-live="polite"
        data-testid="import-message"
        className={`min-h-5 text-sm ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </p>
      {preview ? (
        <section className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-4" data-testid="import-preview">
          <h3 className="font-semibold">
            <span lang="zh">{preview.fileName}</span> · {t(`kinds.${preview.kind}`)}
            {preview.encoding ? ` · ${t(`encodings.${preview.encoding}` as "encodings.utf-8")}` : ""}
          </h3>
          <p className="text-sm">
            {t("read", {
              rows: preview.rows,
              valid: preview.valid,
              errors: preview.errorCount,
              duplicates: preview.duplicates.length,
            })}
          </p>
          {preview.header ? (
            <ColumnMapping
              key={JSON.stringify(preview.header)}
              header={preview.header}
              chosen={preview.mappingChosen}
              needed={preview.errors.some((e) => e.code === "NO_HEADER" || e.code === "MISSING_COLUMN")}
              disabled={pending}
              onPreview={runPreview}
            />
          ) : null}
          {preview.errorCount + preview.duplicates.length > 0 ? (
            <a
              href={errorReportHref(preview, mapping)}
              download
              className="inline-block text-sm text-brand-700 underline"
              data-testid="import-error-report"
            >
              {t("downloadErrors")}
            </a>
          ) : null}
          {preview.alreadyApplied ? <p className="text-sm text-amber-800">{t("alreadyApplied")}</p> : null}
          {plan ? (
            <ul className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
              <li>{t("create", { count: plan.create })}</li>
              <li>{t("update", { count: plan.update })}</li>
              <li>{t("unchanged", { count: plan.unchanged })}</li>
              <li>{t("missing", { count: plan.missingCount })}</li>
            </ul>
          ) : null}
          {plan && preview.prospects ? <ImportMatches prospects={preview.prospects} /> : null}
          {plan && preview?.kind === "baodao" ? (
            <p className="text-sm" data-testid="import-record">
              {tRecordImport("record", plan.record)}
            </p>
          ) : null}
          {plan && plan.unknownCount > 0 ? (
            <p className="text-sm text-rose-700">
              {t("unknown", {
                count: plan.unknownCount,
                rows: plan.unknown
                  .slice(0, 10)
                  .map((u) => u.row)
                  .join(separator),
              })}
            </p>
          ) : null}
          {preview.errors.length > 0 ? (
            <ul className="max-h-64 overflow-y-auto text-sm text-rose-700">
              {preview.errors.map((e) => (
                <li key={`${e.row}-${e.column}-${e.code}`}>
                  <FileText
                    sentence={
                      e.column
                        ? text("imports.errorLine", { row: e.row, column: e.column, message: e.message })
                        : text("imports.errorLineNoColumn", { row: e.row, message: e.message })
                    }
                  />
                </li>
              ))}
            </ul>
          ) : null}
          {preview.warningCount > 0 ? (
            <div className="text-sm text-amber-800" data-testid="import-warnings">
              <p>{t("warnings", { count: preview.warningCount })}</p>
              <ul className="max-h-64 overflow-y-auto">
                {preview.warnings.map((w) => (
                  <li key={`${w.row}-${w.code}`}>
                    <FileText
                      sentence={text("imports.errorLine", { row: w.row, column: w.column, message: w.message })}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.duplicates.length > 0 ? (
            <ul className="text-sm text-rose-700">
              {preview.duplicates.map((d) => (
                <li key={d.examNo}>{t("duplicateLine", { examNo: d.examNo, rows: d.rows.join(separator) })}</li>
              ))}
            </ul>
          ) : null}
          {plan && plan.changes.length > 0 ? (
            <details className="text-sm">
              <summary>{t("changes")}</summary>
              <ul className="mt-1">
                {plan.changes.map((c) => (
                  <li key={c.examNo}>
                    {t("changeOf", { examNo: c.examNo })}
                    {Object.entries(c.changes).map(([field, v], i) => (
                      <Fragment key={field}>
                        {i > 0 ? t("changeSeparator") : null}
                        {t.has(`fields.${field}` as "fields.name")
                          ? t(`fields.${field}` as "fields.name")
                          : field === "enrollmentRecord"
                            ? tRecord("columns.record")
                            : field}{" "}
                        {shown(v.before)} → {shown(v.after)}
                      </Fragment>
                    ))}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <Button onClick={onApply} disabled={pending || !canApply} data-testid="import-apply">
            {t("apply")}
          </Button>
          {applying ? (
            <div className="space-y-1" data-testid="import-applying" aria-live="polite">
              <progress
                className="w-full"
                {...(applying.stage === "writing" ? { value: applying.written, max: applying.total } : {})}
                aria-label={t("apply")}
              />
              <p className="text-sm text-slate-600">
                {applying.stage === "writing"
                  ? t("applying.writing", { written: applying.written, total: applying.total })
                  : t("applying.checking")}
              </p>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
