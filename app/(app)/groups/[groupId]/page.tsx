import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { GroupDashboard } from "@/components/groups/group-dashboard";
import { GroupRoster } from "@/components/groups/group-roster";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { beijingDay } from "@/lib/time";
import { openGroup } from "./open-group";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("groups") };
}

/** One group's dashboard: the callback lead and admins open any group, a leader only their own (else 404). */
export default async function GroupPage({ params }: { params: Promise<{ groupId: string }> }) {
  const user = await requirePermission("groups.view");
  const opened = await openGroup(user, params);
  if (!opened) return <NoCampaign />;
  const { campaign, group } = opened;
  // the actions' own scope (lib/groups/scope.ts): a leader their group, who oversees every group any
  const manages = group.leaderId === user.id || can(user.roles, "groups.viewAll");
  return (
    <>
      <PhaseBanner campaign={campaign} now={new Date()} />
      <GroupDashboard
        campaign={campaign}
        group={group}
        viewerId={user.id}
        showBack={can(user.roles, "groups.viewAll")}
      />
      <GroupRoster
        campaignId={campaign.id}
        groupId={group.id}
        today={beijingDay(new Date())}
        mayEdit={can(user.roles, "roster.edit") && manages}
        mayDecide={can(user.roles, "leave.decide") && manages}
      />
    </>
  );
}
