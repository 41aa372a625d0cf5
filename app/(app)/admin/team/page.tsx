import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TeamLeadsSection, TeamSection } from "@/components/teams/team-section";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teams"))("adminLink") };
}

/** 数据组成员 (the data team's lead, admins) and, for admins, 团队负责人: who leads each team. */
export default async function AdminTeamPage() {
  const user = await requirePermission("team.data.manage");
  const t = await getTranslations();
  return (
    <>
      <Link href="/admin" className="mb-2 inline-flex min-h-9 items-center text-sm text-brand-700 underline">
        {t("areas.admin")}
      </Link>
      <PageHeader title={t("teams.adminLink")} />
      {can(user.roles, "team.leads.manage") ? <TeamLeadsSection /> : null}
      <TeamSection team="data" />
    </>
  );
}
