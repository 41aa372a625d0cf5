import { notFound } from "next/navigation";
import type { SessionUser } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { groupForViewer } from "@/lib/dashboard/queries";

/**
 * What every page of one group starts with, once the viewer has passed the page's own permission check:
 * the current campaign and the group, if this viewer may open it (a leader only their own, else 404).
 * null while there is no campaign yet: the page shows its empty state.
 */
export async function openGroup(viewer: SessionUser, params: Promise<{ groupId: string }>) {
  const campaign = await currentCampaign();
  if (!campaign) return null;
  const { groupId } = await params;
  const group = await groupForViewer(viewer, campaign.id, groupId);
  if (!group) notFound();
  return { campaign, group };
}
