import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { LATEST_CAMPAIGN_FIRST } from "./latest";

/** The campaign the app works on: the newest one. */
export const currentCampaign = cache(async () => {
  return db().campaign.findFirst({
    orderBy: LATEST_CAMPAIGN_FIRST,
    include: { phaseWindows: { orderBy: { phase: "asc" } } },
  });
});

export type CurrentCampaign = NonNullable<Awaited<ReturnType<typeof currentCampaign>>>;
