import { differenceInCalendarDays } from "date-fns";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { strikeQueue } from "@/lib/strike/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("strike"))("title") };
}

type Row = Awaited<ReturnType<typeof strikeQueue>>[number];

export default async function StrikePage() {
  await requirePermission("strike.view");
  const t = await getTranslations();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const queue = await strikeQueue(campaign.id);
  const columns: Column<Row>[] = [
    {
      key: "candidate",
      label: t("strike.columns.candidate"),
      cell: (e) => `${e.candidate.name}（${e.candidate.region}）`,
      primary: true,
    },
    { key: "reason", label: t("strike.columns.reason"), cell: (e) => t(`escalation.reason.${e.reason}`) },
    { key: "from", label: t("strike.columns.from"), cell: (e) => e.fromUser.name },
    {
      key: "waiting",
      label: t("strike.columns.waiting"),
      cell: (e) => t("strike.days", { count: differenceInCalendarDays(now, e.createdAt) }),
      align: "right",
    },
    {
      key: "status",
      label: t("strike.columns.status"),
      cell: (e) => (
        <Badge tone={e.status === "CLAIMED" ? "info" : "warn"}>
          {t(`escalation.status.${e.status}`)}
          {e.assignee ? ` · ${e.assignee.name}` : ""}
        </Badge>
      ),
    },
  ];
  return (
    <>
      <PhaseBanner campaign={campaign} now={new Date()} />
      <PageHeader title={t("strike.title")} subtitle={t("strike.subtitle")} />
      <Card>
        {queue.length === 0 ? (
          <EmptyState>{t("strike.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={queue} rowKey={(e) => e.id} caption={t("strike.title")} />
        )}
      </Card>
    </>
  );
}
