import { buildWorkbook } from "@/lib/export/workbook";
import type { CheckReport } from "./check";

export interface ErrorReportRow {
  row: number;
  column: string;
  code: string;
  message: string;
}

/**
 * Every problem of a checked list, one line each, in file order: the row errors, then each row of a
 * duplicated exam number (the preview lists those apart; the report puts them beside the others).
 */
export function errorReportRows(report: CheckReport): ErrorReportRow[] {
  const duplicates = report.duplicates.flatMap((d) =>
    d.rows.map((row) => ({
      row,
      column: "考生号",
      code: "DUPLICATE_EXAM_NO",
      message: `考生号 ${d.examNo} 在第 ${d.rows.join("、")} 行重复出现。`,
    })),
  );
  return [...report.errors, ...duplicates].sort((a, b) => a.row - b.row);
}

/** The report as xlsx with Chinese headers; text the file brought (its header texts) is neutralised. */
export function errorReportWorkbook(report: CheckReport): Promise<Buffer> {
  return buildWorkbook({
    name: "错误报告",
    rows: errorReportRows(report),
    columns: [
      { header: "行号", width: 8, value: (e) => e.row },
      { header: "列", width: 18, value: (e) => e.column },
      { header: "错误代码", width: 20, value: (e) => e.code },
      { header: "说明", width: 70, value: (e) => e.message },
    ],
  });
}
