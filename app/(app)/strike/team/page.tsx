import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StrikeTabs } from "@/components/strike/tabs";
import { TeamSection } from "@/components/teams/team-section";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("sections.strike") };
}

/** 突击组成员: the callback lead picks the strike team. */
export default async function StrikeTeamPage() {
  await requirePermission("team.strike.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("strike.title")} />
      <StrikeTabs active="team" />
      <TeamSection team="strike" />
    </>
  );
}
