import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InspectionTabs } from "@/components/inspection/tabs";
import { TeamSection } from "@/components/teams/team-section";
import { PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("sections.inspection") };
}

/** 督查组成员: the inspection co-leads add and remove inspectors. */
export default async function InspectionTeamPage() {
  await requirePermission("team.inspection.manage");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("inspection.title")} />
      <InspectionTabs active="team" />
      <TeamSection team="inspection" />
    </>
  );
}
