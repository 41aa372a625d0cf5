import "server-only";
// The staff list's reads on the app's database, for the import page's action and preview route (app/ never
// imports lib/db: lib/db/boundary.test.ts).
import { db } from "@/lib/db";
import type { FileStore } from "@/lib/storage";
import { prepareStaffImport, previewStaffList, type StaffListRead, type StaffUpload } from "./import";

export function prepareStaffUpload(store: FileStore, upload: StaffUpload) {
  return prepareStaffImport(db(), store, upload);
}

export function previewStaffUpload(campaignId: string, list: StaffListRead) {
  return previewStaffList(db(), campaignId, list);
}
