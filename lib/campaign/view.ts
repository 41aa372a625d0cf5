// Looking at a past campaign, read-only: the admins, the callback lead, the inspectors and the data team
// may switch what their pages show to an earlier campaign (a cookie holding its id, checked on every
// request); for anybody else the cookie is ignored. Pure: what the request asked for in, what is shown out.
import { can, type Role } from "@/lib/auth/permissions";

export const VIEW_COOKIE = "huifang-campaign-view";

export function mayLookBack(roles: readonly Role[]): boolean {
  return can(roles, "pastCampaign.view");
}

/**
 * Which campaign a page shows: the requested one if the person may look back and it exists, else the
 * current one; `past` when that is not the current one (the pages are then read-only).
 */
export function shownCampaign(input: {
  requested: string | null | undefined;
  roles: readonly Role[];
  campaignIds: readonly string[];
  currentId: string | null;
}): { id: string | null; past: boolean } {
  const { requested, roles, campaignIds, currentId } = input;
  if (requested && mayLookBack(roles) && campaignIds.includes(requested)) {
    return { id: requested, past: requested !== currentId };
  }
  return { id: currentId, past: false };
}
