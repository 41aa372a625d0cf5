import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { imageMimeType, PHOTO_LIMITS, photoError } from "./photos";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
/** A buffer of `size` bytes that starts with `head`. */
const sized = (head: Uint8Array, size: number) => {
  const out = new Uint8Array(size);
  out.set(head);
  return out;
};

const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
const WEBP = concat(ascii("RIFF"), bytes(0x24, 0x00, 0x00, 0x00), ascii("WEBPVP8 "));

describe("imageMimeType (by the bytes, not the name)", () => {
  it.each([
    ["a JPEG", JPEG, "image/jpeg"],
    ["a bare JPEG signature", bytes(0xff, 0xd8, 0xff), "image/jpeg"],
    ["a PNG", PNG, "image/png"],
    ["a bare PNG signature", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), "image/png"],
    ["a WebP", WEBP, "image/webp"],
    ["a bare WebP header", concat(ascii("RIFF"), bytes(0, 0, 0, 0), ascii("WEBP")), "image/webp"],
  ] as const)("recognises %s", (_, file, mime) => {
    expect(imageMimeType(file)).toBe(mime);
  });

  it.each([
    ["an empty file", new Uint8Array(0)],
    ["a text file", ascii("这不是图片 / not an image\n")],
    ["a text file named .jpg", ascii("FFD8FF as text")],
    ["a GIF87a", concat(ascii("GIF87a"), bytes(1, 0, 1, 0))],
    ["a GIF89a", concat(ascii("GIF89a"), bytes(1, 0, 1, 0))],
    ["a PDF", ascii("%PDF-1.7\n")],
    ["a truncated JPEG header", bytes(0xff, 0xd8)],
    ["a JPEG header with the wrong third byte", bytes(0xff, 0xd8, 0xfe, 0xe0)],
    ["a truncated PNG header", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)],
    ["a truncated WebP header", concat(ascii("RIFF"), bytes(0, 0, 0, 0), ascii("WEB"))],
    ["a RIFF that is a WAV sound", concat(ascii("RIFF"), bytes(0, 0, 0, 0), ascii("WAVEfmt "))],
    ["a zip (docx, xlsx)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
  ])("refuses %s", (_, file) => {
    expect(imageMimeType(file)).toBeNull();
  });

  it("never throws and names only the three accepted types", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (file) => {
        expect([null, "image/jpeg", "image/png", "image/webp"]).toContain(imageMimeType(file));
      }),
    );
  });
});

describe("photoError", () => {
  const max = PHOTO_LIMITS.maxBytes;

  it("allows 3 MB", () => {
    expect(max).toBe(3 * 1024 * 1024);
  });

  it.each([
    ["a small JPEG", JPEG, null],
    ["a JPEG of exactly the limit", sized(JPEG, max), null],
    ["a PNG of exactly the limit", sized(PNG, max), null],
    ["a JPEG one byte over the limit", sized(JPEG, max + 1), "TOO_LARGE"],
    ["a text file over the limit", sized(ascii("hello"), max + 1), "TOO_LARGE"],
    ["a text file", ascii("hello"), "NOT_AN_IMAGE"],
    ["a GIF", concat(ascii("GIF89a"), bytes(1, 0, 1, 0)), "NOT_AN_IMAGE"],
    ["an empty file", new Uint8Array(0), "NOT_AN_IMAGE"],
  ] as const)("%s -> %s", (_, file, code) => {
    const error = photoError(file);
    expect(error?.code ?? null).toBe(code);
    if (error)
      expect(renderText(translatorFor("zh-CN"), error.message)).toMatch(
        code === "TOO_LARGE" ? /3 MB/ : /JPEG、PNG 或 WebP/,
      );
  });
});
