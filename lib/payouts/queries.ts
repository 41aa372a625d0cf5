import "server-only";
// What the payout pages read: the projection as it would be signed now beside the versions signed
// before, and one signed version from its frozen snapshot.
import { db } from "@/lib/db";
import { frozenRun, payoutRuns, payoutSnapshot } from "./runs";

export async function currentPayouts(campaignId: string) {
  const [snapshot, runs] = await Promise.all([payoutSnapshot(db(), campaignId), payoutRuns(db(), campaignId)]);
  return { snapshot, runs };
}

export function signedPayouts(campaignId: string, version: number) {
  return frozenRun(db(), campaignId, version);
}
