import { type Text, text } from "@/lib/i18n/text";
import { type ColumnMapping, FIELDS, type Field, type ListKind, REQUIRED_FIELDS } from "./columns";
import { cellText, textProblem } from "./normalize";

export interface RowError {
  /** the row number as Excel shows it (the header row has its own number) */
  row: number;
  /** the column's header text as written in the file */
  column: string;
  code: string;
  /** the sentence, rendered in the reader's language where it is shown (page, error report, command line) */
  message: Text;
}

export interface DuplicateExamNo {
  examNo: string;
  rows: number[];
}

export interface CheckReport {
  rows: number;
  valid: number;
  errors: RowError[];
  duplicates: DuplicateExamNo[];
  encoding?: string;
}

/** One valid row, normalised, ready to be reconciled with the database. */
export interface ListRecord {
  row: number;
  examNo: string;
  values: Partial<Record<Field, unknown>>;
}

/**
 * Checks a list row by row, as the rows stream in: never holds the file, only the exam numbers seen
 * (for duplicates) and the errors. Every row ends up either valid or with at least one error that
 * carries its Excel row number.
 */
export class ListChecker {
  private readonly errors: RowError[] = [];
  private readonly seen = new Map<string, number[]>();
  private readonly missing: Field[];
  private rowCount = 0;
  private validCount = 0;

  constructor(
    readonly kind: ListKind,
    private readonly mapping: ColumnMapping,
    headerRow: number,
    private readonly onRecord?: (record: ListRecord) => void,
  ) {
    const mapped = new Set(mapping.fields.values());
    this.missing = REQUIRED_FIELDS[kind].filter((field) => !mapped.has(field));
    for (const field of this.missing) {
      this.errors.push({
        row: headerRow,
        column: FIELDS[field].aliases[0] ?? field,
        code: "MISSING_COLUMN",
        message: text("imports.rowErrors.missingColumn", {
          list: text(`imports.kinds.${kind}`),
          columns: FIELDS[field].aliases.join("/"),
        }),
      });
    }
  }

  /** `cells` by column index; blank rows (trailing ones Excel keeps) are skipped, not counted. */
  push(row: number, cells: readonly unknown[]): void {
    if (cells.every((cell) => cellText(cell) === "")) return;
    this.rowCount += 1;
    const values: Partial<Record<Field, unknown>> = {};
    let rowOk = this.missing.length === 0;
    const required = new Set(REQUIRED_FIELDS[this.kind]);
    for (const [column, field] of this.mapping.fields) {
      const raw = cells[column];
      const header = this.mapping.headers.get(column) ?? field;
      const problem = textProblem(raw);
      if (problem) {
        rowOk = false;
        this.errors.push({ row, column: header, ...problem });
        continue;
      }
      if (cellText(raw) === "") {
        // a field spread over several columns (联系电话, 家长电话) is missing only when all are empty,
        // and is then reported once, against its first column
        if (required.has(field) && this.isFirstColumnOf(column, field) && !this.anyFilled(field, cells)) {
          rowOk = false;
          this.errors.push({
            row,
            column: header,
            code: "REQUIRED",
            message: text("imports.rowErrors.columnRequired", { column: header }),
          });
        }
        continue;
      }
      const result = FIELDS[field].normalize(raw);
      if (!result.ok) {
        rowOk = false;
        this.errors.push({ row, column: header, code: result.code, message: result.message });
        continue;
      }
      values[field] =
        field === "phones" && Array.isArray(values.phones)
          ? [...new Set([...(values.phones as string[]), ...(result.value as string[])])]
          : result.value;
    }
    const examNo = typeof values.examNo === "string" ? values.examNo : null;
    if (examNo) {
      const rows = this.seen.get(examNo);
      if (rows) rows.push(row);
      else this.seen.set(examNo, [row]);
    }
    if (rowOk && examNo) {
      this.validCount += 1;
      this.onRecord?.({ row, examNo, values });
    }
  }

  private isFirstColumnOf(column: number, field: Field): boolean {
    for (const [other, otherField] of this.mapping.fields) {
      if (otherField === field) return other === column;
    }
    return false;
  }

  private anyFilled(field: Field, cells: readonly unknown[]): boolean {
    for (const [column, otherField] of this.mapping.fields) {
      if (otherField === field && cellText(cells[column]) !== "") return true;
    }
    return false;
  }

  report(encoding?: string): CheckReport {
    const duplicates = [...this.seen.entries()]
      .filter(([, rows]) => rows.length > 1)
      .map(([examNo, rows]) => ({ examNo, rows }));
    return {
      rows: this.rowCount,
      valid: this.validCount,
      errors: this.errors,
      duplicates,
      ...(encoding ? { encoding } : {}),
    };
  }
}
