import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CURRENT_CAMPAIGN_FIRST } from "./latest";
import { pastStudentsWhere } from "./past-students";
import { mayLookBack, shownCampaign, VIEW_COOKIE } from "./view";

/**
 * Every page's campaign, the one way pages read it: the campaign the app works on (CURRENT_CAMPAIGN_FIRST),
 * or the past campaign the person chose to look at, if they may (lib/campaign/view.ts; the layout then
 * says so and switches the page's forms off). Actions never use this: they write to the campaign in use,
 * read in their transaction (lib/campaign/current.ts).
 */
export const currentCampaign = cache(async () => {
  const view = await campaignView();
  if (!view.shown) return null;
  return db().campaign.findUnique({
    where: { id: view.shown.id },
    include: { phaseWindows: { orderBy: { phase: "asc" } } },
  });
});

/** The cookie of a past campaign's view, or nothing outside a request (scripts, tests). */
async function requestedCampaignId(): Promise<string | undefined> {
  try {
    return (await cookies()).get(VIEW_COOKIE)?.value;
  } catch {
    return undefined;
  }
}

/**
 * What the header shows: whether the person may look back, the campaigns to choose from, which one the
 * pages show and whether it is a past one (read-only). The cookie is checked here on each request.
 */
export const campaignView = cache(async () => {
  const [user, requested, campaigns] = await Promise.all([
    getSessionUser(),
    requestedCampaignId(),
    db().campaign.findMany({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true, name: true, year: true } }),
  ]);
  const roles = user?.roles ?? [];
  // the first in CURRENT_CAMPAIGN_FIRST order is the campaign in use
  const currentId = campaigns[0]?.id ?? null;
  const shown = shownCampaign({ requested, roles, campaignIds: campaigns.map((c) => c.id), currentId });
  return {
    mayLookBack: mayLookBack(roles) && campaigns.length > 1,
    campaigns: campaigns.map((c) => ({ ...c, inUse: c.id === currentId })),
    shown: campaigns.find((c) => c.id === shown.id) ?? null,
    past: shown.past,
  };
});

export type CurrentCampaign = NonNullable<Awaited<ReturnType<typeof currentCampaign>>>;

/** Every campaign for the admin's list, newest first, with what tells them apart and which one is in use. */
export async function campaignList() {
  const [campaigns, view] = await Promise.all([
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
    campaignView(),
  ]);
  const inUse = view.campaigns.find((c) => c.inUse);
  return campaigns.map((c) => ({ ...c, isCurrent: c.id === inUse?.id }));
}

export type CampaignListEntry = Awaited<ReturnType<typeof campaignList>>[number];

/** How many accounts 停用往届学生账号 would disable now (lib/campaign/past-students.ts). */
export async function pastStudentCount(campaignId: string) {
  return db().user.count({ where: pastStudentsWhere(campaignId) });
}
