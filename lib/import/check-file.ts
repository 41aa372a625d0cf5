import { text } from "@/lib/i18n/text";
import { type ListChecker as Checker, type CheckReport, ListChecker, type ListRecord } from "./check";
import {
  chosenMapping,
  detectHeader,
  FIELDS,
  type HeaderMapping,
  headerMapping,
  type ListKind,
  type MappingChoice,
  mapHeader,
} from "./columns";
import { cellText } from "./normalize";
import { openList, type SheetRow } from "./read";

const HEADER_SCAN_ROWS = 20;

export interface CheckOptions {
  /** a mapping corrected by hand on the import page; without it the header row is detected */
  mapping?: MappingChoice;
  /** told the header row and its mapping (detected, chosen, or proposed when none was detected) */
  onHeader?: (header: HeaderMapping) => void;
}

/**
 * Checks a list file without any database: finds the header row (below any title rows), maps the
 * columns, then validates the rows as they stream in. Throws UnreadableFileError when the file itself
 * cannot be read; a readable file always yields a report, whatever its errors.
 */
export async function checkListFile(
  path: string,
  kind: ListKind,
  onRecord?: (record: ListRecord) => void,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const { encoding, rows } = await openList(path);
  if (options.mapping) return checkWithChosenMapping(rows, kind, options.mapping, encoding, onRecord, options.onHeader);
  const head: SheetRow[] = [];
  let checker: Checker | null = null;
  let headerRowIndex = -1;
  for await (const row of rows) {
    if (checker) {
      checker.push(row.row, row.cells);
      continue;
    }
    head.push(row);
    if (head.length < HEADER_SCAN_ROWS) continue;
    ({ checker, headerRowIndex } = startChecking(head, kind, onRecord, options.onHeader));
    if (!checker) break;
    for (const early of head.slice(headerRowIndex + 1)) checker.push(early.row, early.cells);
  }
  if (!checker && headerRowIndex === -1) {
    ({ checker, headerRowIndex } = startChecking(head, kind, onRecord, options.onHeader));
    if (checker) for (const early of head.slice(headerRowIndex + 1)) checker.push(early.row, early.cells);
  }
  if (!checker) {
    const proposed = proposeHeader(head);
    if (proposed) options.onHeader?.(proposed);
    return noHeader(encoding);
  }
  return checker.report(encoding);
}

/** The header row is the one the data team named; rows above it are skipped, rows below it checked. */
async function checkWithChosenMapping(
  rows: AsyncGenerator<SheetRow>,
  kind: ListKind,
  choice: MappingChoice,
  encoding: string | undefined,
  onRecord?: (record: ListRecord) => void,
  onHeader?: (header: HeaderMapping) => void,
): Promise<CheckReport> {
  let checker: Checker | null = null;
  for await (const row of rows) {
    if (checker) checker.push(row.row, row.cells);
    else if (row.row === choice.row) {
      const mapping = chosenMapping(choice, row.cells);
      onHeader?.(headerMapping(row.row, padded(row.cells, choice.fields.length), mapping));
      checker = new ListChecker(kind, mapping, row.row, onRecord);
    }
  }
  return checker ? checker.report(encoding) : noHeader(encoding);
}

function padded(cells: readonly unknown[], length: number): unknown[] {
  return Array.from({ length: Math.max(cells.length, length) }, (_, i) => cells[i] ?? null);
}

function noHeader(encoding: string | undefined): CheckReport {
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
          first: FIELDS.examNo.aliases[0] ?? "",
          second: FIELDS.examNo.aliases[1] ?? "",
        }),
      },
    ],
    duplicates: [],
    ...(encoding ? { encoding } : {}),
  };
}

/**
 * No row names the exam number: offer the row that names the most known columns (else the first row
 * with text), so the data team can say by hand which column holds what.
 */
function proposeHeader(head: SheetRow[]): HeaderMapping | null {
  let best: { row: SheetRow; known: number } | null = null;
  for (const row of head) {
    if (row.cells.every((cell) => cellText(cell) === "")) continue;
    const known = mapHeader(row.cells).fields.size;
    if (!best || known > best.known) best = { row, known };
  }
  return best ? headerMapping(best.row.row, best.row.cells, mapHeader(best.row.cells)) : null;
}

function startChecking(
  head: SheetRow[],
  kind: ListKind,
  onRecord?: (record: ListRecord) => void,
  onHeader?: (header: HeaderMapping) => void,
) {
  const found = detectHeader(
    head.map((r) => r.cells),
    HEADER_SCAN_ROWS,
  );
  if (!found) return { checker: null, headerRowIndex: -2 };
  const headerRow = head[found.index]?.row ?? found.index + 1;
  onHeader?.(headerMapping(headerRow, head[found.index]?.cells ?? [], found.mapping));
  return { checker: new ListChecker(kind, found.mapping, headerRow, onRecord), headerRowIndex: found.index };
}
