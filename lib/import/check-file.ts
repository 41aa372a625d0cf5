import { text } from "@/lib/i18n/text";
import {
  type CheckReport,
  type DuplicateLogin,
  ListChecker,
  type ListRecord,
  SpecChecker,
  type StaffRecord,
} from "./check";
import {
  type ColumnMapping,
  candidateSpec,
  chosenMapping,
  detectHeader,
  type Field,
  type HeaderMapping,
  headerMapping,
  type ListKind,
  type ListSpec,
  type MappingChoice,
  mapHeader,
  STAFF_SPEC,
  type StaffField,
} from "./columns";
import { cellText } from "./normalize";
import { openList, type SheetRow } from "./read";

const HEADER_SCAN_ROWS = 20;

export interface CheckOptions<F extends string = Field> {
  /** a mapping corrected by hand on the import page; without it the header row is detected */
  mapping?: MappingChoice<F>;
  /** told the header row and its mapping (detected, chosen, or proposed when none was detected) */
  onHeader?: (header: HeaderMapping<F>) => void;
}

/** How a file's checker is made once its header row is known: the spec's own checker. */
type CheckerFactory<F extends string> = (mapping: ColumnMapping<F>, headerRow: number) => SpecChecker<F>;

/**
 * Checks an admission list file without any database: finds the header row (below any title rows), maps
 * the columns, then validates the rows as they stream in. Throws UnreadableFileError when the file itself
 * cannot be read; a readable file always yields a report, whatever its errors.
 */
export async function checkListFile(
  path: string,
  kind: ListKind,
  /**
   * told each valid row as it is read, and whether every row so far was valid and unique; the next row
   * waits for a promise it returns
   */
  onRecord?: (record: ListRecord, clean: boolean) => unknown,
  options: CheckOptions = {},
): Promise<CheckReport> {
  return checkSpecFile(
    path,
    candidateSpec(kind),
    (mapping, headerRow) => new ListChecker(kind, mapping, headerRow, onRecord),
    options,
  );
}

/** The staff list (人员名单) checked the same way: records and duplicates keyed by 工号/学号. */
export async function checkStaffListFile(
  path: string,
  onRecord?: (record: StaffRecord) => void,
  options: CheckOptions<StaffField> = {},
): Promise<CheckReport<DuplicateLogin>> {
  return checkSpecFile<StaffField, DuplicateLogin>(
    path,
    STAFF_SPEC,
    (mapping, headerRow) => new SpecChecker(STAFF_SPEC, mapping, headerRow, onRecord),
    options,
  );
}

/** Any list by its spec (lib/import/columns ListSpec); `checker` makes its checker once the header is known. */
export async function checkSpecFile<F extends string, D>(
  path: string,
  spec: ListSpec<F>,
  checker: CheckerFactory<F>,
  options: CheckOptions<F> = {},
): Promise<CheckReport<D>> {
  const { encoding, rows } = await openList(path);
  if (options.mapping)
    return checkWithChosenMapping<F, D>(rows, spec, checker, options.mapping, encoding, options.onHeader);
  const head: SheetRow[] = [];
  let current: SpecChecker<F> | null = null;
  let headerRowIndex = -1;
  for await (const row of rows) {
    if (current) {
      await current.push(row.row, row.cells);
      continue;
    }
    head.push(row);
    if (head.length < HEADER_SCAN_ROWS) continue;
    ({ checker: current, headerRowIndex } = startChecking(head, spec, checker, options.onHeader));
    if (!current) break;
    for (const early of head.slice(headerRowIndex + 1)) await current.push(early.row, early.cells);
  }
  if (!current && headerRowIndex === -1) {
    ({ checker: current, headerRowIndex } = startChecking(head, spec, checker, options.onHeader));
    if (current) for (const early of head.slice(headerRowIndex + 1)) await current.push(early.row, early.cells);
  }
  if (!current) {
    const proposed = proposeHeader(head, spec);
    if (proposed) options.onHeader?.(proposed);
    return noHeader(spec, encoding);
  }
  return current.report<D>(encoding);
}

/** The header row is the one the data team named; rows above it are skipped, rows below it checked. */
async function checkWithChosenMapping<F extends string, D>(
  rows: AsyncGenerator<SheetRow>,
  spec: ListSpec<F>,
  makeChecker: CheckerFactory<F>,
  choice: MappingChoice<F>,
  encoding: string | undefined,
  onHeader?: (header: HeaderMapping<F>) => void,
): Promise<CheckReport<D>> {
  let checker: SpecChecker<F> | null = null;
  for await (const row of rows) {
    if (checker) await checker.push(row.row, row.cells);
    else if (row.row === choice.row) {
      const mapping = chosenMapping(choice, row.cells);
      onHeader?.(headerMapping(row.row, padded(row.cells, choice.fields.length), mapping));
      checker = makeChecker(mapping, row.row);
    }
  }
  return checker ? checker.report<D>(encoding) : noHeader(spec, encoding);
}

function padded(cells: readonly unknown[], length: number): unknown[] {
  return Array.from({ length: Math.max(cells.length, length) }, (_, i) => cells[i] ?? null);
}

function noHeader<F extends string, D>(spec: ListSpec<F>, encoding: string | undefined): CheckReport<D> {
  const aliases = spec.fields[spec.key].aliases;
  return {
    rows: 0,
    valid: 0,
    errors: [
      {
        row: 1,
        column: "",
        code: "NO_HEADER",
        message: text("imports.rowErrors.noHeader", {
          rows: HEADER_SCAN_ROWS,
          first: aliases[0] ?? "",
          second: aliases[1] ?? "",
        }),
      },
    ],
    duplicates: [],
    ...(encoding ? { encoding } : {}),
  };
}

/**
 * No row names the key column: offer the row that names the most known columns (else the first row
 * with text), so the data team can say by hand which column holds what.
 */
function proposeHeader<F extends string>(head: SheetRow[], spec: ListSpec<F>): HeaderMapping<F> | null {
  let best: { row: SheetRow; known: number } | null = null;
  for (const row of head) {
    if (row.cells.every((cell) => cellText(cell) === "")) continue;
    const known = mapHeader(row.cells, spec).fields.size;
    if (!best || known > best.known) best = { row, known };
  }
  return best ? headerMapping(best.row.row, best.row.cells, mapHeader(best.row.cells, spec)) : null;
}

function startChecking<F extends string>(
  head: SheetRow[],
  spec: ListSpec<F>,
  makeChecker: CheckerFactory<F>,
  onHeader?: (header: HeaderMapping<F>) => void,
) {
  const found = detectHeader(
    head.map((r) => r.cells),
    HEADER_SCAN_ROWS,
    spec,
  );
  if (!found) return { checker: null, headerRowIndex: -2 };
  const headerRow = head[found.index]?.row ?? found.index + 1;
  onHeader?.(headerMapping(headerRow, head[found.index]?.cells ?? [], found.mapping));
  return { checker: makeChecker(found.mapping, headerRow), headerRowIndex: found.index };
}
