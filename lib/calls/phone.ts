/** 13812345678 -> 138****5678: numbers stay masked until the assigned caller reveals them. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
