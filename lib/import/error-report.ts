import { buildWorkbook } from "@/lib/export/workbook";
import { type Text, text } from "@/lib/i18n/text";
import type { CheckReport } from "./check";
import { FIELDS } from "./columns";
import { listText } from "./list-text";

export interface ErrorReportRow {
  row: number;
  column: string;
  code: string;
  message: Text;
}

/**
 * Every problem of a checked list, one line each, in file order: the row errors, then each row of a
 * duplicated exam number (the preview lists those apart; the report puts them beside the others).
 */
export function errorReportRows(report: CheckReport): ErrorReportRow[] {
  const duplicates = report.duplicates.flatMap((d) =>
    d.rows.map((row) => ({
      row,
      // the column as the lists name it: the report names the file's columns
      column: FIELDS.examNo.aliases[0] ?? "examNo",
      code: "DUPLICATE_EXAM_NO",
      message: text("imports.rowErrors.duplicateExamNo", { examNo: d.examNo, rows: listText(d.rows) }),
    })),
  );
  return [...report.errors, ...duplicates].sort((a, b) => a.row - b.row);
}

/**
 * The report as xlsx in the reader's language (`render`: headers, sheet and sentences); text the file
 * brought (its header texts) is neutralised.
 */
export function errorReportWorkbook(report: CheckReport, render: (sentence: Text) => string): Promise<Buffer> {
  return buildWorkbook({
    name: render(text("imports.errorReport.sheet")),
    creator: render(text("app.name")),
    rows: errorReportRows(report),
    columns: [
      { header: render(text("imports.errorReport.columns.row")), width: 8, value: (e) => e.row },
      { header: render(text("imports.errorReport.columns.column")), width: 18, value: (e) => e.column },
      { header: render(text("imports.errorReport.columns.code")), width: 20, value: (e) => e.code },
      { header: render(text("imports.errorReport.columns.message")), width: 70, value: (e) => render(e.message) },
    ],
  });
}
