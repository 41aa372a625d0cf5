import { type ListChecker as Checker, type CheckReport, ListChecker, type ListRecord } from "./check";
import { detectHeader, type ListKind } from "./columns";
import { openList, type SheetRow } from "./read";

const HEADER_SCAN_ROWS = 20;

/**
 * Checks a list file without any database: finds the header row (below any title rows), maps the
 * columns, then validates the rows as they stream in. Throws UnreadableFileError when the file itself
 * cannot be read; a readable file always yields a report, whatever its errors.
 */
export async function checkListFile(
  path: string,
  kind: ListKind,
  onRecord?: (record: ListRecord) => void,
): Promise<CheckReport> {
  const { encoding, rows } = await openList(path);
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
    ({ checker, headerRowIndex } = startChecking(head, kind, onRecord));
    if (!checker) break;
    for (const early of head.slice(headerRowIndex + 1)) checker.push(early.row, early.cells);
  }
  if (!checker && headerRowIndex === -1) {
    ({ checker, headerRowIndex } = startChecking(head, kind, onRecord));
    if (checker) for (const early of head.slice(headerRowIndex + 1)) checker.push(early.row, early.cells);
  }
  if (!checker) {
    return {
      rows: 0,
      valid: 0,
      errors: [
        {
          row: 1,
          column: "",
          code: "NO_HEADER",
          message: "在前 20 行中找不到表头（需要“考生号”或“准考证号”等列名）。",
        },
      ],
      duplicates: [],
      ...(encoding ? { encoding } : {}),
    };
  }
  return checker.report(encoding);
}

function startChecking(head: SheetRow[], kind: ListKind, onRecord?: (record: ListRecord) => void) {
  const found = detectHeader(
    head.map((r) => r.cells),
    HEADER_SCAN_ROWS,
  );
  if (!found) return { checker: null, headerRowIndex: -2 };
  const headerRow = head[found.index]?.row ?? found.index + 1;
  return { checker: new ListChecker(kind, found.mapping, headerRow, onRecord), headerRowIndex: found.index };
}
