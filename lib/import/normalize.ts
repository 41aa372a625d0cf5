// Normalisers for the values of admission lists as Excel, WPS and the provincial system write them.
// Each returns { ok, value } or { ok: false, code, message }: nothing is silently guessed. The message is
// a catalogue sentence with its values (a value copied from the file stays a string: it is the file's
// data), rendered in the reader's language by the page, the error report or the command line.
import { normaliseLogin } from "@/lib/accounts/logins";
import { type Text, text } from "@/lib/i18n/text";
import {
  CHINESE_DIGITS,
  FALSE_WORDS,
  FEMALE,
  INVALID_DATE_TEXT,
  MALE,
  NO_WORD,
  STAFF_SOURCE_WORDS,
  STUDENT_WORD,
  STUDENT_WORDS,
  TEACHER_WORD,
  TEACHER_WORDS,
  TRUE_WORDS,
  UNREADABLE_TEXT,
  YES_WORD,
} from "./cell-words";

export type Normalized<T> = { ok: true; value: T } | { ok: false; code: string; message: Text };

const ok = <T>(value: T): Normalized<T> => ({ ok: true, value });
const fail = (code: string, message: Text): Normalized<never> => ({ ok: false, code, message });

/** Full-width digits, letters and punctuation to half-width; ideographic and no-break spaces to spaces. */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2002-\u200B]/g, " ");
}

/** A cell's text: trimmed, width-folded; numbers as Excel shows them; empty cells as "". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? value.toFixed(0) : String(value);
  // a date-formatted cell holding a number Excel cannot show as a date (an exam number, say)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? INVALID_DATE_TEXT : value.toISOString();
  try {
    return foldWidth(String(value)).trim();
  } catch {
    // an object without a text form: nothing a spreadsheet cell holds, reported as unreadable
    return UNREADABLE_TEXT;
  }
}

/**
 * Bytes that are not text, in a cell about to be imported: a control character (a NUL would fail the
 * database write; tab and line breaks are whitespace and allowed), or U+FFFD, which a decoder puts
 * where the file's bytes were not valid in its encoding (a UTF-8 file broken after its first 64 KB,
 * which decided the encoding). Either is a row error, never stored.
 */
export function textProblem(value: unknown): { code: string; message: Text } | null {
  if (typeof value !== "string") return null;
  if (hasControlCharacter(value)) {
    return { code: "CONTROL_CHARACTER", message: text("imports.rowErrors.controlCharacter") };
  }
  if (value.includes("\uFFFD")) {
    return { code: "INVALID_ENCODING", message: text("imports.rowErrors.invalidEncoding") };
  }
  return null;
}

/** C0 controls but tab, line feed and carriage return; DEL; the C1 controls. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * 考生号: an exact digit string. A number cell is taken only while it is exact (below 2^53), and a
 * value Excel turned into scientific notation ("2.45E+13") is refused: its digits are gone.
 */
export function normalizeExamNo(value: unknown): Normalized<string> {
  if (value instanceof Date) {
    return fail("EXAM_NO_AS_DATE", text("imports.rowErrors.examNoAsDate"));
  }
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0) {
      return fail("EXAM_NO_PRECISION", text("imports.rowErrors.examNoPrecision"));
    }
    value = value.toFixed(0);
  }
  const digits = cellText(value).replace(/\s+/g, "");
  if (digits === "") return fail("REQUIRED", text("imports.rowErrors.examNoRequired"));
  if (/^\d(\.\d+)?e\+?\d+$/i.test(digits))
    return fail("EXAM_NO_SCIENTIFIC", text("imports.rowErrors.examNoScientific"));
  if (!/^\d+$/.test(digits)) return fail("EXAM_NO_FORMAT", text("imports.rowErrors.examNoFormat"));
  if (digits.length < 8 || digits.length > 20)
    return fail("EXAM_NO_LENGTH", text("imports.rowErrors.examNoLength", { length: digits.length }));
  return ok(digits);
}

/**
 * A phone number: mobiles become 11 digits ("138 0000 0000", "138-0000-0000", "+86 13800000000");
 * landlines keep their area code ("028-85551234"). Anything else is an error, not a guess.
 */
export function normalizePhone(value: unknown): Normalized<string> {
  const cell = cellText(value);
  if (cell === "") return fail("REQUIRED", text("imports.rowErrors.phoneRequired"));
  let digits = cell.replace(/[\s\-()（）.]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (digits.startsWith("0086")) digits = digits.slice(4);
  else if (digits.startsWith("86") && digits.length === 13) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return fail("PHONE_FORMAT", text("imports.rowErrors.phoneFormat", { value: cell }));
  if (/^1[3-9]\d{9}$/.test(digits)) return ok(digits);
  // landline: Beijing (010) and the 02x cities have 3-digit area codes, every other one has 4;
  // the local number has 7 or 8 digits
  const landline = digits.match(/^(010|02\d)(\d{8})$/) ?? digits.match(/^(0[3-9]\d{2})(\d{7,8})$/);
  if (landline) return ok(`${landline[1]}-${landline[2]}`);
  return fail("PHONE_FORMAT", text("imports.rowErrors.phoneKind", { value: cell }));
}

/** Several numbers in one cell ("138…/139…", "138…；139…") become a list; each must be valid. */
export function normalizePhones(value: unknown): Normalized<string[]> {
  const parts = cellText(value)
    .split(/[/,，;；、|]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return fail("REQUIRED", text("imports.rowErrors.phoneRequired"));
  const phones: string[] = [];
  for (const part of parts) {
    const phone = normalizePhone(part);
    if (!phone.ok) return phone;
    if (!phones.includes(phone.value)) phones.push(phone.value);
  }
  return ok(phones);
}

// Excel counts a 1900-02-29 that never existed (serial 60): serials 1-59 start from 1899-12-31,
// serials from 61 on from 1899-12-30.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const EXCEL_EARLY_EPOCH_MS = Date.UTC(1899, 11, 31);

/**
 * A date in any form Excel writes: a Date cell, a serial number (45474), or text such as
 * 2024-07-01, 2024/7/1, 2024.7.1, 2024年7月1日 (an optional time is ignored). Returned as the
 * calendar day at 00:00 UTC.
 */
export function normalizeDate(value: unknown): Normalized<Date> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return fail("DATE_FORMAT", text("imports.rowErrors.dateInvalid"));
    return ok(new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())));
  }
  if (typeof value === "number") {
    const day = Math.floor(value);
    if (!Number.isFinite(value) || day < 1 || day > 2958465 || day === 60) {
      // the number as the file wrote it (a string: never regrouped as 45,474)
      return fail("DATE_FORMAT", text("imports.rowErrors.dateSerial", { value: String(value) }));
    }
    return ok(new Date((day < 60 ? EXCEL_EARLY_EPOCH_MS : EXCEL_EPOCH_MS) + day * 86_400_000));
  }
  const cell = cellText(value);
  if (cell === "") return fail("REQUIRED", text("imports.rowErrors.dateRequired"));
  const m = cell.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return ok(date);
  }
  if (/^\d{5}(\.\d+)?$/.test(cell)) return normalizeDate(Number(cell));
  return fail("DATE_FORMAT", text("imports.rowErrors.dateFormat", { value: cell }));
}

/** Yes/no cells: 是/否, 已缴费/未缴费, 已报到/未报到, Y/N, 1/0. */
export function normalizeYesNo(value: unknown): Normalized<boolean> {
  if (typeof value === "boolean") return ok(value);
  const cell = cellText(value).toLowerCase();
  if (cell === "") return fail("REQUIRED", text("imports.rowErrors.required"));
  if (TRUE_WORDS.includes(cell)) return ok(true);
  if (FALSE_WORDS.includes(cell)) return ok(false);
  return fail("YES_NO_FORMAT", text("imports.rowErrors.yesNo", { value: cellText(value), yes: YES_WORD, no: NO_WORD }));
}

/** 志愿: "1", "第一志愿", "是" (是否第一志愿) mean first choice; a higher number means not. */
export function normalizeFirstChoice(value: unknown): Normalized<boolean> {
  const order = cellText(value).match(/^(?:第)?([1-9一二三四五六七八九])(?:志愿)?$/);
  if (order) {
    const digit = CHINESE_DIGITS.indexOf(order[1] ?? "") + 1 || Number(order[1]);
    return ok(digit === 1);
  }
  return normalizeYesNo(value);
}

/** 性别: 男/女 (also M/F). */
export function normalizeGender(value: unknown): Normalized<string> {
  const cell = cellText(value).toUpperCase();
  if (cell === MALE || cell === "M") return ok(MALE);
  if (cell === FEMALE || cell === "F") return ok(FEMALE);
  return fail(
    "GENDER_FORMAT",
    text("imports.rowErrors.gender", { value: cellText(value), male: MALE, female: FEMALE }),
  );
}

/** A name or place: trimmed and width-folded, inner runs of spaces collapsed, at most `max` characters. */
export function normalizeText(value: unknown, max = 100): Normalized<string> {
  if (value instanceof Date) return fail("TEXT_AS_DATE", text("imports.rowErrors.textAsDate"));
  if (cellText(value) === UNREADABLE_TEXT) return fail("UNREADABLE", text("imports.rowErrors.unreadable"));
  const cell = cellText(value).replace(/\s+/g, " ");
  if (cell === "") return fail("REQUIRED", text("imports.rowErrors.required"));
  if (cell.length > max) return fail("TOO_LONG", text("imports.rowErrors.tooLong", { max }));
  return ok(cell);
}

/**
 * 工号/学号 on the staff list: it becomes the login (lib/accounts/logins.ts: 2-64 letters, digits, . _ -,
 * stored lower-cased). A number cell is taken while it is exact, as an exam number is.
 */
export function normalizeLogin(value: unknown): Normalized<string> {
  if (value instanceof Date) return fail("LOGIN_AS_DATE", text("staffImport.rowErrors.loginAsDate"));
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value < 0)
      return fail("LOGIN_PRECISION", text("staffImport.rowErrors.loginPrecision"));
    value = value.toFixed(0);
  }
  const cell = cellText(value).replace(/\s+/g, "");
  if (cell === "") return fail("REQUIRED", text("imports.rowErrors.required"));
  const login = normaliseLogin(cell);
  return login ? ok(login) : fail("LOGIN_FORMAT", text("staffImport.rowErrors.loginFormat", { value: cell }));
}

/** 手机 on the staff list: one mainland mobile, 11 digits, read as normalizePhone reads it; a landline is refused. */
export function normalizeMobile(value: unknown): Normalized<string> {
  const phone = normalizePhone(value);
  if (phone.ok && /^1\d{10}$/.test(phone.value)) return phone;
  if (!phone.ok && phone.code === "REQUIRED") return phone;
  // the sentence asks for what this column takes, a mobile, whatever else the cell held
  const message = text("staffImport.rowErrors.phoneNotMobile", { value: cellText(value) });
  return fail(phone.ok ? "PHONE_NOT_MOBILE" : phone.code, message);
}

/** 身份: 教师 (also 老师, 教职工) or 学生. */
export function normalizeIdentity(value: unknown): Normalized<"TEACHER" | "STUDENT"> {
  const cell = cellText(value).replace(/\s+/g, "");
  if (TEACHER_WORDS.includes(cell)) return ok("TEACHER");
  if (STUDENT_WORDS.includes(cell)) return ok("STUDENT");
  return fail(
    "IDENTITY_FORMAT",
    text("staffImport.rowErrors.identity", { value: cellText(value), teacher: TEACHER_WORD, student: STUDENT_WORD }),
  );
}

export type StaffSourceValue = keyof typeof STAFF_SOURCE_WORDS;

/** 来源: the plan's words for where a person comes to the pool from; an empty cell is never passed here. */
export function normalizeStaffSource(value: unknown): Normalized<StaffSourceValue> {
  const cell = cellText(value).replace(/\s+/g, "");
  for (const [source, words] of Object.entries(STAFF_SOURCE_WORDS) as [StaffSourceValue, readonly string[]][]) {
    if (words.includes(cell)) return ok(source);
  }
  return fail(
    "SOURCE_FORMAT",
    text("staffImport.rowErrors.source", { value: cellText(value), choices: STAFF_SOURCE_WORDS_LIST }),
  );
}

/** The first word of each source, as a refused cell's message names them. */
const STAFF_SOURCE_WORDS_LIST = Object.values(STAFF_SOURCE_WORDS)
  .map((words) => words[0])
  .join(" / ");
