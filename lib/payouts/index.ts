// Money for one campaign, from the database: the inputs lib/subsidy pays from, and the projection
// ("if the campaign closed now") every dashboard shows. lib/subsidy stays pure; this is its only reader.
import type { Reader } from "@/lib/db/client";
import { computePayouts, type PayoutResult } from "@/lib/subsidy";
import { loadPayoutInput } from "./inputs";

export { type CallerRow, loadCallerPayoutInput, loadPayoutInput, toCallerInput } from "./inputs";
export { withNames } from "./names";
export { type CallerPenalties, type FindingForPayout, penaltiesFromFindings } from "./penalties";

/** Every caller's and leader's payout if the campaign closed now, with the inputs it was computed from. */
export async function projectPayouts(reader: Reader, campaignId: string) {
  const { input, policy } = await loadPayoutInput(reader, campaignId);
  const result: PayoutResult = computePayouts(input, policy);
  return { input, policy, result };
}
