import type { Prisma } from "@/lib/db/client";

/** The campaign the app works on is the newest one; every place that picks it uses this order. */
export const LATEST_CAMPAIGN_FIRST: Prisma.CampaignOrderByWithRelationInput[] = [
  { year: "desc" },
  { createdAt: "desc" },
];
