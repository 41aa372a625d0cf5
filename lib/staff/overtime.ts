// 加班补贴 as the admin enters it: an amount in yuan typed to the fen, a reason the person's payout
// statement shows, one person at a time or a whole xlsx (工号/学号, 姓名, 加班补贴(元), 事由). Pure: the
// amount is read from its digits (lib/settings/fields), never through a float; the file's rows are
// checked against the campaign's staff before anything is written (app/(app)/staff-pool/actions.ts).

import { type Text, text } from "@/lib/i18n/text";
import { cellText, foldWidth, normalizeLogin, normalizeText } from "@/lib/import/normalize";
import { yuanToFen } from "@/lib/settings/fields";
import type { OvertimeField } from "./overtime-columns";

/** The most one person's overtime may be: a typo's extra zeros are refused, not paid. */
export const MAX_OVERTIME_FEN = 10_000_00;
export const MAX_REASON_LENGTH = 200;

/** A typed or read amount in yuan to fen, or the sentence saying what is wrong with it. */
export function parseOvertimeYuan(typed: string): { ok: true; fen: number } | { ok: false; error: Text } {
  // full-width digits come from Chinese input methods
  const parsed = yuanToFen(foldWidth(typed));
  if (!parsed.ok || parsed.value < 0) return { ok: false, error: text("training.errors.amountInvalid") };
  if (parsed.value > MAX_OVERTIME_FEN) {
    return { ok: false, error: text("training.errors.amountTooBig", { max: MAX_OVERTIME_FEN / 100 }) };
  }
  return { ok: true, fen: parsed.value };
}

/**
 * The reason as stored: trimmed, required with an amount, and dropped when the amount is 0 (nothing to
 * explain on a statement that pays no overtime).
 */
export function overtimeReason(
  fen: number,
  typed: string,
): { ok: true; reason: string | null } | { ok: false; error: Text } {
  const reason = typed.trim().replace(/\s+/g, " ");
  if (fen === 0) return { ok: true, reason: null };
  if (reason === "") return { ok: false, error: text("training.errors.reasonRequired") };
  if (reason.length > MAX_REASON_LENGTH) {
    return { ok: false, error: text("training.errors.reasonTooLong", { max: MAX_REASON_LENGTH }) };
  }
  return { ok: true, reason };
}

/** One data row of the file, its cells by field. */
export interface OvertimeRow {
  row: number;
  cells: Partial<Record<OvertimeField, unknown>>;
}

/** Who the file may name: this campaign's staff by login. */
export interface OvertimeStaff {
  profileId: string;
  name: string;
  overtimeFen: number;
  overtimeReason: string | null;
}

export interface OvertimeChange {
  row: number;
  profileId: string;
  login: string;
  name: string;
  beforeFen: number;
  afterFen: number;
  reason: string | null;
}

export interface OvertimePlan {
  changes: OvertimeChange[];
  errors: { row: number; message: Text }[];
}

/**
 * Checks every row against the staff: an unknown login, a name that is not the login's, an amount that
 * is not one, a missing reason, a login twice. The plan is applied only when it has no error.
 */
export function planOvertime(rows: readonly OvertimeRow[], staff: ReadonlyMap<string, OvertimeStaff>): OvertimePlan {
  const changes: OvertimeChange[] = [];
  const errors: OvertimePlan["errors"] = [];
  const firstRow = new Map<string, number>();
  for (const { row, cells } of rows) {
    const fail = (message: Text) => errors.push({ row, message });
    const login = normalizeLogin(cells.login);
    if (!login.ok) {
      fail(login.message);
      continue;
    }
    const first = firstRow.get(login.value);
    if (first !== undefined) {
      fail(text("training.errors.row.duplicate", { login: login.value, first }));
      continue;
    }
    firstRow.set(login.value, row);
    const person = staff.get(login.value);
    if (!person) {
      fail(text("training.errors.row.unknownLogin", { login: login.value }));
      continue;
    }
    const name = normalizeText(cells.name, 40);
    if (!name.ok || name.value.replace(/\s+/g, "") !== person.name.replace(/\s+/g, "")) {
      fail(text("training.errors.row.nameMismatch", { login: login.value, name: person.name }));
      continue;
    }
    const amountText = cellText(cells.amount);
    const amount = parseOvertimeYuan(amountText);
    if (!amount.ok) {
      fail(text("training.errors.row.badAmount", { value: amountText }));
      continue;
    }
    const reason = overtimeReason(amount.fen, cellText(cells.reason));
    if (!reason.ok) {
      fail(
        amount.fen > 0 && cellText(cells.reason).trim() === ""
          ? text("training.errors.row.reasonRequired")
          : reason.error,
      );
      continue;
    }
    changes.push({
      row,
      profileId: person.profileId,
      login: login.value,
      name: person.name,
      beforeFen: person.overtimeFen,
      afterFen: amount.fen,
      reason: reason.reason,
    });
  }
  return { changes, errors };
}
