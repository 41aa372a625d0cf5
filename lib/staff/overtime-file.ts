// Reading an overtime xlsx with the lists' reader (lib/import/read: size and zip checks, the first sheet,
// cells as Excel shows them), its header found by the columns' usual names (lib/staff/overtime).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Text, text } from "@/lib/i18n/text";
import { detectHeader } from "@/lib/import/columns";
import { cellText } from "@/lib/import/normalize";
import { MAX_FILE_BYTES, openList, UnreadableFileError } from "@/lib/import/read";
import type { OvertimeRow } from "./overtime";
import { OVERTIME_SPEC, type OvertimeField } from "./overtime-columns";

/** Far more people than a campaign has: a file beyond it is not an overtime list. */
const MAX_ROWS = 5_000;

export type OvertimeFile = { ok: true; rows: OvertimeRow[] } | { ok: false; error: Text };

/** The rows of an uploaded overtime file (an xlsx), or why it cannot be read. */
export async function readOvertimeUpload(file: File): Promise<OvertimeFile> {
  if (file.size === 0) return { ok: false, error: text("training.errors.fileRequired") };
  if (!file.name.toLowerCase().endsWith(".xlsx")) return { ok: false, error: text("training.errors.fileType") };
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, error: text("imports.fileErrors.tooLarge", { megabytes: MAX_FILE_BYTES / 1024 / 1024 }) };
  }
  const dir = await mkdtemp(join(tmpdir(), "huifang-overtime-"));
  try {
    const path = join(dir, "overtime.xlsx");
    await writeFile(path, Buffer.from(await file.arrayBuffer()));
    return await readOvertimeFile(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readOvertimeFile(path: string): Promise<OvertimeFile> {
  const raw: { row: number; cells: unknown[] }[] = [];
  try {
    const { rows } = await openList(path);
    for await (const row of rows) {
      raw.push(row);
      if (raw.length > MAX_ROWS) break;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) return { ok: false, error: error.reason };
    throw error;
  }
  const header = detectHeader(
    raw.map((r) => r.cells),
    20,
    OVERTIME_SPEC,
  );
  const found = new Set(header?.mapping.fields.values());
  if (!header || OVERTIME_SPEC.required.some((field) => !found.has(field))) {
    return { ok: false, error: text("training.errors.noHeader") };
  }
  const rows: OvertimeRow[] = [];
  for (const { row, cells } of raw.slice(header.index + 1)) {
    if (cells.every((cell) => cellText(cell) === "")) continue;
    const byField: Partial<Record<OvertimeField, unknown>> = {};
    for (const [column, field] of header.mapping.fields) byField[field] = cells[column];
    rows.push({ row, cells: byField });
  }
  if (rows.length === 0) return { ok: false, error: text("training.errors.noRows") };
  return { ok: true, rows };
}
