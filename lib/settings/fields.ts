// Pure conversions between what the admin types (元, %, whole numbers) and what a policy stores (fen,
// permille, integers). Parsing is exact on the typed digits: "12.5" 元 is 1250 fen, never 1249.9999.

/** How a stored value is shown and typed. */
export type FieldKind = "yuan" | "rate" | "int" | "decimal" | "bool" | "choice";

/** The unit shown beside a field; its label comes from the settings catalogue (settings.units.*). */
export type Unit =
  | "yuan"
  | "yuanPerStudent"
  | "percent"
  | "minutesPerStudent"
  | "timesPerStudent"
  | "times"
  | "days"
  | "hours"
  | "people"
  | "hour"
  | "factor"
  | "characters"
  | "screenshots"
  | "seconds"
  | "candidates"
  | "logs"
  | "points"
  | "yuanPerPoint";

/** Why a typed value was refused; the page shows the catalogue's sentence for the code (settings.errors.*). */
export type FieldIssue =
  | { key: string; code: "required" | "notNumber" | "notWhole" | "tooManyDecimals" }
  | { key: string; code: "tooSmall"; min: string }
  | { key: string; code: "tooBig"; max: string }
  | { key: string; code: "invalid" | "closesBeforeOpens" | "overlapsPrevious" }
  /** a phase window outside the campaign's year and the next: first and last allowed day */
  | { key: string; code: "outsideCampaignYears"; first: string; last: string }
  /** a cross-field rule, with the catalogue key (or, not yet moved, the sentence) the policy schema wrote */
  | { key: string; code: "rule"; message: string };

export type FieldValue = string | boolean;

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Reads a typed decimal to an integer count of 1/10^scale units ("12.5", 2 -> 1250), or a reason. */
export function parseScaled(
  text: string,
  scale: number,
): { ok: true; value: number } | { ok: false; code: "required" | "notNumber" | "tooManyDecimals" } {
  const trimmed = text.trim().replace(/，/g, ",").replace(/。/g, ".").replace(/,/g, "");
  if (trimmed === "") return { ok: false, code: "required" };
  const match = NUMBER.exec(trimmed);
  if (!match) return { ok: false, code: "notNumber" };
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > scale) return { ok: false, code: "tooManyDecimals" };
  const value = Number(whole) * 10 ** scale + Number(fraction.padEnd(scale, "0") || "0");
  if (!Number.isSafeInteger(value)) return { ok: false, code: "notNumber" };
  return { ok: true, value: sign === "-" ? -value : value };
}

/** An integer count of 1/10^scale units back to the shortest text (1250, 2 -> "12.5"; 1200, 2 -> "12"). */
export function formatScaled(value: number, scale: number): string {
  const negative = value < 0;
  const abs = Math.abs(value);
  const unit = 10 ** scale;
  const whole = Math.floor(abs / unit);
  const fraction = String(abs % unit)
    .padStart(scale, "0")
    .replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** 元 as typed -> fen: "65" -> 6500, "0.5" -> 50. */
export const yuanToFen = (text: string) => parseScaled(text, 2);
/** fen -> 元 as the form shows it: 6500 -> "65", 50 -> "0.5". */
export const fenToYuan = (fen: number) => formatScaled(fen, 2);
/** % as typed -> permille: "93.5" -> 935. */
export const percentToPermille = (text: string) => parseScaled(text, 1);
/** permille -> %: 935 -> "93.5", 930 -> "93". */
export const permilleToPercent = (permille: number) => formatScaled(permille, 1);

/** How many decimals each numeric kind accepts, as typed. */
const SCALE: Record<"yuan" | "rate" | "int" | "decimal", number> = { yuan: 2, rate: 1, int: 0, decimal: 2 };

export interface FieldSpec {
  /** The stored path, dotted ("workload.contactsPerAssigned"); also the form's key and the error's key. */
  key: string;
  kind: FieldKind;
  unit?: Unit;
  /** Bounds in the typed unit (元, %, whole numbers). */
  min?: number;
  max?: number;
  options?: readonly string[];
}

/** The stored value of one field, shown as the form holds it. */
export function formatField(spec: FieldSpec, stored: unknown): FieldValue {
  switch (spec.kind) {
    case "bool":
      return stored === true;
    case "choice":
      return typeof stored === "string" ? stored : (spec.options?.[0] ?? "");
    case "yuan":
      return fenToYuan(Number(stored));
    case "rate":
      return permilleToPercent(Number(stored));
    default:
      return String(stored);
  }
}

/** The typed value of one field, checked against its bounds and converted to what is stored. */
export function parseField(
  spec: FieldSpec,
  typed: FieldValue | undefined,
): { ok: true; value: number | string | boolean } | { ok: false; issue: FieldIssue } {
  const key = spec.key;
  if (spec.kind === "bool") {
    return typeof typed === "boolean" ? { ok: true, value: typed } : { ok: false, issue: { key, code: "invalid" } };
  }
  if (spec.kind === "choice") {
    return typeof typed === "string" && spec.options?.includes(typed)
      ? { ok: true, value: typed }
      : { ok: false, issue: { key, code: "invalid" } };
  }
  if (typeof typed !== "string") return { ok: false, issue: { key, code: "required" } };
  const scale = SCALE[spec.kind];
  const parsed = parseScaled(typed, scale);
  if (!parsed.ok) {
    const code = parsed.code === "tooManyDecimals" && scale === 0 ? "notWhole" : parsed.code;
    return { ok: false, issue: { key, code } };
  }
  const unit = 10 ** scale;
  if (spec.min !== undefined && parsed.value < Math.round(spec.min * unit)) {
    return { ok: false, issue: { key, code: "tooSmall", min: String(spec.min) } };
  }
  if (spec.max !== undefined && parsed.value > Math.round(spec.max * unit)) {
    return { ok: false, issue: { key, code: "tooBig", max: String(spec.max) } };
  }
  // yuan are stored as fen and rates as permille: exactly the scaled integer; plain numbers as themselves
  const value = spec.kind === "yuan" || spec.kind === "rate" ? parsed.value : parsed.value / unit;
  return { ok: true, value };
}

/** Reads a dotted path of a nested object. */
export function getPath(source: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      source,
    );
}

/** Writes a dotted path into a nested object, creating the objects on the way. */
export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split(".");
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object" || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}
