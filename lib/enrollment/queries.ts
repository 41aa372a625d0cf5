import "server-only";
// What the enrollment pages read (lib/db's boundary: pages read through lib/<area>/queries.ts): the
// mismatch list and one candidate's record, from the app's database.
import { db } from "@/lib/db";
import { enrollmentDetail, enrollmentMismatches, type MismatchKind, mismatchCounts } from "./mismatches";

export function mismatchCountsOf(campaignId: string) {
  return mismatchCounts(db(), campaignId);
}

export function mismatchesOf(campaignId: string, options: { kind?: MismatchKind; limit?: number }) {
  return enrollmentMismatches(db(), campaignId, options);
}

export function enrollmentDetailOf(campaignId: string, candidateId: string) {
  return enrollmentDetail(db(), campaignId, candidateId);
}
