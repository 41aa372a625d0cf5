// Photos of the signed withdrawal form: what is accepted, checked on the bytes, not the file name.
import { type Text, text } from "@/lib/i18n/text";

const MB = 1024 * 1024;

export const PHOTO_LIMITS = {
  /** the form scales photos down to ~1600 px before upload; this bounds what a crafted post can store */
  maxBytes: 3 * MB,
  perRequest: 6,
} as const;

/** The image type by its magic bytes: JPEG, PNG or WebP; null for anything else. */
export function imageMimeType(bytes: Uint8Array): "image/jpeg" | "image/png" | "image/webp" | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

export function photoError(bytes: Uint8Array): { code: "TOO_LARGE" | "NOT_AN_IMAGE"; message: Text } | null {
  if (bytes.length > PHOTO_LIMITS.maxBytes) {
    return { code: "TOO_LARGE", message: text("withdrawal.errors.photoTooLarge", { mb: PHOTO_LIMITS.maxBytes / MB }) };
  }
  if (!imageMimeType(bytes)) return { code: "NOT_AN_IMAGE", message: text("withdrawal.errors.notAnImage") };
  return null;
}
