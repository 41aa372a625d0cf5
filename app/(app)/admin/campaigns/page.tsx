import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MakeCurrentButton } from "@/components/campaign/make-current-button";
import { type CampaignSource, NewCampaignForm } from "@/components/campaign/new-campaign-form";
import { DisablePastStudents } from "@/components/teams/disable-past-students";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { type CampaignListEntry, campaignList, pastStudentCount } from "@/lib/campaign/queries";
import { beijingDateTime, beijingDay } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("campaigns"))("title") };
}

/**
 * The admin's campaigns: every year's campaign, which one is current (every working page uses it),
 * and a new one, from the plan's defaults or an earlier campaign. The data team, who can open /admin,
 * gets the 403 page, as for the settings.
 */
export default async function CampaignsPage() {
  await requirePermission("campaign.configure");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaigns = await campaignList();
  const inUse = campaigns.find((c) => c.isCurrent);
  const pastStudents = inUse ? await pastStudentCount(inUse.id) : 0;
  const day = (at: Date) => format.dateTime(at, { year: "numeric", month: "numeric", day: "numeric" });

  const columns: Column<CampaignListEntry>[] = [
    { key: "name", label: t("campaigns.columns.name"), primary: true, cell: (c) => <Zh>{c.name}</Zh> },
    { key: "year", label: t("campaigns.columns.year"), cell: (c) => c.year },
    { key: "planSize", label: t("campaigns.columns.planSize"), align: "right", cell: (c) => c.planSize },
    {
      key: "phases",
      label: t("campaigns.columns.phases"),
      cell: (c) => {
        const first = c.phaseWindows[0];
        const last = c.phaseWindows.at(-1);
        return first && last ? `${day(first.opensAt)} – ${day(last.closesAt)}` : t("campaigns.noPhases");
      },
    },
    { key: "groups", label: t("campaigns.columns.groups"), align: "right", cell: (c) => c._count.groups },
    { key: "candidates", label: t("campaigns.columns.candidates"), align: "right", cell: (c) => c._count.candidates },
    {
      key: "state",
      label: t("campaigns.columns.state"),
      cell: (c) =>
        c.isCurrent ? (
          <Badge tone="info">{t("campaigns.current")}</Badge>
        ) : (
          <MakeCurrentButton campaignId={c.id} name={c.name} />
        ),
    },
  ];

  const sources: CampaignSource[] = campaigns.map((c) => ({
    id: c.id,
    name: c.name,
    year: c.year,
    planSize: c.planSize,
    phases: c.phaseWindows.map((w) => ({
      phase: w.phase,
      opensAt: beijingDateTime(w.opensAt),
      closesAt: beijingDateTime(w.closesAt),
    })),
  }));
  // the year after the newest campaign, or this year when there is none
  const suggestedYear = campaigns.length
    ? Math.max(...campaigns.map((c) => c.year)) + 1
    : Number(beijingDay(new Date()).slice(0, 4));

  return (
    <>
      <PageHeader title={t("campaigns.title")} subtitle={t("campaigns.subtitle")}>
        <Link href="/admin" className="inline-flex min-h-11 items-center text-sm text-brand-700 underline">
          {t("staff.back")}
        </Link>
      </PageHeader>
      <Card title={t("campaigns.listTitle")}>
        {campaigns.length ? (
          <div data-testid="campaign-list">
            <Table rows={campaigns} columns={columns} rowKey={(c) => c.id} />
          </div>
        ) : (
          <EmptyState>{t("campaigns.empty")}</EmptyState>
        )}
      </Card>
      <Card title={t("campaigns.new.title")} className="mt-4">
        <NewCampaignForm sources={sources} suggestedYear={suggestedYear} />
      </Card>
      {inUse ? (
        <Card title={t("teams.students.title")} className="mt-4">
          <DisablePastStudents count={pastStudents} />
        </Card>
      ) : null}
    </>
  );
}
