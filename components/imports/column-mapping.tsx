"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { type Column, Table } from "@/components/ui/table";
import { FIELD_NAMES, type Field, type HeaderMapping, type MappingChoice } from "@/lib/import/columns";

/**
 * The header row as detected, column by column, with the field each column feeds. The data team
 * corrects it (another field, or 不导入) and previews again with the corrected mapping.
 */
export function ColumnMapping({
  header,
  chosen,
  needed,
  disabled,
  onPreview,
}: {
  header: HeaderMapping;
  /** true when the preview shown already used a mapping chosen by hand */
  chosen: boolean;
  /** the file cannot be imported as detected (no header, a required column not found): shown open */
  needed: boolean;
  disabled: boolean;
  onPreview: (choice: MappingChoice | null) => void;
}) {
  const t = useTranslations("imports.mapping");
  const tField = useTranslations("imports.columnFields");
  const [fields, setFields] = useState<(Field | null)[]>(() => header.columns.map((c) => c.field));
  const changed = fields.some((field, i) => field !== header.columns[i]?.field);
  type Row = { index: number; header: string };
  const rows: Row[] = header.columns.map((c, index) => ({ index, header: c.header }));
  const columns: Column<Row>[] = [
    {
      key: "header",
      label: t("column"),
      primary: true,
      cell: (r) => (r.header ? <span lang="zh">{r.header}</span> : t("untitled", { n: r.index + 1 })),
    },
    {
      key: "field",
      label: t("field"),
      cell: (r) => (
        <Select
          size="compact"
          aria-label={t("fieldFor", { column: r.header || t("untitled", { n: r.index + 1 }) })}
          value={fields[r.index] ?? ""}
          disabled={disabled}
          onChange={(e) => {
            const next = [...fields];
            next[r.index] = (e.target.value || null) as Field | null;
            setFields(next);
          }}
        >
          <option value="">{t("ignore")}</option>
          {FIELD_NAMES.map((f) => (
            <option key={f} value={f}>
              {tField(f)}
            </option>
          ))}
        </Select>
      ),
    },
  ];
  return (
    <details className="text-sm" open={needed || chosen || changed || undefined} data-testid="import-mapping">
      <summary className="cursor-pointer font-medium">{t("title", { row: header.row })}</summary>
      <p className="mt-2 text-slate-600">{chosen ? t("chosen") : needed ? t("needed") : t("help")}</p>
      <div className="mt-2">
        <Table columns={columns} rows={rows} rowKey={(r) => String(r.index)} caption={t("caption")} />
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={disabled || !changed}
          onClick={() => onPreview({ row: header.row, fields })}
        >
          {t("repreview")}
        </Button>
        {chosen ? (
          <Button type="button" variant="ghost" disabled={disabled} onClick={() => onPreview(null)}>
            {t("reset")}
          </Button>
        ) : null}
      </div>
    </details>
  );
}
