import { type Text, text } from "@/lib/i18n/text";
import {
  type ColumnMapping,
  candidateSpec,
  type Field,
  type ListKind,
  type ListSpec,
  type StaffField,
} from "./columns";
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

/** A key value (工号/学号 on the staff list) and every row it is on. */
export interface DuplicateLogin {
  login: string;
  rows: number[];
}

export interface CheckReport<D = DuplicateExamNo> {
  rows: number;
  valid: number;
  errors: RowError[];
  /** each key value found on several rows, named by the key's field (examNo, login), with those rows */
  duplicates: D[];
  encoding?: string;
}

/** One valid row of any list, normalised, with its key value. */
export interface KeyedRecord<F extends string> {
  row: number;
  key: string;
  values: Partial<Record<F, unknown>>;
}

/** One valid row, normalised, ready to be reconciled with the database. */
export interface ListRecord {
  row: number;
  examNo: string;
  values: Partial<Record<Field, unknown>>;
}

/**
 * Checks a list row by row, as the rows stream in: never holds the file, only the key values seen
 * (for duplicates) and the errors. Every row ends up either valid or with at least one error that
 * carries its Excel row number. What the list holds comes from its spec (lib/import/columns ListSpec).
 */
export class SpecChecker<F extends string> {
  private readonly errors: RowError[] = [];
  private readonly seen = new Map<string, number[]>();
  private readonly missing: F[];
  private readonly required: Set<F>;
  private rowCount = 0;
  private validCount = 0;
  /** key values seen on more than one row so far */
  private duplicateCount = 0;

  constructor(
    readonly spec: ListSpec<F>,
    private readonly mapping: ColumnMapping<F>,
    headerRow: number,
    /**
     * told each valid row, and whether every row so far was valid with a key of its own (a reader that
     * writes as it goes stops at the first that was not); a promise it returns is handed back by `push`
     */
    private readonly onRecord?: (record: KeyedRecord<F>, clean: boolean) => unknown,
  ) {
    const mapped = new Set(mapping.fields.values());
    this.required = new Set(spec.required);
    this.missing = spec.required.filter((field) => !mapped.has(field));
    for (const field of this.missing) {
      this.errors.push({
        row: headerRow,
        column: spec.fields[field].aliases[0] ?? field,
        code: "MISSING_COLUMN",
        message: text("imports.rowErrors.missingColumn", {
          list: spec.name,
          columns: spec.fields[field].aliases.join("/"),
        }),
      });
    }
  }

  /**
   * `cells` by column index; blank rows (trailing ones Excel keeps) are skipped, not counted. Returns
   * what `onRecord` returned: a reader that writes as it goes waits for it before the next row.
   */
  push(row: number, cells: readonly unknown[]): Promise<unknown> | undefined {
    if (cells.every((cell) => cellText(cell) === "")) return;
    this.rowCount += 1;
    const values: Partial<Record<F, unknown>> = {};
    let rowOk = this.missing.length === 0;
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
        if (this.required.has(field) && this.isFirstColumnOf(column, field) && !this.anyFilled(field, cells)) {
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
      const result = this.spec.fields[field].normalize(raw);
      if (!result.ok) {
        rowOk = false;
        this.errors.push({ row, column: header, code: result.code, message: result.message });
        continue;
      }
      const earlier = values[field];
      values[field] =
        this.spec.merged.includes(field) && Array.isArray(earlier)
          ? [...new Set([...(earlier as unknown[]), ...(result.value as unknown[])])]
          : result.value;
    }
    const keyValue = values[this.spec.key];
    const key = typeof keyValue === "string" ? keyValue : null;
    if (key) {
      const rows = this.seen.get(key);
      if (rows) {
        rows.push(row);
        if (rows.length === 2) this.duplicateCount += 1;
      } else this.seen.set(key, [row]);
    }
    if (rowOk && key) {
      this.validCount += 1;
      const clean = this.errors.length === 0 && this.duplicateCount === 0;
      const told = this.onRecord?.({ row, key, values }, clean);
      if (told instanceof Promise) return told;
    }
  }

  private isFirstColumnOf(column: number, field: F): boolean {
    for (const [other, otherField] of this.mapping.fields) {
      if (otherField === field) return other === column;
    }
    return false;
  }

  private anyFilled(field: F, cells: readonly unknown[]): boolean {
    for (const [column, otherField] of this.mapping.fields) {
      if (otherField === field && cellText(cells[column]) !== "") return true;
    }
    return false;
  }

  /** The report; each duplicate names its value by the key's field (`{ examNo, rows }`, `{ login, rows }`). */
  report<D = Record<string, string | number[]>>(encoding?: string): CheckReport<D> {
    const duplicates = [...this.seen.entries()]
      .filter(([, rows]) => rows.length > 1)
      .map(([value, rows]) => ({ [this.spec.key]: value, rows }) as D);
    return {
      rows: this.rowCount,
      valid: this.validCount,
      errors: this.errors,
      duplicates,
      ...(encoding ? { encoding } : {}),
    };
  }
}

/** An admission list's checker: its kind's spec, records and duplicates named by exam number. */
export class ListChecker extends SpecChecker<Field> {
  constructor(
    readonly kind: ListKind,
    mapping: ColumnMapping,
    headerRow: number,
    onRecord?: (record: ListRecord, clean: boolean) => unknown,
  ) {
    super(
      candidateSpec(kind),
      mapping,
      headerRow,
      onRecord && ((record, clean) => onRecord({ row: record.row, examNo: record.key, values: record.values }, clean)),
    );
  }

  override report<D = DuplicateExamNo>(encoding?: string): CheckReport<D> {
    return super.report<D>(encoding);
  }
}

/** The staff list's checker (人员名单): records and duplicates keyed by 工号/学号. */
export type StaffRecord = KeyedRecord<StaffField>;
