// Integer arithmetic and display for fen and permille: the figures only, the units and words around them
// come from the catalogue (./steps yuan(), points()). Nothing here uses floating-point division on money:
// `(n - (n % d)) / d` is an exact integer when n and d are safe non-negative integers.

/** floor(n / d) for a non-negative integer n and a positive integer d. */
export function floorDiv(n: number, d: number): number {
  return (n - (n % d)) / d;
}

/** amountFen × percent %, rounded half up to the fen. */
export function applyPercentHalfUp(amountFen: number, percent: number): number {
  return floorDiv(amountFen * percent + 50, 100);
}

/** floor(enrolled × 1000 / admitted), or null when nobody was admitted. */
export function ratePermilleOf(enrolled: number, admitted: number): number | null {
  return admitted === 0 ? null : floorDiv(enrolled * 1000, admitted);
}

/** How many more enrollments lift enrolled/admitted to at least `targetPermille` (0 when reached). */
export function enrollmentsNeeded(enrolled: number, admitted: number, targetPermille: number): number {
  if (admitted === 0) return 0;
  // the smallest k with (enrolled + k) × 1000 >= target × admitted: ceil(target × admitted / 1000) − enrolled
  const needed = floorDiv(targetPermille * admitted + 999, 1000) - enrolled;
  return Math.max(0, needed);
}

/**
 * Compares two exact rates e1/a1 and e2/a2 (a1, a2 > 0) without rounding, so that two callers whose
 * rates floor to the same permille are still ranked by what they actually achieved.
 */
export function compareRates(e1: number, a1: number, e2: number, a2: number): number {
  return e1 * a2 - e2 * a1;
}

/** Whether the exact rate enrolled/admitted passes a permille edge (above it, or equal when inclusive). */
export function passesEdge(enrolled: number, admitted: number, boundPermille: number, inclusive: boolean): boolean {
  const scaled = enrolled * 1000;
  const edge = boundPermille * admitted;
  return inclusive ? scaled >= edge : scaled > edge;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 720000 -> "7,200.00" (no unit). */
export function formatYuanNumber(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = floorDiv(abs, 100);
  const cents = abs % 100;
  return `${sign}${groupThousands(String(yuan))}.${String(cents).padStart(2, "0")}`;
}

/** 956 -> "95.6%"; null (no rate) -> "—". */
export function formatPermille(permille: number | null): string {
  if (permille === null) return "—";
  return `${floorDiv(permille, 10)}.${permille % 10}%`;
}

/**
 * The exact rate to two decimals of a percent, truncated, with "…" when digits were cut:
 * 287/300 -> "95.66…%", 96/100 -> "96.00%".
 */
export function formatExactRate(enrolled: number, admitted: number): string {
  const scaled = enrolled * 10_000;
  const basisPoints = floorDiv(scaled, admitted);
  const cut = scaled % admitted !== 0 ? "…" : "";
  const whole = floorDiv(basisPoints, 100);
  const decimals = String(basisPoints % 100).padStart(2, "0");
  return `${whole}.${decimals}${cut}%`;
}

/** A permille bound as the seed writes it: 930 -> "93%", 955 -> "95.5%". */
export function formatBound(boundPermille: number): string {
  return boundPermille % 10 === 0 ? `${floorDiv(boundPermille, 10)}%` : formatPermille(boundPermille);
}

/** A tier edge as the seed's table writes it: "≥99%", ">95%". */
export function formatEdge(boundPermille: number, inclusive: boolean): string {
  return `${inclusive ? "≥" : ">"}${formatBound(boundPermille)}`;
}
