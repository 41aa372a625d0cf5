// What goes into the data team's materials bundle, as pure rules: which approved requests (by kind and by
// the Beijing day the data team approved them) and what each photo is called inside the zip.
import type { WithdrawalKind } from "@/generated/prisma/enums";
import { type Text, text } from "@/lib/i18n/text";
import { endOfBeijingDay, parseDay, startOfBeijingDay } from "@/lib/time/beijing";
import { WITHDRAWAL_KINDS } from "./kinds";

export interface BundleFilter {
  kinds: WithdrawalKind[];
  /** Beijing days, inclusive; null for no bound */
  from: string | null;
  to: string | null;
}

/** The longest range one bundle covers: the whole campaign fits, a mistyped year does not. */
export const MAX_BUNDLE_DAYS = 366;

/**
 * The bundle's filter from the download form's query: `kind` (WITHDRAW, DECLINE, or empty for both),
 * `from` and `to` (YYYY-MM-DD, approval days in Beijing time, either may be empty). A bad value is a
 * sentence for the data team, never a silently wider bundle.
 */
export function bundleFilterOf(
  query: URLSearchParams,
): { ok: true; filter: BundleFilter } | { ok: false; error: Text } {
  const kind = query.get("kind") ?? "";
  if (kind !== "" && kind !== "ALL" && !(WITHDRAWAL_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, error: text("bundle.errors.kind") };
  }
  const day = (name: "from" | "to") => {
    const raw = query.get(name)?.trim() ?? "";
    return raw === "" ? { day: null } : parseDay(raw) ? { day: raw } : null;
  };
  const from = day("from");
  const to = day("to");
  if (!from || !to) return { ok: false, error: text("bundle.errors.date") };
  if (from.day && to.day) {
    if (from.day > to.day) return { ok: false, error: text("bundle.errors.order") };
    const days = (Date.parse(to.day) - Date.parse(from.day)) / 86_400_000;
    if (days >= MAX_BUNDLE_DAYS) return { ok: false, error: text("bundle.errors.tooLong", { max: MAX_BUNDLE_DAYS }) };
  }
  const kinds = kind === "" || kind === "ALL" ? [...WITHDRAWAL_KINDS] : [kind as WithdrawalKind];
  return { ok: true, filter: { kinds, from: from.day, to: to.day } };
}

/** The approval-time bounds of a filter, for the query. */
export function reviewedBetween(filter: BundleFilter): { gte?: Date; lte?: Date } {
  return {
    ...(filter.from ? { gte: startOfBeijingDay(filter.from) } : {}),
    ...(filter.to ? { lte: endOfBeijingDay(filter.to) } : {}),
  };
}

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" };

/**
 * Each photo's name in the zip, by 考生号: `photos/<考生号>-1.jpg`, `-2`, ... in the order given. A
 * candidate with more than one approved request (a 退档 and, readmitted later, a 放弃录取) keeps counting,
 * so no name is used twice. The 考生号 is digits, but anything else is made safe for a file name.
 */
export function photoNames<R extends { examNo: string; photos: readonly { mimeType: string }[] }>(
  requests: readonly R[],
): string[][] {
  const used = new Map<string, number>();
  return requests.map((request) => {
    const stem = request.examNo.replace(/[^0-9A-Za-z_-]/g, "_") || "_";
    return request.photos.map((photo) => {
      const n = (used.get(stem) ?? 0) + 1;
      used.set(stem, n);
      return `photos/${stem}-${n}.${EXTENSIONS[photo.mimeType] ?? "bin"}`;
    });
  });
}
