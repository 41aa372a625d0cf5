import { open } from "node:fs/promises";

/** What an xlsx may inflate to before it is parsed (RELIABILITY #12: zip bombs, huge shared strings). */
export const ZIP_LIMITS = {
  maxUncompressedBytes: 400 * 1024 * 1024,
  maxEntryRatio: 200,
  maxEntries: 10_000,
} as const;

export type ZipVerdict =
  | { ok: true; entries: number; uncompressed: number }
  | { ok: false; code: string; message: string };

/**
 * Reads the zip's central directory (a few KB at the end of the file) and refuses, before anything is
 * inflated, an archive that claims to inflate beyond the limits or at a ratio no spreadsheet has.
 */
export async function checkZip(path: string): Promise<ZipVerdict> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557); // EOCD (22 bytes) + the longest zip comment
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return { ok: false, code: "NOT_XLSX", message: "文件不是有效的 xlsx（找不到压缩目录）。" };
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || directoryOffset === 0xffffffff) {
      return { ok: false, code: "TOO_LARGE", message: "文件过大（ZIP64），请拆分后再导入。" };
    }
    if (entries > ZIP_LIMITS.maxEntries || directoryOffset + directorySize > size) {
      return { ok: false, code: "NOT_XLSX", message: "文件的压缩目录已损坏。" };
    }
    const directory = Buffer.alloc(directorySize);
    await file.read(directory, 0, directorySize, directoryOffset);
    let offset = 0;
    let uncompressed = 0;
    for (let i = 0; i < entries; i++) {
      if (directory.readUInt32LE(offset) !== 0x02014b50) {
        return { ok: false, code: "NOT_XLSX", message: "文件的压缩目录已损坏。" };
      }
      const compressedSize = directory.readUInt32LE(offset + 20);
      const entrySize = directory.readUInt32LE(offset + 24);
      uncompressed += entrySize;
      const ratio = entrySize / Math.max(1, compressedSize);
      if (
        uncompressed > ZIP_LIMITS.maxUncompressedBytes ||
        (entrySize > 10 * 1024 * 1024 && ratio > ZIP_LIMITS.maxEntryRatio)
      ) {
        return { ok: false, code: "ZIP_BOMB", message: "文件解压后异常巨大，已拒绝读取。请用 Excel 重新保存后再试。" };
      }
      offset +=
        46 +
        directory.readUInt16LE(offset + 28) +
        directory.readUInt16LE(offset + 30) +
        directory.readUInt16LE(offset + 32);
    }
    return { ok: true, entries, uncompressed };
  } finally {
    await file.close();
  }
}
