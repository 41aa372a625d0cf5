import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** The campaign the app works on: the newest one. */
export const currentCampaign = cache(async () => {
  return db().campaign.findFirst({
    orderBy: [{ year: "desc" }, { createdAt: "desc" }],
    include: { phaseWindows: { orderBy: { phase: "asc" } } },
  });
});

export type CurrentCampaign = NonNullable<Awaited<ReturnType<typeof currentCampaign>>>;
