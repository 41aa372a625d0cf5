export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
/** Same cookie name next-intl uses for its own locale detection. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
// Campaign times are shown in the college's time zone, whatever the server's.
export const TIME_ZONE = "Asia/Shanghai";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
