// The overtime file's columns by their usual Chinese names (matched against the file's header, as the
// staff list's are in lib/import/columns): 工号/学号, 姓名, 加班补贴(元), 事由.

import { text } from "@/lib/i18n/text";
import type { ListSpec } from "@/lib/import/columns";
import { normalizeLogin, normalizeText } from "@/lib/import/normalize";

export type OvertimeField = "login" | "name" | "amount" | "reason";

const keep = (value: unknown) => ({ ok: true as const, value });

/** The overtime file's columns, found by their usual names as the staff list's are (lib/import/columns). */
export const OVERTIME_SPEC: ListSpec<OvertimeField> = {
  name: text("training.overtime.import.title"),
  fields: {
    login: { aliases: ["工号/学号", "工号", "学号", "账号", "学号/工号", "工号或学号"], normalize: normalizeLogin },
    name: { aliases: ["姓名"], normalize: (v) => normalizeText(v, 40) },
    amount: { aliases: ["加班补贴(元)", "加班补贴", "加班补贴金额", "金额", "金额(元)"], normalize: keep },
    reason: { aliases: ["事由", "加班事由", "原因", "说明"], normalize: keep },
  },
  required: ["login", "name", "amount", "reason"],
  key: "login",
  merged: [],
};
