import { startOfWeek } from "date-fns";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { weekAtAGlance } from "@/lib/inspection/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection"))("title") };
}

type Row = Awaited<ReturnType<typeof weekAtAGlance>>["latest"][number];

export default async function InspectionPage() {
  await requirePermission("inspection.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const week = await weekAtAGlance(campaign.id, startOfWeek(new Date(), { weekStartsOn: 1 }));
  const columns: Column<Row>[] = [
    {
      key: "time",
      label: t("inspection.columns.time"),
      cell: (l) =>
        format.dateTime(l.startedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
      primary: true,
    },
    { key: "caller", label: t("inspection.columns.caller"), cell: (l) => l.caller.name },
    { key: "candidate", label: t("inspection.columns.candidate"), cell: (l) => l.candidate.name },
    { key: "channel", label: t("inspection.columns.channel"), cell: (l) => t(`channel.${l.channel}`) },
    {
      key: "duration",
      label: t("inspection.columns.duration"),
      cell: (l) => t("common.minutes", { count: Math.round(l.durationSeconds / 60) }),
      align: "right",
    },
    {
      key: "outcome",
      label: t("inspection.columns.outcome"),
      cell: (l) => (t.has(`outcome.${l.outcome}`) ? t(`outcome.${l.outcome}` as "outcome.GUIDED") : l.outcome),
    },
  ];
  return (
    <>
      <PhaseBanner campaign={campaign} now={new Date()} />
      <PageHeader title={t("inspection.title")} subtitle={t("inspection.subtitle")} />
      <div className="grid grid-cols-2 gap-3">
        <Stat label={t("inspection.logsThisWeek")} value={week.logs} />
        <Stat label={t("inspection.callersActive")} value={week.callersActive} />
      </div>
      <Card title={t("inspection.latest")} className="mt-4">
        {week.latest.length === 0 ? (
          <EmptyState>{t("inspection.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={week.latest} rowKey={(l) => l.id} caption={t("inspection.latest")} />
        )}
      </Card>
    </>
  );
}
