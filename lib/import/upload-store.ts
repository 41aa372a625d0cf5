import "server-only";
import { db, dbPool } from "@/lib/db";
import { databaseStore } from "@/lib/storage";
import { checkListFile } from "./check-file";
import type { ListKind, MappingChoice } from "./columns";
import { previewImport } from "./preview";
import { type ListFormat, withUploadedList } from "./uploads";

type StoredList = { fileHash: string; format: ListFormat };

/**
 * Where the app keeps list uploads between preview and apply: the storage module on the app's client,
 * large files' chunks on the app's own pool (lib/db dbPool), so the embedded database keeps its one
 * connection.
 */
export function uploadStore() {
  return databaseStore(db(), { chunkPool: dbPool() });
}

/** The preview of a stored upload against the campaign; null when the upload is no longer there. */
export function previewUpload(
  upload: StoredList,
  input: { campaignId: string; kind: ListKind; mapping?: MappingChoice },
) {
  return withUploadedList(uploadStore(), upload, (path, stored) =>
    previewImport(db(), { ...input, path, fileHash: stored.sha256 }),
  );
}

/** A stored upload checked again with the mapping its preview used; null when it is no longer there. */
export function checkUpload(upload: StoredList, kind: ListKind, mapping?: MappingChoice) {
  return withUploadedList(uploadStore(), upload, (path) => checkListFile(path, kind, undefined, { mapping }));
}
