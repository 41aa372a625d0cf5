/**
 * The one table of the app. On a phone each row becomes a card: every cell shows its column label,
 * so nothing scrolls sideways (callers work on their phones between classes).
 */
export interface Column<Row> {
  key: string;
  label: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  align?: "left" | "right";
  /** the cell that titles the row's card on a phone */
  primary?: boolean;
}

/** Columns shown only to who may use them (a move or hand-back button), spread into a column list. */
export function columnsIf<Row>(shown: boolean, ...columns: Column<Row>[]): Column<Row>[] {
  return shown ? columns : [];
}

export function Table<Row>({
  columns,
  rows,
  rowKey,
  caption,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  caption?: string;
}) {
  return (
    <table className="w-full text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className="hidden border-b border-slate-200 text-left text-slate-500 md:table-header-group">
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={`px-3 py-2 font-medium ${c.align === "right" ? "text-right" : ""}`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block md:table-row-group">
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            className="mb-3 block rounded-lg border border-slate-200 p-3 md:mb-0 md:table-row md:rounded-none md:border-0 md:border-b md:border-slate-100 md:p-0"
          >
            {columns.map((c) => (
              <td
                key={c.key}
                className={`flex justify-between gap-4 py-0.5 md:table-cell md:px-3 md:py-2 ${c.align === "right" ? "tabular-nums md:whitespace-nowrap md:text-right" : ""} ${c.primary ? "font-medium" : ""}`}
              >
                <span className="shrink-0 text-slate-500 md:hidden">{c.label}</span>
                <span className="min-w-0 break-words text-right md:text-inherit">{c.cell(row)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
