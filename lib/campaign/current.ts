import { ActionError } from "@/lib/action/errors";
import type { Prisma } from "@/lib/db/client";
import { CURRENT_CAMPAIGN_FIRST } from "./latest";

/**
 * The campaign every action writes to, read in the action's own transaction: the current one, whatever
 * campaign the person's pages show (a past campaign is read-only, lib/campaign/view.ts). Pages read
 * theirs through currentCampaign() in lib/campaign/queries.ts instead.
 */
export function campaignInUse(tx: Prisma.TransactionClient) {
  return tx.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true } });
}

/**
 * A where fragment that keeps an action's records to the campaign in use, so a crafted post with a past
 * campaign's record ids matches nothing and is answered as not found. Without any campaign, nothing is.
 */
export async function inCampaignInUse(tx: Prisma.TransactionClient): Promise<{ campaignId: string }> {
  const campaign = await campaignInUse(tx);
  if (!campaign) throw new ActionError("NOT_FOUND");
  return { campaignId: campaign.id };
}
