import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInflateRaw } from "node:zlib";
import { type Text, text } from "@/lib/i18n/text";

/** What an xlsx may inflate to before it is parsed (docs/reliability.md #12: zip bombs, huge shared strings). */
export const ZIP_LIMITS = {
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxEntryRatio: 200,
  maxEntries: 10_000,
} as const;

export type ZipVerdict =
  | { ok: true; entries: number; uncompressed: number }
  | { ok: false; code: string; message: Text };

interface Entry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const CORRUPT: Extract<ZipVerdict, { ok: false }> = {
  ok: false,
  code: "NOT_XLSX",
  message: text("imports.fileErrors.zipDirectoryBroken"),
};
const BOMB: Extract<ZipVerdict, { ok: false }> = {
  ok: false,
  code: "ZIP_BOMB",
  message: text("imports.fileErrors.zipBomb"),
};

/**
 * Refuses, before the spreadsheet reader inflates anything, an xlsx that would inflate beyond the
 * limits. First the central directory's claims are checked; then every entry is inflated once into
 * nothing, counting bytes and stopping at the first byte past its claim, since a crafted archive can
 * claim 1 KB for a 300 MB sheet. Memory stays at one chunk throughout.
 */
export async function checkZip(path: string): Promise<ZipVerdict> {
  let entries: Entry[];
  try {
    const listed = await readDirectory(path);
    if ("code" in listed) return listed;
    entries = listed.list;
  } catch {
    return CORRUPT;
  }
  let claimed = 0;
  for (const entry of entries) {
    claimed += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (claimed > ZIP_LIMITS.maxUncompressedBytes) return BOMB;
    if (entry.uncompressedSize > 10 * 1024 * 1024 && ratio > ZIP_LIMITS.maxEntryRatio) return BOMB;
  }
  for (const entry of entries) {
    const verdict = await inflatesAsClaimed(path, entry);
    if (verdict !== "ok") return verdict === "corrupt" ? CORRUPT : BOMB;
  }
  return { ok: true, entries: entries.length, uncompressed: claimed };
}

async function readDirectory(path: string): Promise<{ list: Entry[] } | Extract<ZipVerdict, { ok: false }>> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557); // EOCD (22 bytes) + the longest zip comment
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) {
      return { ok: false, code: "NOT_XLSX", message: text("imports.fileErrors.notXlsx") };
    }
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) {
      return { ok: false, code: "TOO_LARGE", message: text("imports.fileErrors.zip64") };
    }
    if (count > ZIP_LIMITS.maxEntries || directoryOffset + directorySize > size) return CORRUPT;
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    const entries: Entry[] = [];
    let offset = 0;
    for (let i = 0; i < count; i++) {
      if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== 0x02014b50) return CORRUPT;
      entries.push({
        method: directory.readUInt16LE(offset + 10),
        compressedSize: directory.readUInt32LE(offset + 20),
        uncompressedSize: directory.readUInt32LE(offset + 24),
        localHeaderOffset: directory.readUInt32LE(offset + 42),
      });
      offset +=
        46 +
        directory.readUInt16LE(offset + 28) +
        directory.readUInt16LE(offset + 30) +
        directory.readUInt16LE(offset + 32);
    }
    // where each entry's data starts: after its local header, whose name and extra lengths may differ
    for (const entry of entries) {
      const local = Buffer.alloc(30);
      const { bytesRead } = await file.read(local, 0, 30, entry.localHeaderOffset);
      if (bytesRead < 30 || local.readUInt32LE(0) !== 0x04034b50) return CORRUPT;
      entry.localHeaderOffset += 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (entry.localHeaderOffset + entry.compressedSize > size) return CORRUPT;
    }
    return { list: entries };
  } finally {
    await file.close();
  }
}

/** Inflates one entry into nothing, counting; "bomb" at the first byte beyond its claimed size. */
function inflatesAsClaimed(path: string, entry: Entry): Promise<"ok" | "bomb" | "corrupt"> {
  if (entry.method === 0) return Promise.resolve(entry.compressedSize === entry.uncompressedSize ? "ok" : "corrupt");
  if (entry.method !== 8) return Promise.resolve("corrupt");
  if (entry.compressedSize === 0) return Promise.resolve(entry.uncompressedSize === 0 ? "ok" : "corrupt");
  return new Promise((resolve) => {
    const source = createReadStream(path, {
      start: entry.localHeaderOffset,
      end: entry.localHeaderOffset + entry.compressedSize - 1,
    });
    const inflate = createInflateRaw();
    let produced = 0;
    let settled = false;
    const settle = (verdict: "ok" | "bomb" | "corrupt") => {
      if (settled) return;
      settled = true;
      source.destroy();
      inflate.destroy();
      resolve(verdict);
    };
    inflate.on("data", (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) settle("bomb");
    });
    inflate.on("end", () => settle(produced === entry.uncompressedSize ? "ok" : "corrupt"));
    inflate.on("error", () => settle("corrupt"));
    source.on("error", () => settle("corrupt"));
    source.pipe(inflate);
  });
}
