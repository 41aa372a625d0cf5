// A list file waits between its preview and its apply in the storage module (lib/storage), named by its
// sha-256 and format, so the apply works on exactly the file that was previewed, on whichever app
// instance it runs. It is deleted when applied, swept 24 hours after its upload, and removed with the
// campaign's data by retention.
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { type FileStore, StoredFileChangedError, type StoredFileInfo, UPLOAD_LIFETIME_MS } from "@/lib/storage";

export type ListFormat = "xlsx" | "csv";

export function uploadKey(fileHash: string, format: ListFormat): string {
  if (!/^[0-9a-f]{64}$/.test(fileHash)) throw new Error("not a sha-256");
  return `${fileHash}.${format}`;
}

const MIME_TYPES: Record<ListFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
};

/** Streams an uploaded list into the store; its name is known once its hash is. */
export function storeUpload(
  store: FileStore,
  content: AsyncIterable<Uint8Array>,
  options: { format: ListFormat; campaignId: string; maxBytes: number },
) {
  return store.put(
    {
      kind: "LIST_UPLOAD",
      key: (sha256) => uploadKey(sha256, options.format),
      mimeType: MIME_TYPES[options.format],
      campaignId: options.campaignId,
      maxBytes: options.maxBytes,
    },
    content,
  );
}

/**
 * Runs `read` on a private working copy of the stored list (a folder only this process's user can
 * open), removed as soon as `read` ends, whatever its outcome: the xlsx reader and its zip-bomb check
 * need a file they can seek in. Null when the upload is not (or no longer) stored, also when it was
 * deleted or replaced while it was copied: `read` never sees a file cut short, and gets the stored
 * size and sha-256, which the copy's bytes were checked against.
 */
export async function withUploadedList<T>(
  store: FileStore,
  upload: { fileHash: string; format: ListFormat },
  read: (file: string, stored: StoredFileInfo) => Promise<T>,
): Promise<T | null> {
  const stored = await store.get("LIST_UPLOAD", uploadKey(upload.fileHash, upload.format));
  if (!stored) return null;
  const folder = await mkdtemp(path.join(tmpdir(), "huifang-list-"));
  try {
    const file = path.join(folder, `list.${upload.format}`);
    try {
      await pipeline(stored.stream, createWriteStream(file, { mode: 0o600 }));
    } catch (error) {
      if (error instanceof StoredFileChangedError) return null;
      throw error;
    }
    return await read(file, stored.info);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function deleteUpload(store: FileStore, upload: { fileHash: string; format: ListFormat }): Promise<boolean> {
  return store.delete("LIST_UPLOAD", uploadKey(upload.fileHash, upload.format));
}

/** Removes the uploads older than 24 hours at `now` (never applied): on each upload and by `cli retention`. */
export function sweepUploads(store: FileStore, now: Date): Promise<number> {
  return store.sweep("LIST_UPLOAD", new Date(now.getTime() - UPLOAD_LIFETIME_MS));
}

/** How many files `sweepUploads` would remove at `now`: `cli retention`'s dry run. */
export function countExpiredUploads(store: FileStore, now: Date): Promise<number> {
  return store.count("LIST_UPLOAD", new Date(now.getTime() - UPLOAD_LIFETIME_MS));
}
