/** Enrollment rate in permille, floored as the money rules read it; null without admitted candidates. */
export function ratePermille(enrolled: number, admitted: number): number | null {
  if (admitted <= 0) return null;
  return Math.floor((enrolled * 1000) / admitted);
}

/** How many more enrollments lift enrolled/admitted to at least `targetPermille` (0 when reached). */
export function enrollmentsNeeded(enrolled: number, admitted: number, targetPermille: number): number {
  if (admitted <= 0) return 0;
  // smallest k with (enrolled + k) * 1000 >= target * admitted, in integers
  const needed = Math.ceil((targetPermille * admitted) / 1000) - enrolled;
  return Math.max(0, needed);
}

/** 934 -> "93.4%"; null -> "—". */
export function formatPermille(permille: number | null): string {
  if (permille === null) return "—";
  return `${Math.floor(permille / 10)}.${permille % 10}%`;
}

/** 13812345678 -> 138****5678: numbers stay masked until the assigned caller reveals them. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
