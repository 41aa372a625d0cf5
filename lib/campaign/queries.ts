import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { CURRENT_CAMPAIGN_FIRST } from "./latest";
import { pastStudentsWhere } from "./past-students";

/** The campaign the app works on (CURRENT_CAMPAIGN_FIRST). */
export const currentCampaign = cache(async () => {
  return db().campaign.findFirst({
    orderBy: CURRENT_CAMPAIGN_FIRST,
    include: { phaseWindows: { orderBy: { phase: "asc" } } },
  });
});

export type CurrentCampaign = NonNullable<Awaited<ReturnType<typeof currentCampaign>>>;

/** Every campaign for the admin's list, newest first, with what tells them apart and which one is in use. */
export async function campaignList() {
  const [campaigns, inUse] = await Promise.all([
    db().campaign.findMany({
      orderBy: [{ year: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        name: true,
        year: true,
        planSize: true,
        phaseWindows: { orderBy: { phase: "asc" }, select: { phase: true, opensAt: true, closesAt: true } },
        _count: { select: { groups: true, candidates: true } },
      },
    }),
    currentCampaign(),
  ]);
  return campaigns.map((c) => ({ ...c, isCurrent: c.id === inUse?.id }));
}

export type CampaignListEntry = Awaited<ReturnType<typeof campaignList>>[number];

/** How many accounts 停用往届学生账号 would disable now (lib/campaign/past-students.ts). */
export async function pastStudentCount(campaignId: string) {
  return db().user.count({ where: pastStudentsWhere(campaignId) });
}
