import "server-only";
// What the bundle route reads (lib/db's boundary: routes read through lib as pages do), from the app's
// database: the approved requests, then their photos one at a time as the zip is written.
import { db } from "@/lib/db";
import { approvedMaterials, type BundleRequest, bundleEntries } from "./bundle";
import type { BundleFilter } from "./bundle-plan";

export function approvedMaterialsOf(campaignId: string, filter: BundleFilter) {
  return approvedMaterials(db(), campaignId, filter);
}

export function bundleEntriesOf(requests: readonly BundleRequest[], summary: Buffer) {
  return bundleEntries(db(), requests, summary);
}
