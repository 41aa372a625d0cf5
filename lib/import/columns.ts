import { z } from "zod";
import { type MessageKey, type Text, text } from "@/lib/i18n/text";
import { NO_WORD, STAFF_SOURCE_WORDS, STUDENT_WORD, TEACHER_WORD, YES_WORD } from "./cell-words";
import {
  foldWidth,
  type Normalized,
  normalizeDate,
  normalizeExamNo,
  normalizeFirstChoice,
  normalizeGender,
  normalizeIdentity,
  normalizeLogin,
  normalizeMobile,
  normalizePhones,
  normalizeStaffSource,
  normalizeText,
  normalizeYesNo,
} from "./normalize";

/** The four lists the data team receives, by the names the command line uses. */
export const LIST_KINDS = ["toudang", "luqu", "jiaofei", "baodao"] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export type Field =
  | "examNo"
  | "name"
  | "gender"
  | "phones"
  | "region"
  | "school"
  | "major"
  | "firstChoice"
  | "paid"
  | "paidAt"
  | "enrolled"
  | "enrolledAt";

export interface FieldSpec {
  /** the usual Chinese column names, compared after width folding and without spaces or brackets */
  aliases: string[];
  normalize: (value: unknown) => Normalized<unknown>;
}

export const FIELDS: Record<Field, FieldSpec> = {
  examNo: { aliases: ["考生号", "准考证号", "考生编号", "报名号"], normalize: normalizeExamNo },
  name: { aliases: ["姓名", "考生姓名"], normalize: (v) => normalizeText(v, 50) },
  gender: { aliases: ["性别"], normalize: normalizeGender },
  phones: {
    aliases: ["联系电话", "手机号", "手机号码", "手机", "电话", "家长电话", "联系方式", "考生电话"],
    normalize: normalizePhones,
  },
  region: {
    aliases: ["地区", "生源地", "市州", "地市", "所在地区", "生源地区"],
    normalize: (v) => normalizeText(v, 30),
  },
  school: { aliases: ["毕业学校", "毕业中学", "学校"], normalize: (v) => normalizeText(v, 100) },
  major: { aliases: ["专业", "录取专业", "报考专业", "专业名称"], normalize: (v) => normalizeText(v, 100) },
  firstChoice: { aliases: ["志愿", "志愿序号", "是否第一志愿", "第一志愿"], normalize: normalizeFirstChoice },
  paid: { aliases: ["缴费状态", "是否缴费", "缴费"], normalize: normalizeYesNo },
  paidAt: { aliases: ["缴费日期", "缴费时间"], normalize: normalizeDate },
  enrolled: { aliases: ["报到状态", "是否报到", "报到"], normalize: normalizeYesNo },
  enrolledAt: { aliases: ["报到日期", "报到时间"], normalize: normalizeDate },
};

/** The columns a list cannot do without; other known columns are checked when present. */
export const REQUIRED_FIELDS: Record<ListKind, Field[]> = {
  toudang: ["examNo", "name", "phones", "region"],
  luqu: ["examNo", "name", "major"],
  jiaofei: ["examNo", "paid"],
  baodao: ["examNo", "enrolled"],
};

/**
 * What the reader and checker need to know of one kind of list: its columns (by field, with their
 * aliases and normaliser), the ones it cannot do without, the key column (unique within a file: its
 * duplicates are reported by that field's name) and the fields several columns may feed, their values
 * merged (联系电话 beside 家长电话). The admission lists have one spec per kind; the staff list its own.
 */
export interface ListSpec<F extends string = Field> {
  /** the list's name in sentences ("投档名单缺少…列") */
  name: Text;
  fields: Record<F, FieldSpec>;
  required: readonly F[];
  key: F;
  merged: readonly F[];
}

/** The spec of an admission list: the shared columns, the kind's required ones, keyed by exam number. */
export function candidateSpec(kind: ListKind): ListSpec<Field> {
  return {
    name: text(`imports.kinds.${kind}`),
    fields: FIELDS,
    required: REQUIRED_FIELDS[kind],
    key: "examNo",
    merged: ["phones"],
  };
}

/** The staff list's columns (人员名单, issue 13): one row per person, keyed by 工号/学号, the login. */
export type StaffField = "login" | "name" | "phone" | "identity" | "department" | "source" | "studentCadre" | "region";

export const STAFF_FIELDS: Record<StaffField, FieldSpec> = {
  login: {
    aliases: ["工号/学号", "工号", "学号", "账号", "登录账号", "学号/工号", "工号或学号"],
    normalize: normalizeLogin,
  },
  name: { aliases: ["姓名"], normalize: (v) => normalizeText(v, 40) },
  phone: { aliases: ["手机", "手机号", "手机号码", "联系电话", "电话"], normalize: normalizeMobile },
  identity: { aliases: ["身份", "人员身份", "教师/学生"], normalize: normalizeIdentity },
  department: {
    aliases: ["学院/部门", "学院", "部门", "所在学院", "所在部门", "单位", "部门/学院"],
    normalize: (v) => normalizeText(v, 60),
  },
  source: { aliases: ["来源", "人员来源", "报名来源"], normalize: normalizeStaffSource },
  studentCadre: { aliases: ["学生干部", "是否学生干部"], normalize: normalizeYesNo },
  region: { aliases: ["地区", "所在地区", "生源地", "市州"], normalize: (v) => normalizeText(v, 30) },
};

/**
 * The staff list's column names and cell words as the import page's hint names them: the file's own
 * vocabulary, shown as written whatever the reader's language.
 */
export const STAFF_COLUMN_WORDS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    (Object.keys(STAFF_FIELDS) as StaffField[]).map((field) => [
      field === "studentCadre" ? "cadre" : field,
      STAFF_FIELDS[field].aliases[0] ?? field,
    ]),
  ),
  teacher: TEACHER_WORD,
  student: STUDENT_WORD,
  sources: Object.values(STAFF_SOURCE_WORDS)
    .map((words) => words[0])
    .join("、"),
  volunteer: STAFF_SOURCE_WORDS.VOLUNTEER[0],
  yes: YES_WORD,
  no: NO_WORD,
};

export const STAFF_SPEC: ListSpec<StaffField> = {
  name: text("staffImport.listName"),
  fields: STAFF_FIELDS,
  required: ["login", "name", "phone", "identity"],
  key: "login",
  merged: [],
};

/** "联系电话（手机）" and " 考 生 号 * " both read as their bare names. */
export function headerKey(text: unknown): string {
  return foldWidth(String(text ?? ""))
    .replace(/[(（][^)）]*[)）]/g, "")
    .replace(/[\s*:：]/g, "")
    .toLowerCase();
}

export function fieldForHeader(text: unknown): Field | null;
export function fieldForHeader<F extends string>(text: unknown, fields: Record<F, FieldSpec>): F | null;
export function fieldForHeader(text: unknown, fields: Record<string, FieldSpec> = FIELDS): string | null {
  const key = headerKey(text);
  if (!key) return null;
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.aliases.some((alias) => headerKey(alias) === key)) return field;
  }
  return null;
}

/** Column index -> field, and the header text of each mapped column (for error reports). */
export interface ColumnMapping<F extends string = Field> {
  fields: Map<number, F>;
  headers: Map<number, string>;
}

/**
 * Finds the header row among the first rows: the first one that names the exam number and at least
 * one other known column (title rows such as "2024年单招投档名单" above it are skipped). Returns its
 * index in `rows` and the mapping, or null.
 */
export function detectHeader(
  rows: readonly (readonly unknown[])[],
  maxScan?: number,
): { index: number; mapping: ColumnMapping } | null;
export function detectHeader<F extends string>(
  rows: readonly (readonly unknown[])[],
  maxScan: number,
  spec: ListSpec<F>,
): { index: number; mapping: ColumnMapping<F> } | null;
export function detectHeader(
  rows: readonly (readonly unknown[])[],
  maxScan = 20,
  spec: ListSpec<string> = candidateSpec("toudang"),
): { index: number; mapping: ColumnMapping<string> } | null {
  for (let index = 0; index < Math.min(rows.length, maxScan); index++) {
    const mapping = mapHeader(rows[index] ?? [], spec);
    const fields = new Set(mapping.fields.values());
    if (fields.has(spec.key) && fields.size >= 2) return { index, mapping };
  }
  return null;
}

export function mapHeader(cells: readonly unknown[]): ColumnMapping;
export function mapHeader<F extends string>(cells: readonly unknown[], spec: ListSpec<F>): ColumnMapping<F>;
export function mapHeader(
  cells: readonly unknown[],
  spec: ListSpec<string> = candidateSpec("toudang"),
): ColumnMapping<string> {
  const fields = new Map<number, string>();
  const headers = new Map<number, string>();
  const seen = new Set<string>();
  cells.forEach((cell, column) => {
    const field = fieldForHeader(cell, spec.fields);
    // a second phone column (家长电话 beside 联系电话) adds numbers; any other repeat is ignored
    if (!field || (seen.has(field) && !spec.merged.includes(field))) return;
    seen.add(field);
    fields.set(column, field);
    headers.set(column, String(cell).trim());
  });
  return { fields, headers };
}

/**
 * The header row as the import page shows it for correcting: each header cell's text and the field
 * its column feeds (null: the column is not imported). Sent back by the page as the data team
 * corrected it, it replaces the detected mapping for the preview and the apply.
 */
export interface HeaderMapping<F extends string = Field> {
  /** the header row's number as Excel shows it; the data start below it */
  row: number;
  columns: { header: string; field: F | null }[];
}

/** The mapping the page posts back: the header row and, column by column, the field or null. */
export interface MappingChoice<F extends string = Field> {
  row: number;
  fields: (F | null)[];
}

export const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/** The mapping as a header row shows it: detected fields, in column order, up to the last header cell. */
export function headerMapping<F extends string = Field>(
  row: number,
  cells: readonly unknown[],
  mapping: ColumnMapping<F>,
): HeaderMapping<F> {
  const texts = cells.map((cell) => foldWidth(String(cell ?? "")).trim());
  let last = texts.length - 1;
  while (last >= 0 && texts[last] === "" && !mapping.fields.has(last)) last -= 1;
  return {
    row,
    columns: texts.slice(0, last + 1).map((header, column) => ({ header, field: mapping.fields.get(column) ?? null })),
  };
}

/**
 * A mapping chosen by hand, checked before it is used: each field but the phone numbers feeds from
 * one column at most (联系电话 and 家长电话 may both hold numbers). Returns the reason it is
 * refused, or null. A required column left out is not refused here: the check reports it as
 * MISSING_COLUMN, like a file without it.
 */
export function mappingProblem<F extends string = Field>(
  choice: MappingChoice<F>,
  spec: ListSpec<F> = candidateSpec("toudang") as unknown as ListSpec<F>,
): Text | null {
  const seen = new Set<F>();
  for (const field of choice.fields) {
    if (field === null || spec.merged.includes(field)) continue;
    if (seen.has(field))
      return text("imports.mappingErrors.oneColumn", { column: spec.fields[field].aliases[0] ?? field });
    seen.add(field);
  }
  return null;
}

/** A chosen mapping applied to the header row's cells (their texts name the columns in error reports). */
export function chosenMapping<F extends string = Field>(
  choice: MappingChoice<F>,
  headerCells: readonly unknown[],
): ColumnMapping<F> {
  const fields = new Map<number, F>();
  const headers = new Map<number, string>();
  choice.fields.forEach((field, column) => {
    if (!field) return;
    fields.set(column, field);
    const text = String(headerCells[column] ?? "").trim();
    headers.set(column, text || `第 ${column + 1} 列`);
  });
  return { fields, headers };
}

const mappingShape = z
  .object({
    row: z.number().int().min(1).max(1_048_576),
    fields: z
      .array(z.enum(FIELD_NAMES as [Field, ...Field[]]).nullable())
      .min(1)
      .max(500),
  })
  .strict();

/**
 * A posted mapping (the apply action's input). A field fed from two columns is refused with a sentence
 * without the field's name (a schema's message is a key without values); parseMapping names it.
 */
export const mappingChoiceSchema = mappingShape.superRefine((choice, ctx) => {
  if (mappingProblem(choice)) {
    // the key itself, as messageKey gives it (lib/action/errors, kept out of the client components' bundle)
    const key: MessageKey = "imports.mappingErrors.oneColumnEach";
    ctx.addIssue({ code: "custom", message: key });
  }
});

/** The optional `mapping` field: absent (detect the header), or a mapping the page lets through. */
export function parseMapping(raw: unknown): { ok: true; value?: MappingChoice } | { ok: false; error: Text };
export function parseMapping<F extends string>(
  raw: unknown,
  spec: ListSpec<F>,
): { ok: true; value?: MappingChoice<F> } | { ok: false; error: Text };
export function parseMapping(
  raw: unknown,
  spec?: ListSpec<string>,
): { ok: true; value?: MappingChoice<string> } | { ok: false; error: Text } {
  if (raw === null || raw === undefined || raw === "") return { ok: true };
  const unreadable = { ok: false as const, error: text("imports.mappingErrors.unreadable") };
  let value: unknown;
  try {
    value = JSON.parse(String(raw));
  } catch {
    return unreadable;
  }
  const shape = spec ? specMappingShape(Object.keys(spec.fields)) : mappingShape;
  const parsed = shape.safeParse(value);
  if (!parsed.success) return unreadable;
  const problem = spec ? mappingProblem(parsed.data, spec) : mappingProblem(parsed.data as MappingChoice);
  return problem ? { ok: false, error: problem } : { ok: true, value: parsed.data };
}

function specMappingShape(names: string[]) {
  return z
    .object({
      row: z.number().int().min(1).max(1_048_576),
      fields: z
        .array(z.enum(names as [string, ...string[]]).nullable())
        .min(1)
        .max(500),
    })
    .strict();
}
