import type { Prisma } from "@/lib/db/client";

/**
 * The campaign the app works on: the one an admin marked current (at most one is: a partial unique index),
 * else the newest, as before campaigns could be marked. Every place that picks it uses this order.
 */
export const CURRENT_CAMPAIGN_FIRST: Prisma.CampaignOrderByWithRelationInput[] = [
  { isCurrent: "desc" },
  { year: "desc" },
  { createdAt: "desc" },
];
