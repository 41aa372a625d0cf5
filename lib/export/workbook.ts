import ExcelJS from "exceljs";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * A cell that starts like a formula (= + - @, or a tab / carriage return before one) is written with a
 * leading apostrophe, so a name such as =HYPERLINK(...) typed into a list can never run when the
 * export is opened in Excel or WPS (OWASP "CSV injection"; docs/reliability.md #15).
 */
export function neutralize(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface SheetSpec<Row> {
  name: string;
  /** the file's author as Excel shows it: the app's name in the reader's language (default: Chinese) */
  creator?: string;
  columns: {
    header: string;
    width?: number;
    /** Excel's number format for the column's cells ("0.00": money in 元 kept as numbers) */
    numFmt?: string;
    value: (row: Row) => string | number | Date | null;
  }[];
  rows: Iterable<Row>;
}

/** One xlsx sheet with the headers it is given, every text cell neutralised. */
export async function buildWorkbook<Row>(spec: SheetSpec<Row>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = spec.creator ?? MESSAGES[DEFAULT_LOCALE].app.name;
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  spec.columns.forEach((c, index) => {
    if (c.numFmt) sheet.getColumn(index + 1).numFmt = c.numFmt;
  });
  for (const row of spec.rows) {
    sheet.addRow(spec.columns.map((c) => neutralize(c.value(row))));
  }
  // exam numbers and phone-like digit strings stay text: Excel would turn 14 digits into 2.45E+13
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && /^\d{8,}$/.test(cell.value)) cell.numFmt = "@";
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * An xlsx download: saved under `fileName` (in the reader's language, RFC 5987-encoded), with an ASCII fallback for
 * old clients, and never kept by a cache (exports hold personal data).
 */
export function xlsxResponse(file: Uint8Array, fileName: string, fallbackName = "export.xlsx"): Response {
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="${fallbackName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
